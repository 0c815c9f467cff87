import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../../tests/support/test-app';
import type { DirectorySearchResult, ServicePointDetail } from '../../../shared/schemas/directory';

describe.each(engines())('directory search on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const search = async (query: string) => {
    const response = await t.client().get(`/api/directory/search?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as DirectorySearchResult;
  };
  const names = (result: DirectorySearchResult) => result.items.map((item) => item.name);
  const areaId = async (name: string) => {
    const response = await t.client().get('/api/areas');
    return (response.json() as { areas: { id: string; name: string }[] }).areas.find((a) => a.name === name)
      ?.id;
  };

  it('finds the same entries whatever the script: 訪問看護, ほうもんかんご, ﾎｳﾓﾝｶﾝｺﾞ', async () => {
    const kanji = await search(`q=${encodeURIComponent('訪問看護')}`);
    expect(kanji.total).toBe(3);
    for (const typed of ['ほうもんかんご', 'ホウモンカンゴ', 'ﾎｳﾓﾝｶﾝｺﾞ']) {
      const other = await search(`q=${encodeURIComponent(typed)}`);
      expect(names(other)).toEqual(names(kanji));
    }
    // 「ケアステーションあゆみ」 has no 訪問看護 in its name: its kind matches.
    expect(names(kanji)).toContain('ケアステーションあゆみ');
  });

  it('ranks name matches before address-only matches, then in 五十音 order', async () => {
    const result = await search(`q=${encodeURIComponent('やすらぎ')}`);
    expect(names(result)).toEqual(['特別養護老人ホーム やすらぎの里']);
    const minami = await search(`q=${encodeURIComponent('みなみ')}`);
    // ほし薬局 南店 (name reading ミナミ) first, then the entries in みなみ町 in 五十音 order.
    expect(minami.items[0]?.name).toBe('ほし薬局 南店');
    const rest = minami.items.slice(1).map((item) => item.kana);
    expect(rest).toEqual([...rest].sort());
  });

  it('combines words with filters: area, procedure, vacancy, open day, 24h', async () => {
    const south = await areaId('南部圏域');
    const nursing = await search(`q=${encodeURIComponent('ほうもんかんご')}&area=${south}`);
    expect(names(nursing)).toEqual(['ケアステーションあゆみ', 'こもれび訪問看護ステーション']);
    const peg = await search('procedures=tube_feeding&vacancy=1');
    // 看多機 ほほえみ takes 胃ろう but has stated no vacancy; うみかぜ has none free.
    expect(names(peg).sort()).toEqual(['介護医療院 みらいの丘', '特別養護老人ホーム やすらぎの里'].sort());
    const sunday24h = await search('capabilities=open_24h&open=sun');
    expect(names(sunday24h).sort()).toEqual(['つばさ訪問看護ステーション', 'みらい中央病院'].sort());
    const kinds = await search('kinds=510,520');
    expect(kinds.total).toBe(2);
  });

  it('searches around a point, nearest first, within the radius', async () => {
    const result = await search('lat=31.59&lon=130.55&radius=1');
    expect(result.items.length).toBeGreaterThan(0);
    const distances = result.items.map((item) => item.distanceKm ?? Number.NaN);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(1);
  });

  it('pages by cursor without repeating or losing an entry', async () => {
    const all = await search('limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: DirectorySearchResult = await search(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((item) => item.id));
  });

  it('refuses bad input with a message a person can act on', async () => {
    const cases: [string, RegExp][] = [
      [`q=${'あ'.repeat(101)}`, /100文字以内/],
      [`q=${encodeURIComponent('訪問\u0007看護')}`, /制御文字/],
      ['limit=500', /100件まで/],
      ['procedures=flying', /医療的ケア/],
      ['radius=3', /地点/],
      ['lat=91&lon=130', /緯度/],
      ['lat=abc&lon=130', /緯度/],
      ['area=not-a-uuid', /ID/],
      ['cursor=!!!', /続き/],
      ['cursor=eyJzIjoieCJ9', /続き/],
      [`q=${encodeURIComponent('愛')}`, /2文字以上/],
    ];
    for (const [query, message] of cases) {
      const response = await t.client().get(`/api/directory/search?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.body, query).toMatch(message);
    }
  });

  it('shows a detail page; ケアマネタイム only where the clinic made it public, or to professionals', async () => {
    const [sakura] = (await search(`q=${encodeURIComponent('さくら在宅')}`)).items;
    const [aoba] = (await search(`q=${encodeURIComponent('あおば内科')}`)).items;
    const detail = async (id: string | undefined, client = t.client()) =>
      (await client.get(`/api/directory/points/${id}`)).json() as ServicePointDetail;
    expect((await detail(sakura?.id)).careManagerTimes).toHaveLength(2);
    expect((await detail(aoba?.id)).careManagerTimes).toBeNull();
    const caremanager = await t.signIn('caremanager');
    expect((await detail(aoba?.id, caremanager)).careManagerTimes).toHaveLength(2);
    const missing = await t.client().get('/api/directory/points/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/見つかりません/);
  });
});
