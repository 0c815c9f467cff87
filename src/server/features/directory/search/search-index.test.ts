// The in-memory search answers exactly what a plain SQL search (LIKE on the normalised texts, the
// filters on the columns, ORDER BY tier and 五十音 or distance) answers — on a random directory, after
// changes laid over its snapshot, after a rebuild, and as another process sees it.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../../../../tests/support/random';
import { type Engine, engines, openTestDatabase } from '../../../../../tests/support/test-app';
import { serviceKinds, weekdayBits } from '../../../../shared/directory';
import {
  type DirectorySearchQuery,
  directorySearchQuery,
  type ServicePointSummary,
} from '../../../../shared/schemas/directory';
import { searchTerms } from '../../../../shared/search-text';
import { type DatabaseHandle, queryRows } from '../../../db/client';
import { areas, servicePoints } from '../../../db/schema';
import {
  type ServicePointFields,
  type ServicePointRow,
  updateServicePoint,
  withSearchColumns,
} from '../service-points';
import { DirectoryIndex } from './live-index';
import { distanceKm } from './query-plan';
import { COUNT_CAP, searchDirectory } from './search';

const WORDS = [
  ['ひまわり', 'ヒマワリ'],
  ['さくら', 'サクラ'],
  ['桜島', 'サクラジマ'],
  ['みどり', 'ミドリ'],
  ['あおぞら', 'アオゾラ'],
  ['ハート', 'ハート'],
  ['愛', 'アイ'],
  ['やすらぎ', 'ヤスラギ'],
] as const;
const SUFFIXES = [
  ['訪問看護ステーション', 'ホウモンカンゴステーション', '130'],
  ['デイサービス', 'デイサービス', '150'],
  ['ケアプランセンター', 'ケアプランセンター', '430'],
  ['クリニック', 'クリニック', 'clinic'],
  ['の里', 'ノサト', '510'],
  ['ヘルパーステーション', 'ヘルパーステーション', '110'],
] as const;
const TOWNS = ['桜町', '緑町', '谷山', '中央町', 'ひまわり台', 'さくら丘'];
const PROCEDURES = ['tube_feeding', 'suction', 'home_oxygen'] as const;
const CAPABILITIES = ['open_24h', 'end_of_life'] as const;
const DAYS = ['mon', 'tue', 'sat', 'sun', 'holiday'] as const;
const CENTRE = { lat: 31.59, lon: 130.55 };

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
const some = <T>(next: () => number, list: readonly T[], p: number): T[] => list.filter(() => next() < p);

function pointFields(next: () => number, i: number, areaIds: string[]): ServicePointFields {
  const [word, wordKana] = pick(next, WORDS);
  const [suffix, suffixKana, service] = pick(next, SUFFIXES);
  const town = pick(next, TOWNS);
  const located = next() < 0.9;
  return {
    identityScheme: 'kaigo',
    officialCode: String(4_600_000_000 + i),
    serviceCode: service,
    name: `${word}${suffix}`,
    kana: `${wordKana}${suffixKana}`,
    address: `さくら県みらい市${town}${1 + Math.floor(next() * 5)}丁目`,
    areaId: next() < 0.8 ? pick(next, areaIds) : null,
    latitude: located ? CENTRE.lat + (next() - 0.5) * 0.2 : null,
    longitude: located ? CENTRE.lon + (next() - 0.5) * 0.2 : null,
    openWeekdays: weekdayBits(some(next, DAYS, 0.5)),
    procedures: some(next, PROCEDURES, 0.3),
    capabilities: some(next, CAPABILITIES, 0.3),
    vacancy: next() < 0.5 ? Math.floor(next() * 3) : null,
  };
}

function randomQuery(next: () => number, areaIds: string[]): Record<string, string> {
  const query: Record<string, string> = {};
  const text = pick(next, [
    '',
    'ひまわり',
    'ひま',
    'さくら',
    'サクラ',
    '桜',
    'ほうもんかんご',
    '訪問看護',
    'ステーション',
    '谷山',
    'さくら 谷山',
    'ｻｸﾗ ﾃﾞｲ',
    '愛',
    'みどり 3丁目',
  ]);
  if (text) query.q = text;
  if (next() < 0.3) query.kinds = some(next, ['130', '150', '510', 'clinic'], 0.5).join(',') || '130';
  if (next() < 0.15) query.group = pick(next, ['home_care', 'residential', 'medical']);
  if (next() < 0.3) query.area = pick(next, areaIds);
  if (next() < 0.2) query.procedures = pick(next, PROCEDURES);
  if (next() < 0.15) query.capabilities = pick(next, CAPABILITIES);
  if (next() < 0.2) query.open = pick(next, DAYS);
  if (next() < 0.2) query.vacancy = '1';
  if (next() < 0.3) {
    query.lat = (CENTRE.lat + (next() - 0.5) * 0.1).toFixed(4);
    query.lon = (CENTRE.lon + (next() - 0.5) * 0.1).toFixed(4);
    query.radius = String(pick(next, [1, 3, 5, 10]));
  }
  // A single character needs a filter or a point (refused otherwise, tested in search.test.ts).
  if (text === '愛' && Object.keys(query).length === 1) query.vacancy = '1';
  return query;
}

