// What the in-memory index reads of a service point: the 五十音 key, the normalised texts (checked for
// every candidate, so the bigrams only ever narrow), the filterable facts as facet keys, the
// coordinates, and what a results page shows of it.
import { sql } from 'drizzle-orm';
import { serviceKindOf, weekdays } from '../../../../shared/directory';
import type { SummaryRow } from './summaries';

/** A row as the index reads it: what a results page shows, and what is searched. */
export type IndexRow = SummaryRow & {
  sort_key: string;
  name_text: string;
  address_text: string;
  withdrawn: boolean;
};

export const indexColumns = sql`id, name, kana, service_code, service_name, address, building, phone, fax,
  latitude, longitude, area_id, capabilities, procedures, open_weekdays, vacancy, vacancy_updated_at,
  coalesce(maintained_at, imported_at) AS updated_on, sort_key, name_text, address_text,
  withdrawn_at IS NOT NULL AS withdrawn`;

/** An entry changed since the snapshot (laid over it, live-index.ts). */
export type IndexEntry = {
  id: string;
  sortKey: string;
  nameText: string;
  addressText: string;
  facets: string[];
  latitude: number | null;
  longitude: number | null;
  row: SummaryRow;
};

/** Facet keys: one filter value each (`kind:130`, `area:<id>`, `procedure:suction`, `open:sun` …). */
export const facetKey = {
  kind: (code: string) => `kind:${code}`,
  group: (code: string) => `group:${code}`,
  area: (id: string) => `area:${id}`,
  capability: (code: string) => `capability:${code}`,
  procedure: (code: string) => `procedure:${code}`,
  open: (day: string) => `open:${day}`,
  vacancy: 'vacancy',
};

export function facetsOf(row: IndexRow): string[] {
  const facets = [
    facetKey.kind(row.service_code),
    facetKey.group(serviceKindOf(row.service_code, row.service_name).group),
  ];
  if (row.area_id) facets.push(facetKey.area(row.area_id));
  for (const code of row.capabilities) facets.push(facetKey.capability(code));
  for (const code of row.procedures) facets.push(facetKey.procedure(code));
  weekdays.forEach((day, i) => {
    if (row.open_weekdays & (1 << i)) facets.push(facetKey.open(day.code));
  });
  if (row.vacancy !== null && row.vacancy > 0) facets.push(facetKey.vacancy);
  return facets;
}

export function toIndexEntry(row: IndexRow): IndexEntry {
  return {
    id: row.id,
    sortKey: row.sort_key,
    nameText: row.name_text,
    addressText: row.address_text,
    facets: facetsOf(row),
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    row,
  };
}

/**
 * (sort key, id) in the database's order: code points, as `COLLATE "C"` compares UTF-8 bytes
 * (JavaScript's own `<` compares UTF-16 units, which differs beyond the Basic Multilingual Plane).
 */
export function compareKeys(keyA: string, idA: string, keyB: string, idB: string): number {
  if (keyA !== keyB) return compareCodePoints(keyA, keyB);
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** A surrogate (half of a character beyond U+FFFF) sorts after every other UTF-16 unit. */
const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
