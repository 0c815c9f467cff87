// How the rows of one tier are fetched, cheapest first. Each answers the same question exactly — the
// next `limit + 1` matches after a position, in key order — but touches few rows:
// - index:   few candidates (≤ INDEX_ALL by the statistics): take them all from the GIN index, sort.
// - walk:    very common words: read the 五十音 index in order, keep matches; stops when the page is full.
// - buckets: in between: ask the GIN index for the matches in the first 五十音 buckets only, widening
//            until the page is full, so a word with 5,000 matches never sorts 5,000 rows.
// - rings:   near a point: the map cells of a small circle first, widening to the radius asked.
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client';
import { cellsAround, type Plan, type Point, type Tier, tierCandidates } from './search-plan';
import {
  candidateSql,
  distanceSql,
  intArray,
  matchConditions,
  type SummaryRow,
  summaryColumns,
} from './search-sql';
import { bucketedToken, facetToken, SORT_BUCKETS, sortBucketOf, sortBucketToken } from './search-tokens';

export type Position = { key: string | number; id: string } | null;

const INDEX_ALL = 2000;
const DENSE = 25_000;
const WALK_WINDOW = 3000;
/** Matches one bucket round aims for (×4 each further round), and the most buckets it names. */
const ROUND_TARGET = 40;
const ROUND_BUCKETS = 24;

type Fetch = (where: SQL[], key: SQL, limit: number) => Promise<SummaryRow[]>;

/**
 * Matches among the index's candidates, in key order. The CTE is MATERIALIZED on purpose: planned on
 * its own, without the ORDER BY … LIMIT, it is always a GIN bitmap scan; inlined, the planner may
 * instead walk the 五十音 index checking every row, which for a rare word means all 500,000 of them.
 */
function fetcher(db: DbOrTx, plan: Plan, tier: Tier): Fetch {
  return (where, key, limit) =>
    queryRows<SummaryRow>(
      db,
      sql`WITH matches AS MATERIALIZED (
          SELECT ${summaryColumns}, ${plan.point ? key : sql`NULL::float8`} AS distance_km
          FROM service_points WHERE ${sql.join([...matchConditions(plan, tier), ...where], sql` AND `)})
        SELECT * FROM matches ORDER BY ${plan.point ? sql`distance_km` : sql`sort_key COLLATE "C"`}, id LIMIT ${limit}`,
    );
}

function afterSql(key: SQL, after: Position): SQL[] {
  if (!after) return [];
  const value =
    typeof after.key === 'number' ? sql`${after.key}::float8` : sql`${after.key}::text COLLATE "C"`;
  return [sql`(${key}, id) > (${value}, ${after.id}::uuid)`];
}

async function walk(db: DbOrTx, plan: Plan, tier: Tier, after: Position, limit: number) {
  const from = after
    ? sql`WHERE (sort_key, id) > (${after.key as string}::text COLLATE "C", ${after.id}::uuid)`
    : sql``;
  return queryRows<SummaryRow>(
    db,
    sql`SELECT ${summaryColumns}, NULL::float8 AS distance_km
      FROM (SELECT * FROM service_points ${from} ORDER BY sort_key, id LIMIT ${WALK_WINDOW}) window_rows
      WHERE ${sql.join(matchConditions(plan, tier), sql` AND `)}
      ORDER BY sort_key, id LIMIT ${limit}`,
  );
}

/** Consecutive buckets from `start` expected to hold about `target` matches at this density. */
function bucketRange(plan: Plan, start: number, density: number, target: number, maxBuckets: number) {
  const { rows, frequency } = plan.stats;
  const ids: number[] = [];
  let expected = 0;
  let bucket = start;
  for (; bucket < SORT_BUCKETS && ids.length < maxBuckets && expected < target; bucket++) {
    ids.push(bucket);
    expected += frequency(sortBucketToken(bucket)) * rows * density;
  }
  return { ids, end: bucket };
}

/**
 * The token a tier-0 match must hold that has bucketed twins (search-tokens.ts): the rarest bigram of
 * the words in the name, or the kind when one is asked for. Null when there is none (tier 1, filters
 * only): then the plain bucket tokens narrow, together with the candidates' tokens.
 */
function bucketPivot(plan: Plan, tier: Tier): number | null {
  if (tier !== 0) return null;
  const kinds = plan.query.kinds ?? [];
  const options = [
    ...plan.termTokens.flatMap((t) => t.name),
    ...(kinds.length === 1 ? [facetToken('kind', kinds[0] as string)] : []),
  ];
  const ranked = options.map((token) => ({ token, share: plan.stats.frequency(token) }));
  return ranked.sort((a, b) => a.share - b.share)[0]?.token ?? null;
}

