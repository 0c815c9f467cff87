// The public directory search, built to stay fast at national scale (500,000 service points).
//
// Order: rows whose name, reading or kind matches every word come first (tier 0), then rows that
// match only through the address (tier 1); within a tier by distance when a point is given, else in
// 五十音 order. Paging is by key (tier, key, id), never by offset.
//
// Two ways to the same answer, chosen per query from the token statistics (token-stats.ts):
// - "walk": common words (訪問看護 nationwide matches one row in six). Walk the 五十音 index a bounded
//   window at a time and keep the rows that match; a page fills after a few hundred rows. No count:
//   counting tens of thousands of matches is what makes naive search pages slow (performance.md).
// - "index": anything rarer, or any radius search. The GIN index on the tokens gives the candidates
//   (using only the rarest few tokens: intersecting common ones costs more than checking them),
//   every condition is checked on the real columns, and matches are counted up to COUNT_CAP.
import { type SQL, sql } from 'drizzle-orm';
import { serviceKindOf, weekdayBits, weekdaysOfBits } from '../../../shared/directory';
import type {
  DirectorySearchQuery,
  DirectorySearchResult,
  ServicePointSummary,
} from '../../../shared/schemas/directory';
import { bigramsOf, searchTerms } from '../../../shared/search-text';
import { type DbOrTx, queryRows } from '../../db/client';
import { badRequest } from '../../platform/errors';
import { cellOf, cellSizes, facetToken } from './search-tokens';
import { type TokenFrequencies, tokenFrequencies } from './token-stats';

export const COUNT_CAP = 1000;
/** Up to this many estimated candidates the GIN index answers; above it the walk does. */
const INDEX_CANDIDATE_LIMIT = 2000;
/** Rows of the 五十音 index one walk looks at before giving the question to the GIN index. */
const WALK_WINDOW = 4000;
/** Tokens given to the GIN index: the rarest few narrow enough; the rest are checked per row. */
const INDEX_TOKENS = 3;
const MAX_TERMS = 8;

export type SearchOptions = {
  /** Entries not confirmed for this many days show as stale. */
  staleAfterDays: number;
  /** Identifies the database for the statistics cache. */
  statsKey: object;
};

type Cursor = { s: 'walk' | 'index'; t: 0 | 1; k: string | number; id: string };

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    const validKey = typeof value.k === 'string' || typeof value.k === 'number';
    if ((value.s === 'walk' || value.s === 'index') && (value.t === 0 || value.t === 1) && validKey)
      if (typeof value.id === 'string' && /^[0-9a-f-]{36}$/.test(value.id)) return value;
  } catch {
    // fall through to the error below
  }
  throw badRequest('invalid_cursor', '「続きを表示」の指定が正しくありません。検索をやり直してください。');
}

type Point = { lat: number; lon: number; radiusKm: number };

type Plan = {
  terms: string[];
  /** Tokens for the GIN index (the rarest few), and the other facet tokens, checked per row. */
  indexTokens: number[];
  otherFacetTokens: number[];
  /** Map cells any of which a row must lie in (radius search). */
  cells: number[];
  point: Point | null;
  estimatedCandidates: number;
  query: DirectorySearchQuery;
};

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