const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const groupCodes = (group: string) =>
  serviceKinds.filter((kind) => kind.group === group).map((kind) => kind.code);

/** The plain SQL search the index must agree with: every match, in the page order. */
async function reference(handle: DatabaseHandle, query: DirectorySearchQuery): Promise<string[]> {
  const terms = searchTerms(query.q ?? '');
  const where = [sql`withdrawn_at IS NULL`];
  for (const term of terms)
    where.push(sql`(name_text LIKE ${like(term)} OR address_text LIKE ${like(term)})`);
  const inName = terms.length
    ? sql.join(
        terms.map((term) => sql`name_text LIKE ${like(term)}`),
        sql` AND `,
      )
    : sql`true`;
  const codes = [...(query.kinds ?? [])];
  if (codes.length) where.push(sql`service_code = ANY(${`{${codes.join(',')}}`}::text[])`);
  if (query.group) where.push(sql`service_code = ANY(${`{${groupCodes(query.group).join(',')}}`}::text[])`);
  if (query.area) where.push(sql`area_id = ${query.area}`);
  for (const code of query.procedures ?? []) where.push(sql`${code} = ANY(procedures)`);
  for (const code of query.capabilities ?? []) where.push(sql`${code} = ANY(capabilities)`);
  if (query.open) where.push(sql`(open_weekdays & ${weekdayBits([query.open])}) <> 0`);
  if (query.vacancy) where.push(sql`vacancy > 0`);
  const rows = await queryRows<{
    id: string;
    tier: number;
    latitude: number | null;
    longitude: number | null;
  }>(
    handle.db,
    sql`SELECT id, CASE WHEN ${inName} THEN 0 ELSE 1 END AS tier, latitude, longitude FROM service_points
      WHERE ${sql.join(where, sql` AND `)} ORDER BY tier, sort_key COLLATE "C", id`,
  );
  if (query.lat === undefined || query.lon === undefined) return rows.map((row) => row.id);
  const point = { lat: query.lat, lon: query.lon, radiusKm: query.radius ?? 5 };
  return rows
    .flatMap((row) => {
      if (row.latitude === null || row.longitude === null) return [];
      const distance = distanceKm(point, Number(row.latitude), Number(row.longitude));
      return distance <= point.radiusKm ? [{ ...row, distance }] : [];
    })
    .sort((a, b) => a.tier - b.tier || a.distance - b.distance || (a.id < b.id ? -1 : 1))
    .map((row) => row.id);
}

