// How common each search token is, read from PostgreSQL's own statistics of the token array
// (pg_stats.most_common_elems, kept at 1,000 entries by the migration). The search uses it to choose
// between walking the 五十音 index (common words) and the GIN index (rare words): see search.ts.
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client';

export type TokenFrequencies = {
  /** Rows in the table, as the planner believes. */
  rows: number;
  /** Share of rows holding a token (0…1); tokens not listed are rarer than every listed one. */
  frequency: (token: number) => number;
};

type Cached = { at: number; value: TokenFrequencies };
const cache = new WeakMap<object, Cached>();
const maxAgeMs = 60_000;

function parseArray(text: string | null): number[] {
  if (!text) return [];
  return text
    .replace(/[{}]/g, '')
    .split(',')
    .filter((part) => part.length > 0)
    .map(Number);
}

async function readFrequencies(db: DbOrTx): Promise<TokenFrequencies> {
  const [row] = await queryRows<{ rows: number | string | null; elems: string | null; freqs: string | null }>(
    db,
    sql`
    SELECT
      (SELECT reltuples FROM pg_class WHERE oid = 'service_points'::regclass) AS rows,
      (SELECT most_common_elems::text FROM pg_stats
        WHERE schemaname = current_schema() AND tablename = 'service_points' AND attname = 'search_tokens') AS elems,
      (SELECT most_common_elem_freqs::text FROM pg_stats
        WHERE schemaname = current_schema() AND tablename = 'service_points' AND attname = 'search_tokens') AS freqs`,
  );
  const elems = parseArray(row?.elems ?? null);
  const freqs = parseArray(row?.freqs ?? null);
  const byToken = new Map(elems.map((token, i) => [token, freqs[i] ?? 0]));
  // The array ends with the lowest and highest listed frequency and the null share.
  const lowestListed = freqs.length >= 3 ? (freqs[freqs.length - 3] ?? 0) : 0;
  return {
    rows: Math.max(0, Number(row?.rows ?? 0)),
    frequency: (token) => byToken.get(token) ?? lowestListed,
  };
}

export async function tokenFrequencies(db: DbOrTx, key: object): Promise<TokenFrequencies> {
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.value;
  const value = await readFrequencies(db);
  cache.set(key, { at: Date.now(), value });
  return value;
}

/**
 * After an import: the GIN index's pending list merged into the index (every search would read it
 * through otherwise — a bulk load leaves megabytes there), and new statistics for the planner and
 * for the search's own choice.
 */
export async function refreshTokenStatistics(db: DbOrTx, key: object): Promise<void> {
  await db.execute(sql`SELECT gin_clean_pending_list('service_points_tokens_idx'::regclass)`);
  await db.execute(sql`ANALYZE service_points`);
  cache.delete(key);
}