/** The map cells a circle touches, at the finest level that needs few of them. */
function cellsAround(point: Point): number[] {
  const level = point.radiusKm <= 10 ? 'fineCell' : 'coarseCell';
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

function makePlan(query: DirectorySearchQuery, stats: TokenFrequencies): Plan {
  const terms = searchTerms(query.q ?? '');
  if (terms.length > MAX_TERMS)
    throw badRequest('too_many_terms', `検索語は${MAX_TERMS}語までにしてください。`);
  const facets = facetTokensOf(query);
  const candidates = [...new Set([...terms.flatMap(bigramsOf), ...facets])]
    .map((token) => ({ token, frequency: stats.frequency(token) }))
    .sort((a, b) => a.frequency - b.frequency);
  const chosen = candidates.slice(0, INDEX_TOKENS).filter((c, i) => i === 0 || c.frequency < 0.2);
  const indexTokens = chosen.map((c) => c.token);
  const point =
    query.lat !== undefined && query.lon !== undefined
      ? { lat: query.lat, lon: query.lon, radiusKm: query.radius ?? 5 }
      : null;
  if (terms.some((term) => term.length < 2) && indexTokens.length === 0 && !point)
    throw badRequest(
      'term_too_short',
      '1文字の言葉だけでは検索できません。2文字以上で入力するか、種類・地域などで絞り込んでください。',
    );
  return {
    terms,
    indexTokens,
    otherFacetTokens: facets.filter((token) => !indexTokens.includes(token)),
    cells: point ? cellsAround(point) : [],
    point,
    estimatedCandidates: indexTokens.length
      ? stats.rows * Math.min(...chosen.map((c) => c.frequency))
      : stats.rows,
    query,
  };
}

const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const intArray = (tokens: number[]) => sql`${`{${tokens.join(',')}}`}::int4[]`;

function distanceSql(point: Point): SQL {
  const kmPerLonDegree = 111.32 * Math.cos((point.lat * Math.PI) / 180);
  return sql`sqrt(power((latitude - ${point.lat}) * 111.32, 2) + power((longitude - ${point.lon}) * ${kmPerLonDegree}, 2))`;
}

/** Every condition, on the real columns: the tokens only ever narrow the candidates. */
function conditions(plan: Plan): SQL[] {
  const { query } = plan;
  const where: SQL[] = [sql`withdrawn_at IS NULL`];
  for (const term of plan.terms)
    where.push(sql`(name_text LIKE ${likeTerm(term)} OR address_text LIKE ${likeTerm(term)})`);
  // The facet tokens of fixed lists are exact; `|| '{}'` keeps this check off the index.
  if (plan.otherFacetTokens.length)
    where.push(sql`(search_tokens || '{}'::int4[]) @> ${intArray(plan.otherFacetTokens)}`);
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
  if (plan.point) {
    where.push(sql`search_tokens && ${intArray(plan.cells)}`);
    where.push(sql`latitude IS NOT NULL AND ${distanceSql(plan.point)} <= ${plan.point.radiusKm}`);
  }
  return where;
}

function tierSql(plan: Plan): SQL {
  if (plan.terms.length === 0) return sql`0::int`;
  const all = sql.join(
    plan.terms.map((term) => sql`name_text LIKE ${likeTerm(term)}`),
    sql` AND `,
  );
  return sql`(CASE WHEN ${all} THEN 0 ELSE 1 END)`;
}

const summaryColumns = sql`id, name, kana, service_code, service_name, address, building, phone, fax,
  latitude, longitude, area_id, capabilities, procedures, open_weekdays, vacancy, vacancy_updated_at,
  coalesce(maintained_at, imported_at) AS updated_on, sort_key`;

type SummaryRow = {
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
  tier: number;
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

/** Walk the 五十音 index from the cursor, one bounded window; tier 0 only (name matches). */
async function walk(db: DbOrTx, plan: Plan, after: Cursor | null, limit: number) {
  const from = after ? sql`WHERE (sort_key, id) > (${after.k as string}, ${after.id}::uuid)` : sql``;
  const nameMatch = plan.terms.map((term) => sql`name_text LIKE ${likeTerm(term)}`);
  const where = sql.join([...conditions(plan), ...nameMatch], sql` AND `);
  const rows = await queryRows<SummaryRow>(
    db,
    sql`
    SELECT ${summaryColumns}, 0::int AS tier, NULL::float8 AS distance_km
    FROM (SELECT * FROM service_points ${from} ORDER BY sort_key, id LIMIT ${WALK_WINDOW}) window_rows
    WHERE ${where}
    ORDER BY sort_key, id
    LIMIT ${limit + 1}`,
  );
  return rows;
}

async function viaIndex(db: DbOrTx, plan: Plan, after: Cursor | null, limit: number) {
  const tier = tierSql(plan);
  const key = plan.point ? distanceSql(plan.point) : sql`sort_key`;
  const where = [...conditions(plan)];
  if (plan.indexTokens.length) where.push(sql`search_tokens @> ${intArray(plan.indexTokens)}`);
  if (after) {
    const afterKey =
      typeof after.k === 'number' ? sql`${after.k}::float8` : sql`${after.k}::text COLLATE "C"`;
    where.push(sql`(${tier}, ${key}, id) > (${after.t}, ${afterKey}, ${after.id}::uuid)`);
  }
  const rows = await queryRows<SummaryRow>(
    db,
    sql`
    SELECT ${summaryColumns}, ${tier} AS tier, ${plan.point ? key : sql`NULL::float8`} AS distance_km
    FROM service_points
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${tier}, ${key}, id
    LIMIT ${limit + 1}`,
  );
  return rows;
}

async function countViaIndex(db: DbOrTx, plan: Plan): Promise<number> {
  const where = [...conditions(plan)];
  if (plan.indexTokens.length) where.push(sql`search_tokens @> ${intArray(plan.indexTokens)}`);
  const rows = await queryRows<{ total: number }>(
    db,
    sql`
    SELECT count(*)::int AS total FROM (
      SELECT 1 FROM service_points WHERE ${sql.join(where, sql` AND `)} LIMIT ${COUNT_CAP + 1}
    ) matches`,
  );
  return Number(rows[0]?.total ?? 0);
}

function pageOf(
  rows: SummaryRow[],
  limit: number,
  strategy: Cursor['s'],
  options: SearchOptions,
  point: Point | null,
) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({
          s: strategy,
          t: last.tier === 1 ? 1 : 0,
          k: point ? Number(last.distance_km) : last.sort_key,
          id: last.id,
        })
      : null;
  return { items: items.map((row) => toSummary(row, options.staleAfterDays)), nextCursor };
}

export async function searchDirectory(
  db: DbOrTx,
  query: DirectorySearchQuery,
  options: SearchOptions,
): Promise<DirectorySearchResult> {
  const plan = makePlan(query, await tokenFrequencies(db, options.statsKey));
  const after = decodeCursor(query.cursor);
  const firstPage = after === null;
  const canWalk = !plan.point && plan.estimatedCandidates > INDEX_CANDIDATE_LIMIT && after?.t !== 1;
  if (canWalk && (after === null || after.s === 'walk')) {
    const rows = await walk(db, plan, after, query.limit);
    if (rows.length > query.limit)
      return { ...pageOf(rows, query.limit, 'walk', options, null), total: null, totalCapped: false };
  }
  const rows = await viaIndex(db, plan, after, query.limit);
  const total = firstPage ? await countViaIndex(db, plan) : null;
  return {
    ...pageOf(rows, query.limit, 'index', options, plan.point),
    total: total === null ? null : Math.min(total, COUNT_CAP),
    totalCapped: total !== null && total > COUNT_CAP,
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
