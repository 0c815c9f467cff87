// What a directory search asks of the index: the words as name tokens and address tokens, the
// filters as facet tokens, and how many candidates each tier is likely to have (from the
// statistics, token-stats.ts) — which decides how the rows are fetched (search-strategies.ts).
import type { DirectorySearchQuery } from '../../../shared/schemas/directory';
import { bigramsOf, searchTerms } from '../../../shared/search-text';
import { badRequest } from '../../platform/errors';
import { addressToken, cellOf, cellSizes, facetToken } from './search-tokens';
import type { TokenFrequencies } from './token-stats';

export type Tier = 0 | 1;
export type Point = { lat: number; lon: number; radiusKm: number };

export type Plan = {
  terms: string[];
  /** Facet tokens of the filters (all exact for the fixed lists; kinds and areas also checked). */
  facets: number[];
  /** Per term: its bigrams as found in a name, and as found in an address. */
  termTokens: { name: number[]; address: number[] }[];
  point: Point | null;
  stats: TokenFrequencies;
  query: DirectorySearchQuery;
};

const MAX_TERMS = 8;
/** Tokens handed to the GIN index per condition: the rarest few narrow enough, the rest are checked per row. */
const INDEX_TOKENS = 3;

function facetTokensOf(query: DirectorySearchQuery): number[] {
  const tokens: number[] = [];
  if (query.kinds?.length === 1) tokens.push(facetToken('kind', query.kinds[0] as string));
  if (query.group) tokens.push(facetToken('group', query.group));
  if (query.area) tokens.push(facetToken('area', query.area));
  for (const procedure of query.procedures ?? []) tokens.push(facetToken('procedure', procedure));
  for (const capability of query.capabilities ?? []) tokens.push(facetToken('capability', capability));
  if (query.open) tokens.push(facetToken('weekday', query.open));
  if (query.vacancy) tokens.push(facetToken('vacancy', 'yes'));
  return tokens;
}

export function makePlan(query: DirectorySearchQuery, stats: TokenFrequencies): Plan {
  const terms = searchTerms(query.q ?? '');
  if (terms.length > MAX_TERMS)
    throw badRequest('too_many_terms', `検索語は${MAX_TERMS}語までにしてください。`);
  const facets = facetTokensOf(query);
  const point =
    query.lat !== undefined && query.lon !== undefined
      ? { lat: query.lat, lon: query.lon, radiusKm: query.radius ?? 5 }
      : null;
  if (terms.some((term) => term.length < 2) && facets.length === 0 && !point)
    throw badRequest(
      'term_too_short',
      '1文字の言葉だけでは検索できません。2文字以上で入力するか、種類・地域などで絞り込んでください。',
    );
  const termTokens = terms.map((term) => {
    const name = bigramsOf(term);
    return { name, address: name.map(addressToken) };
  });
  return { terms, facets, termTokens, point, stats, query };
}

/** The rarest few of some tokens, rarest first; with the share of rows the rarest one is in. */
export function rarest(plan: Plan, tokens: number[]): { tokens: number[]; share: number } {
  if (tokens.length === 0) return { tokens: [], share: 1 };
  const ranked = [...new Set(tokens)]
    .map((token) => ({ token, share: plan.stats.frequency(token) }))
    .sort((a, b) => a.share - b.share);
  const chosen = ranked.slice(0, INDEX_TOKENS).filter((c, i) => i === 0 || c.share < 0.2);
  return { tokens: chosen.map((c) => c.token), share: ranked[0]?.share ?? 1 };
}

/** A condition on the tokens: every clause holds (AND); a clause holds when one of its sets does (OR). */
export type Candidates = { clauses: number[][][]; estimate: number };

/** One clause: rows holding all (the rarest few) tokens of one of the sets; with its estimated rows. */
function clause(plan: Plan, sets: number[][]): { sets: number[][]; share: number } {
  const chosen = sets.map((tokens) => rarest(plan, tokens));
  return {
    sets: chosen.map((c) => c.tokens),
    share: Math.min(
      1,
      chosen.reduce((sum, c) => sum + c.share, 0),
    ),
  };
}

/**
 * The candidates of a tier for the GIN index. Tier 0: every word in the name. Tier 1: some word only
 * in the address — so at least one word is in an address, and each word is in the name or the address.
 */
export function tierCandidates(plan: Plan, tier: Tier): Candidates {
  const { facets, termTokens } = plan;
  const clauses =
    tier === 0
      ? [clause(plan, [[...facets, ...termTokens.flatMap((t) => t.name)]])]
      : [
          clause(
            plan,
            termTokens.map((t) => [...facets, ...t.address]),
          ),
          ...(termTokens.length > 1
            ? termTokens.map((t) =>
                clause(plan, [
                  [...facets, ...t.name],
                  [...facets, ...t.address],
                ]),
              )
            : []),
        ];
  return {
    clauses: clauses.map((c) => c.sets),
    estimate: Math.min(...clauses.map((c) => c.share)) * plan.stats.rows,
  };
}

/** The map cells a circle touches, at the finest level that needs few of them. */
export function cellsAround(point: Point): number[] {
  const level = point.radiusKm <= 8 ? 'fineCell' : 'coarseCell';
  const size = cellSizes[level];
  const dLat = point.radiusKm / 111.32;
  const dLon = point.radiusKm / (111.32 * Math.cos((point.lat * Math.PI) / 180));
  const cells = new Set<number>();
  for (let lat = point.lat - dLat; lat < point.lat + dLat + size.lat; lat += size.lat)
    for (let lon = point.lon - dLon; lon < point.lon + dLon + size.lon; lon += size.lon)
      cells.add(
        facetToken(level, cellOf(level, Math.min(lat, point.lat + dLat), Math.min(lon, point.lon + dLon))),
      );
  return [...cells];
}
