// The public directory search, fast at national scale (500,000 service points): the in-memory index
// chooses the page's entries, counts the matches (run-query.ts) and holds what the page shows of them.
//
// Order: entries whose name (or reading, or kind) holds every word come first (tier 0), then those
// that match through the address (tier 1); within a tier nearest first when a point is given, else
// in 五十音 order. Paging is by key — (tier, key, id) in an opaque cursor — never by offset. The
// total is exact up to COUNT_CAP, then "more than" (totalCapped); null when too costly to count.
import type {
  DirectorySearchQuery,
  DirectorySearchResult,
  ServicePointSummary,
} from '../../../../shared/schemas/directory';
import type { DbOrTx } from '../../../db/client';
import { badRequest } from '../../../platform/errors';
import type { IndexEntry } from './index-entry';
import type { DirectoryIndex } from './live-index';
import { pageRowOf } from './page-rows';
import { planQuery } from './query-plan';
import { type Hit, type IndexView, type Position, runQuery } from './run-query';
import { type SummaryRow, toSummary } from './summaries';

export const COUNT_CAP = 1000;

export type SearchContext = {
  db: DbOrTx;
  index: DirectoryIndex;
  /** Entries not confirmed for this many days show as stale. */
  staleAfterDays: number;
};

type Cursor = { t: 0 | 1; k: string | number; id: string };

const encodeCursor = (position: Position) =>
  Buffer.from(
    JSON.stringify({ t: position.tier, k: position.key, id: position.id } satisfies Cursor),
  ).toString('base64url');

function decodeCursor(text: string | undefined): Position | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    const validKey = typeof value.k === 'string' || (typeof value.k === 'number' && Number.isFinite(value.k));
    if ((value.t === 0 || value.t === 1) && validKey && /^[0-9a-f-]{36}$/.test(String(value.id)))
      return { tier: value.t, key: value.k, id: value.id };
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', '「続きを表示」の指定が正しくありません。検索をやり直してください。');
}

/** What the page shows of a match: kept with the snapshot, or with the change laid over it. */
function rowOf(view: IndexView, hit: Hit): SummaryRow {
  const { snapshot } = view;
  if (hit.n < 0) return (view.changes.get(hit.id) as IndexEntry).row;
  const n = hit.n;
  return pageRowOf(
    snapshot.rows,
    n,
    hit.id,
    snapshot.latitudes[n] as number,
    snapshot.longitudes[n] as number,
  );
}

export async function searchDirectory(
  context: SearchContext,
  query: DirectorySearchQuery,
): Promise<DirectorySearchResult> {
  const plan = planQuery(query);
  const after = decodeCursor(query.cursor);
  const view = await context.index.current();
  const { hits, total } = runQuery(view, plan, { after, wanted: query.limit + 1, countCap: COUNT_CAP });
  const page = hits.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((hit) => toSummary(rowOf(view, hit), context.staleAfterDays, hit.distanceKm)),
    total: total === null ? null : Math.min(total, COUNT_CAP),
    totalCapped: total !== null && total > COUNT_CAP,
    nextCursor: hits.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** Every match in the search's order, a page at a time, until `maxRows` have been read (CSV export). */
export async function* searchPages(
  context: SearchContext,
  query: DirectorySearchQuery,
  maxRows: number,
): AsyncGenerator<ServicePointSummary[]> {
  let cursor: string | undefined;
  for (let left = maxRows; left > 0; ) {
    const page = await searchDirectory(context, { ...query, cursor, limit: Math.min(100, left) });
    if (page.items.length > 0) yield page.items;
    left -= page.items.length;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
