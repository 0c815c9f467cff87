// The SQL pieces every directory search strategy shares: the row conditions (always checked on the
// real columns — tokens only ever narrow the candidates), the tiers, the keys, and the row shape.
import { type SQL, sql } from 'drizzle-orm';
import { serviceKindOf, weekdayBits, weekdaysOfBits } from '../../../shared/directory';
import type { ServicePointSummary } from '../../../shared/schemas/directory';
import type { Plan, Point, Tier } from './search-plan';

const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export const intArray = (tokens: number[]) => sql`${`{${tokens.join(',')}}`}::int4[]`;

export function distanceSql(point: Point): SQL {
  const kmPerLonDegree = 111.32 * Math.cos((point.lat * Math.PI) / 180);
  return sql`sqrt(power((latitude - ${point.lat}) * 111.32, 2) + power((longitude - ${point.lon}) * ${kmPerLonDegree}, 2))`;
}

/** Every word in the name (tier 0). */
function nameMatchesAll(plan: Plan): SQL {
  return sql.join(
    plan.terms.map((term) => sql`name_text LIKE ${likeTerm(term)}`),
    sql` AND `,
  );
}

/** The conditions of a match in the given tier, on the real columns. */
export function matchConditions(plan: Plan, tier: Tier | null): SQL[] {
  const { query } = plan;
  const where: SQL[] = [sql`withdrawn_at IS NULL`];
  for (const term of plan.terms)
    where.push(sql`(name_text LIKE ${likeTerm(term)} OR address_text LIKE ${likeTerm(term)})`);
  if (plan.terms.length && tier === 0) where.push(nameMatchesAll(plan));
  if (plan.terms.length && tier === 1) where.push(sql`NOT (${nameMatchesAll(plan)})`);
  // Facet tokens of the fixed lists are exact; `|| '{}'` keeps this check off the index.
  if (plan.facets.length) where.push(sql`(search_tokens || '{}'::int4[]) @> ${intArray(plan.facets)}`);
  // Kinds and areas are open sets whose 16-bit hashes could meet: check the columns too.
  if (query.kinds?.length)
    where.push(
      sql`service_code IN (${sql.join(
        query.kinds.map((kind: string) => sql`${kind}`),
        sql`, `,
      )})`,
    );
  if (query.area) where.push(sql`area_id = ${query.area}`);
  if (query.open) where.push(sql`(open_weekdays & ${weekdayBits([query.open])}) <> 0`);
  if (plan.point)
    where.push(sql`latitude IS NOT NULL AND ${distanceSql(plan.point)} <= ${plan.point.radiusKm}`);
  return where;
}

/** The candidates' token condition (GIN index scans combined with AND and OR); null: nothing to narrow by. */
export function candidateSql(clauses: number[][][]): SQL | null {
  const usable = clauses.filter((sets) => sets.every((tokens) => tokens.length > 0));
  if (usable.length === 0) return null;
  return sql.join(
    usable.map(
      (sets) =>
        sql`(${sql.join(
          sets.map((tokens) => sql`search_tokens @> ${intArray(tokens)}`),
          sql` OR `,
        )})`,
    ),
    sql` AND `,
  );
}

export const summaryColumns = sql`id, name, kana, service_code, service_name, address, building, phone, fax,
  latitude, longitude, area_id, capabilities, procedures, open_weekdays, vacancy, vacancy_updated_at,
  coalesce(maintained_at, imported_at) AS updated_on, sort_key`;

export type SummaryRow = {
  id: string;
  name: string;
  kana: string;
  service_code: string;
  service_name: string | null;
  address: string;
  building: string | null;
  phone: string | null;
  fax: string | null;
  latitude: number | null;
  longitude: number | null;
  area_id: string | null;
  capabilities: string[];
  procedures: string[];
  open_weekdays: number;
  vacancy: number | null;
  vacancy_updated_at: Date | string | null;
  updated_on: Date | string | null;
  sort_key: string;
  distance_km: number | null;
};

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toSummary(row: SummaryRow, staleAfterDays: number): ServicePointSummary {
  const updatedOn = isoOrNull(row.updated_on);
  const staleBefore = Date.now() - staleAfterDays * 86_400_000;
  return {
    id: row.id,
    name: row.name,
    kana: row.kana,
    serviceCode: row.service_code,
    serviceName: serviceKindOf(row.service_code, row.service_name).ja,
    address: row.address,
    building: row.building,
    phone: row.phone,
    fax: row.fax,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    areaId: row.area_id,
    capabilities: row.capabilities,
    procedures: row.procedures,
    openWeekdays: weekdaysOfBits(row.open_weekdays),
    vacancy: row.vacancy,
    vacancyUpdatedAt: isoOrNull(row.vacancy_updated_at),
    updatedOn,
    stale: updatedOn === null || Date.parse(updatedOn) < staleBefore,
    distanceKm: row.distance_km === null || row.distance_km === undefined ? null : Number(row.distance_km),
  };
}
