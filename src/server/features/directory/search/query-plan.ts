// What a directory search asks: its words (normalised like the indexed texts), the filters as facet
// keys every match must have, the kinds of which it must have one, and the point with its radius.
import type { DirectorySearchQuery } from '../../../../shared/schemas/directory';
import { searchTerms } from '../../../../shared/search-text';
import { badRequest } from '../../../platform/errors';
import { facetKey } from './index-entry';

export type Tier = 0 | 1;
export type Point = { lat: number; lon: number; radiusKm: number };

export type QueryPlan = {
  terms: string[];
  /** Facet keys every match has. */
  facets: string[];
  /** Kind facet keys, one of which every match has (none: any kind). */
  kinds: string[];
  point: Point | null;
};

const MAX_TERMS = 8;
const DEFAULT_RADIUS_KM = 5;

function facetsOf(query: DirectorySearchQuery): string[] {
  const facets: string[] = [];
  if (query.group) facets.push(facetKey.group(query.group));
  if (query.area) facets.push(facetKey.area(query.area));
  for (const code of query.procedures ?? []) facets.push(facetKey.procedure(code));
  for (const code of query.capabilities ?? []) facets.push(facetKey.capability(code));
  if (query.open) facets.push(facetKey.open(query.open));
  if (query.vacancy) facets.push(facetKey.vacancy);
  return facets;
}

export function planQuery(query: DirectorySearchQuery): QueryPlan {
  const terms = searchTerms(query.q ?? '');
  if (terms.length > MAX_TERMS)
    throw badRequest('too_many_terms', `検索語は${MAX_TERMS}語までにしてください。`);
  const facets = facetsOf(query);
  const kinds = (query.kinds ?? []).map(facetKey.kind);
  const point =
    query.lat !== undefined && query.lon !== undefined
      ? { lat: query.lat, lon: query.lon, radiusKm: query.radius ?? DEFAULT_RADIUS_KM }
      : null;
  // A single character (「愛」) is in a tenth of all names: alone it would list half the country.
  if (terms.some((term) => term.length < 2) && facets.length === 0 && kinds.length === 0 && !point)
    throw badRequest(
      'term_too_short',
      '1文字の言葉だけでは検索できません。2文字以上で入力するか、種類・地域などで絞り込んでください。',
    );
  return { terms, facets, kinds, point };
}

/** The tier of an entry with these texts: 0 every word in the name, 1 some only in the address; null no match. */
export function tierOf(nameText: string, addressText: string, terms: string[]): Tier | null {
  let allInName = true;
  for (const term of terms) {
    if (nameText.includes(term)) continue;
    if (!addressText.includes(term)) return null;
    allInName = false;
  }
  return allInName ? 0 : 1;
}

export const tiersOf = (plan: QueryPlan): Tier[] => (plan.terms.length ? [0, 1] : [0]);

/** Kilometres, as a flat map near the point: exact enough within the 50 km a search may ask. */
export function distanceKm(point: Point, latitude: number, longitude: number): number {
  const kmPerLonDegree = 111.32 * Math.cos((point.lat * Math.PI) / 180);
  const dy = (latitude - point.lat) * 111.32;
  const dx = (longitude - point.lon) * kmPerLonDegree;
  return Math.sqrt(dy * dy + dx * dx);
}
