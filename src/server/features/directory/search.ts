// The public directory search, built to stay fast at national scale (500,000 service points).
//
// Order: entries whose name (or reading, or kind) holds every word come first (tier 0), then those
// that match through the address (tier 1); within a tier nearest first when a point is given, else
// in 五十音 order. Paging is by key — (tier, key, id) in an opaque cursor — never by offset.
//
// Counting every match of a common word is what makes naive search pages slow (performance.md): the
// total is exact up to COUNT_CAP when the candidates are few, and null ("many — narrow it down")
// otherwise. How each tier's rows are fetched without sorting thousands: search-strategies.ts.
import type {
  DirectorySearchQuery,
  DirectorySearchResult,
  ServicePointSummary,
} from '../../../shared/schemas/directory';
import type { DbOrTx } from '../../db/client';
import { badRequest } from '../../platform/errors';
import { makePlan, type Tier } from './search-plan';
import { type SummaryRow, toSummary } from './search-sql';
import { countMatches, fetchTier, type Position } from './search-strategies';
import { type TokenFrequencies, tokenFrequencies } from './token-stats';

export const COUNT_CAP = 1000;

export type SearchOptions = {
  /** Entries not confirmed for this many days show as stale. */
  staleAfterDays: number;
  /** Identifies the database for the statistics cache. */
  statsKey: object;
  /** Statistics to plan with instead of the database's (tests of each strategy). */
  stats?: TokenFrequencies;
};

type Cursor = { t: Tier; k: string | number; id: string };

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    const validKey = typeof value.k === 'string' || (typeof value.k === 'number' && Number.isFinite(value.k));
    if ((value.t === 0 || value.t === 1) && validKey && /^[0-9a-f-]{36}$/.test(String(value.id)))
      return value;
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', '「続きを表示」の指定が正しくありません。検索をやり直してください。');
}

export async function searchDirectory(
  db: DbOrTx,
  query: DirectorySearchQuery,
  options: SearchOptions,
): Promise<DirectorySearchResult> {
  const plan = makePlan(query, options.stats ?? (await tokenFrequencies(db, options.statsKey)));
  const cursor = decodeCursor(query.cursor);
  const tiers: Tier[] = plan.terms.length ? [0, 1] : [0];
  const wanted = query.limit + 1;
  const rows: (SummaryRow & { tier: Tier })[] = [];
  for (const tier of tiers.filter((t) => t >= (cursor?.t ?? 0))) {
    const after: Position = cursor && cursor.t === tier ? { key: cursor.k, id: cursor.id } : null;
    const found = await fetchTier(db, plan, tier, after, wanted - rows.length);
    rows.push(...found.map((row) => ({ ...row, tier })));
    if (rows.length >= wanted) break;
  }
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const complete = !cursor && rows.length <= query.limit;
  const total = cursor ? null : complete ? rows.length : await countMatches(db, plan, COUNT_CAP);
  return {
    items: items.map((row) => toSummary(row, options.staleAfterDays)),
    total: total === null ? null : Math.min(total, COUNT_CAP),
    totalCapped: total !== null && total > COUNT_CAP,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({
            t: last.tier,
            k: plan.point ? Number(last.distance_km) : last.sort_key,
            id: last.id,
          })
        : null,
  };
}

/** Every match in the search's order, a page at a time, until `maxRows` have been read (CSV export). */
export async function* searchPages(
  db: DbOrTx,
  query: DirectorySearchQuery,
  options: SearchOptions,
  maxRows: number,
): AsyncGenerator<ServicePointSummary[]> {
  let cursor: string | undefined;
  for (let left = maxRows; left > 0; ) {
    const page = await searchDirectory(db, { ...query, cursor, limit: Math.min(100, left) }, options);
    if (page.items.length > 0) yield page.items;
    left -= page.items.length;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
