// Every strategy must give the same answer, page by page: the demo city is tiny, so the statistics
// are faked to make the search believe its words are rare (index), common (walk) or in between
// (buckets), and the pages of each are compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../../tests/support/test-app';
import { directorySearchQuery } from '../../../shared/schemas/directory';
import { searchDirectory } from './search';
import type { TokenFrequencies } from './token-stats';

const believe = (share: number): TokenFrequencies => ({ rows: 100_000, frequency: () => share });
const strategies = { index: believe(0.001), buckets: believe(0.1), walk: believe(0.6) };

const queries = [
  {},
  { q: 'みなみ' },
  { q: 'ほうもんかんご' },
  { q: 'みらい きた' },
  { q: 'さくら県 ほうもん' },
  { group: 'residential' },
  { procedures: 'tube_feeding' },
  { q: 'ケア', open: 'sat' },
  { lat: '31.59', lon: '130.55', radius: '2' },
  { q: 'みらい', lat: '31.59', lon: '130.55', radius: '3' },
];

describe.each(engines())('search strategies agree on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  async function allPages(params: Record<string, string>, stats: TokenFrequencies) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const query = directorySearchQuery.parse({ ...params, limit: '4', ...(cursor ? { cursor } : {}) });
      const page = await searchDirectory(t.database.db, query, { staleAfterDays: 180, statsKey: {}, stats });
      ids.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return ids;
  }

  it.each(queries)('%o', async (params) => {
    const expected = await allPages(params as Record<string, string>, strategies.index);
    expect(new Set(expected).size).toBe(expected.length);
    for (const stats of [strategies.buckets, strategies.walk])
      expect(await allPages(params as Record<string, string>, stats)).toEqual(expected);
  });
});