function roundNarrowing(pivot: number | null, anyOf: SQL, ids: number[], start: number, end: number): SQL[] {
  if (pivot === null) return [anyOf, sql`search_tokens && ${intArray(ids.map(sortBucketToken))}`];
  return [
    sql`search_tokens && ${intArray(ids.map((id) => bucketedToken(pivot, id)))}`,
    sql`sort_bucket >= ${start} AND sort_bucket < ${end}`,
  ];
}

async function buckets(
  fetch: Fetch,
  plan: Plan,
  tier: Tier,
  anyOf: SQL,
  estimate: number,
  after: Position,
  limit: number,
) {
  const key = sql`sort_key`;
  const density = Math.max(estimate / Math.max(plan.stats.rows, 1), 1e-6);
  const pivot = bucketPivot(plan, tier);
  const found: SummaryRow[] = [];
  let start = after ? sortBucketOf(after.key as string) : 0;
  for (let round = 0; start < SORT_BUCKETS && found.length < limit; round++) {
    const range = bucketRange(plan, start, density, ROUND_TARGET * 4 ** round, ROUND_BUCKETS * 2 ** round);
    const narrowing = roundNarrowing(pivot, anyOf, range.ids, start, range.end);
    const rows = await fetch([...narrowing, ...afterSql(key, after)], key, limit - found.length);
    found.push(...rows);
    start = range.end;
  }
  return found;
}

async function rings(db: DbOrTx, plan: Plan & { point: Point }, tier: Tier, after: Position, limit: number) {
  const { radiusKm } = plan.point;
  const key = distanceSql(plan.point);
  const text = tierCandidates(plan, tier);
  const radii = [radiusKm / 8, radiusKm / 4, radiusKm / 2, radiusKm].filter(
    (r, i, all) => r >= 0.5 || i === all.length - 1,
  );
  const from = typeof after?.key === 'number' ? after.key : 0;
  let rows: SummaryRow[] = [];
  for (const r of radii.filter((r) => r >= from || r === radiusKm)) {
    const ring = { ...plan, point: { ...plan.point, radiusKm: r } };
    const cells = cellsAround(ring.point);
    const cellRows = cells.reduce((sum, cell) => sum + plan.stats.frequency(cell) * plan.stats.rows, 0);
    const narrowing = text.estimate < cellRows ? candidateSql(text.clauses) : null;
    const where = [
      sql`search_tokens && ${intArray(cells)}`,
      ...(narrowing ? [narrowing] : []),
      ...afterSql(key, after),
    ];
    rows = await fetcher(db, ring, tier)(where, key, limit);
    if (rows.length >= limit) break;
  }
  return rows;
}

/** Up to `limit` matches of one tier after a position, in the tier's order. */
export async function fetchTier(db: DbOrTx, plan: Plan, tier: Tier, after: Position, limit: number) {
  if (plan.point) return rings(db, plan as Plan & { point: Point }, tier, after, limit);
  const fetch = fetcher(db, plan, tier);
  const key = sql`sort_key`;
  const candidates = tierCandidates(plan, tier);
  const anyOf = candidateSql(candidates.clauses);
  if (anyOf && candidates.estimate <= INDEX_ALL) return fetch([anyOf, ...afterSql(key, after)], key, limit);
  if (!anyOf || candidates.estimate > DENSE) {
    const rows = await walk(db, plan, tier, after, limit);
    if (rows.length >= limit || !anyOf) return rows;
  }
  return buckets(fetch, plan, tier, anyOf, candidates.estimate, after, limit);
}

/** Matches of every tier, counted up to `cap` — only asked when the candidates are few. */
export async function countMatches(db: DbOrTx, plan: Plan, cap: number): Promise<number | null> {
  const tiers: Tier[] = plan.terms.length ? [0, 1] : [0];
  const candidates = tiers.map((tier) => ({ tier, ...tierCandidates(plan, tier) }));
  const estimate = candidates.reduce((sum, c) => sum + c.estimate, 0);
  if (plan.point || estimate > INDEX_ALL) return null;
  let total = 0;
  for (const { tier, clauses } of candidates) {
    const narrowing = candidateSql(clauses);
    if (!narrowing) return null;
    const [row] = await queryRows<{ total: number }>(
      db,
      sql`SELECT count(*)::int AS total FROM (
        SELECT 1 FROM service_points WHERE ${sql.join([narrowing, ...matchConditions(plan, tier)], sql` AND `)}
        LIMIT ${cap + 1 - total}) matches`,
    );
    total += Number(row?.total ?? 0);
    if (total > cap) break;
  }
  return total;
}