/** Every page of the search, seven at a time; with the first page's total. */
async function allPages(index: DirectoryIndex, handle: DatabaseHandle, params: Record<string, string>) {
  const context = { db: handle.db, index, staleAfterDays: 180 };
  const items: ServicePointSummary[] = [];
  let cursor: string | undefined;
  let first: { total: number | null; totalCapped: boolean } | null = null;
  do {
    const page = await searchDirectory(
      context,
      directorySearchQuery.parse({ ...params, limit: '7', cursor }),
    );
    first ??= page;
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const ids = items.map((item) => item.id);
  return { ids, items, total: first?.total ?? null, totalCapped: first?.totalCapped ?? false };
}

/** What the pages showed of each entry is what the database holds now (the index keeps it too). */
async function expectRowsAsStored(handle: DatabaseHandle, items: ServicePointSummary[]) {
  if (items.length === 0) return;
  const stored = await handle.db
    .select()
    .from(servicePoints)
    .where(sql`${servicePoints.id} = ANY(${`{${items.map((item) => item.id).join(',')}}`}::uuid[])`);
  const byId = new Map(stored.map((row) => [row.id, row]));
  for (const item of items) {
    const row = byId.get(item.id) as ServicePointRow;
    const shown = [item.name, item.address, item.vacancy, item.procedures, item.areaId, item.latitude];
    const held = [row.name, row.address, row.vacancy, row.procedures, row.areaId, row.latitude];
    expect(shown, item.id).toEqual(held);
    expect(item.updatedOn).toBe((row.maintainedAt ?? row.importedAt)?.toISOString() ?? null);
  }
}

async function expectSameAsSql(
  index: DirectoryIndex,
  handle: DatabaseHandle,
  queries: Record<string, string>[],
) {
  for (const params of queries) {
    const expected = await reference(handle, directorySearchQuery.parse(params));
    const found = await allPages(index, handle, params);
    const label = JSON.stringify(params);
    expect(found.ids, label).toEqual(expected);
    if (found.total !== null) expect(found.total, label).toBe(Math.min(expected.length, COUNT_CAP));
    await expectRowsAsStored(handle, found.items.slice(0, 30));
  }
}

describe.each(engines())('directory search index on %s', (engine: Engine) => {
  let handle: DatabaseHandle;
  let areaIds: string[];
  const next = random(2026);
  let queries: Record<string, string>[];

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const made = await handle.db
      .insert(areas)
      .values([
        { name: '北部圏域', kana: 'ほくぶけんいき', kind: 'daily_life' },
        { name: '南部圏域', kana: 'なんぶけんいき', kind: 'daily_life' },
      ])
      .returning({ id: areas.id });
    areaIds = made.map((row) => row.id);
    const rows = Array.from({ length: 1500 }, (_, i) => withSearchColumns(pointFields(next, i, areaIds)));
    for (let i = 0; i < rows.length; i += 250)
      await handle.db.insert(servicePoints).values(rows.slice(i, i + 250));
    queries = Array.from({ length: 70 }, () => randomQuery(next, areaIds));
  });
  afterAll(async () => handle?.close());

  async function changeSome(count: number): Promise<void> {
    const rows = await handle.db.select().from(servicePoints).orderBy(sql`random()`).limit(count);
    await handle.db.transaction(async (tx) => {
      for (const [i, row] of rows.entries()) {
        const fresh = pointFields(next, 100_000 + i, areaIds);
        const change: Partial<ServicePointFields> =
          i % 4 === 0
            ? { withdrawnAt: new Date() }
            : i % 4 === 1
              ? { name: fresh.name, kana: fresh.kana, address: fresh.address }
              : i % 4 === 2
                ? {
                    vacancy: fresh.vacancy,
                    procedures: fresh.procedures,
                    latitude: fresh.latitude,
                    longitude: fresh.longitude,
                  }
                : { areaId: fresh.areaId, openWeekdays: fresh.openWeekdays, withdrawnAt: null };
        await updateServicePoint(tx, row as ServicePointRow, change);
      }
    });
  }

  it('agrees with plain SQL on every page and count of a random mix of queries', async () => {
    await expectSameAsSql(new DirectoryIndex(handle.db), handle, queries);
  });

  it('after changes laid over the snapshot: this process at once, another one at its next sync', async () => {
    const here = new DirectoryIndex(handle.db, { syncEveryMs: 3_600_000 });
    const elsewhere = new DirectoryIndex(handle.db, { syncEveryMs: 1500 });
    await here.current();
    await elsewhere.current();
    await changeSome(60);
    here.changed();
    // The other process has not looked yet: it still shows the withdrawn entries …
    const withdrawn = new Set(
      (
        await handle.db
          .select({ id: servicePoints.id })
          .from(servicePoints)
          .where(sql`withdrawn_at IS NOT NULL`)
      ).map((row) => row.id),
    );
    const shownWithdrawn = async (index: DirectoryIndex) =>
      (await allPages(index, handle, {})).ids.filter((id) => withdrawn.has(id));
    expect((await shownWithdrawn(elsewhere)).length).toBeGreaterThan(0);
    await expectSameAsSql(here, handle, queries);
    // … and reads the changes once its sync interval has passed.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await shownWithdrawn(elsewhere)).toEqual([]);
    await expectSameAsSql(elsewhere, handle, queries);
  });

  it('builds a new snapshot when the changes are many, and answers the same', async () => {
    const index = new DirectoryIndex(handle.db, { syncEveryMs: 3_600_000, maxChanges: 20, pageRows: 300 });
    await index.current();
    await changeSome(80);
    index.changed();
    const view = await index.current();
    expect(view.changes.size).toBe(0);
    await expectSameAsSql(index, handle, queries);
  });

  it.runIf(engine === 'postgres')(
    'sees a transaction that was still open at a sync once it commits',
    async () => {
      const index = new DirectoryIndex(handle.db, { syncEveryMs: 0 });
      await index.current();
      const [row] = await handle.db.select().from(servicePoints).where(sql`withdrawn_at IS NULL`).limit(1);
      const client = await (handle.pool as NonNullable<DatabaseHandle['pool']>).connect();
      try {
        await client.query('BEGIN');
        await client.query("UPDATE service_points SET name_text = name_text || ' かくれんぼ' WHERE id = $1", [
          row?.id,
        ]);
        // Another write commits after the open one began, and a sync reads it.
        const [other] = await handle.db
          .select()
          .from(servicePoints)
          .where(sql`withdrawn_at IS NULL`)
          .offset(1)
          .limit(1);
        await updateServicePoint(handle.db, other as ServicePointRow, { vacancy: 9 });
        const context = { db: handle.db, index, staleAfterDays: 180 };
        const find = () => searchDirectory(context, directorySearchQuery.parse({ q: 'かくれんぼ' }));
        expect((await find()).items).toEqual([]);
        await client.query('COMMIT');
        expect((await find()).items.map((item) => item.id)).toEqual([row?.id]);
      } finally {
        client.release();
      }
    },
  );

  it('reads an entry withdrawn and listed again', async () => {
    const index = new DirectoryIndex(handle.db, { syncEveryMs: 0 });
    const [row] = await handle.db
      .select()
      .from(servicePoints)
      .where(eq(servicePoints.officialCode, '4600000007'));
    const current = row as ServicePointRow;
    const back = await updateServicePoint(handle.db, current, { withdrawnAt: new Date() });
    await expectSameAsSql(index, handle, queries.slice(0, 10));
    await updateServicePoint(handle.db, back, { withdrawnAt: null });
    const ids = (await allPages(index, handle, {})).ids;
    expect(ids).toContain(current.id);
  });
});
