// What the directory search indexes for a service point: the normalised texts, a 五十音 sort key,
// and one int4[] of tokens under a GIN index — character bigrams of the name, reading, kind and
// address, plus one token per filterable fact (kind, area, procedure, open day, vacancy, map cell).
// A search is then a single `search_tokens @> …` over one index whatever mix of text and filters
// is asked; the real columns are still checked, so a hash collision can never show a wrong row.
import { serviceKindOf, weekdays } from '../../../shared/directory';
import { bigramsOf, normalizeForSearch } from '../../../shared/search-text';

// Facet token = (type << 16) | hash16(value). Types sit in 1…31, below any character a normalised
// text keeps (controls are stripped), so a facet token never equals a bigram of two characters.
const facetTypes = {
  kind: 1,
  group: 2,
  area: 3,
  capability: 4,
  procedure: 5,
  weekday: 6,
  vacancy: 7,
  fineCell: 8,
  coarseCell: 9,
  // Exact (no hash): the 五十音 bucket of the sort key, see `sortBucketOf`.
  sortBucket: 11,
} as const;
export type FacetType = keyof typeof facetTypes;

function hash16(value: string): number {
  // FNV-1a, folded to 16 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 16) ^ hash) & 0xffff;
}

export function facetToken(type: FacetType, value: string): number {
  return (facetTypes[type] << 16) | hash16(value);
}

const FACET_SPACE_END = 32 << 16;

/**
 * Address bigrams live in a token space of their own, so the statistics and the index tell "in the
 * name" from "in the address" (the name ranks first). Mixed, and kept out of the facet range; a
 * collision with a name bigram only adds candidates, which the text check then drops.
 */
export function addressToken(bigram: number): number {
  const mixed = Math.imul(bigram ^ 0x5bd1e995, 0x9e3779b1) | 0;
  return mixed >= 0 && mixed < FACET_SPACE_END ? mixed + FACET_SPACE_END : mixed;
}

// Characters of a sort key ranked in code-point order: digits and latin, the hiragana, 「ー」, kanji.
function charRank(code: number): number {
  if (Number.isNaN(code) || code < 0x3041) return 0;
  if (code <= 0x3096) return code - 0x3040;
  if (code <= 0x30fc) return 87;
  return code < 0x4e00 ? 88 : 89;
}

/**
 * The 五十音 bucket of a sort key (its first character, the second in four steps): ordered like the
 * keys themselves, so the rows of buckets b…c are exactly the rows between two keys. About 360
 * buckets, a few thousand rows each at national scale: a search for a word with a few thousand
 * matches asks the index for the first buckets only and stops when the page is full (search.ts).
 */
export function sortBucketOf(sortKey: string): number {
  return charRank(sortKey.charCodeAt(0)) * 4 + Math.floor((charRank(sortKey.charCodeAt(1)) * 4) / 90);
}

export const SORT_BUCKETS = 90 * 4;

export function sortBucketToken(bucket: number): number {
  return (facetTypes.sortBucket << 16) | bucket;
}

/**
 * A token together with a 五十音 bucket: "this name bigram (or this kind), in this bucket". A search
 * for a word with thousands of matches asks for its rarest bigram in the first few buckets and gets
 * only those rows — no large posting list is read, nothing is sorted but the page. Hashed; the
 * bucket column and the text are checked, so a collision only adds a candidate.
 */
export function bucketedToken(token: number, bucket: number): number {
  const mixed = Math.imul(token ^ Math.imul(bucket + 1, 0x27d4eb2d), 0x165667b1) | 0;
  return mixed >= 0 && mixed < FACET_SPACE_END ? mixed + FACET_SPACE_END : mixed;
}

// Map cells for the radius search: about 5.5 km and 55 km squares.
export const cellSizes = {
  fineCell: { lat: 0.05, lon: 0.0625 },
  coarseCell: { lat: 0.5, lon: 0.625 },
} as const;

export function cellOf(level: keyof typeof cellSizes, latitude: number, longitude: number): string {
  const size = cellSizes[level];
  return `${Math.floor(latitude / size.lat)}:${Math.floor(longitude / size.lon)}`;
}

export type IndexedFields = {
  name: string;
  kana: string;
  serviceCode: string;
  serviceName: string | null;
  address: string;
  building: string | null;
  areaId: string | null;
  latitude: number | null;
  longitude: number | null;
  capabilities: readonly string[];
  procedures: readonly string[];
  openWeekdays: number;
  vacancy: number | null;
};

export type SearchColumns = {
  sortKey: string;
  sortBucket: number;
  nameText: string;
  addressText: string;
  searchTokens: number[];
};

/** Parts are joined by a space: a normalised term has none, so no match spans two parts. */
const joinParts = (parts: (string | null | undefined)[]) =>
  parts
    .filter((part): part is string => Boolean(part))
    .map(normalizeForSearch)
    .filter((part) => part.length > 0)
    .join(' ');

export function searchColumns(point: IndexedFields): SearchColumns {
  const kind = serviceKindOf(point.serviceCode, point.serviceName);
  const nameText = joinParts([point.name, point.kana, kind.ja, kind.reading]);
  const addressText = joinParts([point.address, point.building]);
  const sortKey = `${normalizeForSearch(point.kana || point.name)} ${normalizeForSearch(point.name)}`;
  const sortBucket = sortBucketOf(sortKey);
  const kindToken = facetToken('kind', point.serviceCode);
  const tokens = new Set<number>([sortBucketToken(sortBucket), bucketedToken(kindToken, sortBucket)]);
  for (const part of nameText.split(' '))
    for (const code of bigramsOf(part)) {
      tokens.add(code);
      tokens.add(bucketedToken(code, sortBucket));
    }
  for (const part of addressText.split(' '))
    for (const code of bigramsOf(part)) tokens.add(addressToken(code));
  for (const token of facetTokensOf(point, kind.group)) tokens.add(token);
  return {
    sortKey,
    sortBucket,
    nameText,
    addressText,
    searchTokens: [...tokens],
  };
}

function facetTokensOf(point: IndexedFields, group: string): number[] {
  const tokens = [facetToken('kind', point.serviceCode), facetToken('group', group)];
  if (point.areaId) tokens.push(facetToken('area', point.areaId));
  for (const capability of point.capabilities) tokens.push(facetToken('capability', capability));
  for (const procedure of point.procedures) tokens.push(facetToken('procedure', procedure));
  weekdays.forEach((day, i) => {
    if (point.openWeekdays & (1 << i)) tokens.push(facetToken('weekday', day.code));
  });
  if (point.vacancy !== null && point.vacancy > 0) tokens.push(facetToken('vacancy', 'yes'));
  if (point.latitude !== null && point.longitude !== null) {
    tokens.push(facetToken('fineCell', cellOf('fineCell', point.latitude, point.longitude)));
    tokens.push(facetToken('coarseCell', cellOf('coarseCell', point.latitude, point.longitude)));
  }
  return tokens;
}
