import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../../tests/support/test-app';
import type { DirectorySearchResult } from '../../../shared/schemas/directory';
import { careHeader, medicalHeader, splitHours } from './export-layouts';

const BOM = '\uFEFF';

describe.each(engines())('directory CSV export on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const exportCsv = async (query: string) => {
    const response = await t.client().get(`/api/directory/export?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const rowsOf = (text: string) =>
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true }).data;
  const southId = async () => {
    const response = await t.client().get('/api/areas');
    return (response.json() as { areas: { id: string; name: string }[] }).areas.find(
      (a) => a.name === '南部圏域',
    )?.id;
  };

  it('writes 医療機関一覧 with the 26 columns of the layout, UTF-8 with BOM and CRLF', async () => {
    const response = await exportCsv('layout=medical');
    expect(response.headers['content-type']).toBe('text/csv; charset=UTF-8');
    expect(response.body.startsWith(BOM)).toBe(true);
    const [headerLine] = response.body.slice(1).split('\r\n');
    expect(headerLine).toBe(medicalHeader.join(','));
    expect(medicalHeader).toHaveLength(26);
    expect(response.body.replaceAll('\r\n', '')).not.toMatch(/\n/);
    const [header, ...rows] = rowsOf(response.body);
    expect(header).toEqual([...medicalHeader]);
    // Hospitals, clinics, dental clinics and pharmacies only, numbered from 1.
    const kinds = new Set(rows.map((row) => row[6]));
    expect([...kinds].sort()).toEqual(['歯科診療所', '病院', '薬局', '診療所'].sort());
    expect(rows.map((row) => row[1])).toEqual(rows.map((_, i) => String(i + 1)));
    const hospital = rows.find((row) => row[4] === 'みらい中央病院');
    expect(hospital?.slice(2, 4)).toEqual(['さくら県', 'みらい市']);
    expect(hospital?.[17]).toBe('月火水木金土日祝');
    expect(hospital?.[21]).toBe('24時間対応');
  });

  it('writes 介護サービス事業所一覧 with its 22 columns, and the content-disposition names the file', async () => {
    const response = await exportCsv('layout=care');
    const [header, ...rows] = rowsOf(response.body);
    expect(header).toEqual([...careHeader]);
    expect(careHeader).toHaveLength(22);
    expect(rows.every((row) => row.length === 22)).toBe(true);
    expect(rows.map((row) => row[6])).toContain('訪問看護');
    expect(rows.map((row) => row[6])).not.toContain('病院');
    const disposition = response.headers['content-disposition'] as string;
    expect(disposition).toMatch(
      /^attachment; filename="\d{6}_care_service_offices_\d{8}\.csv"; filename\*=UTF-8''/,
    );
    const encoded = disposition.split("filename*=UTF-8''")[1] as string;
    expect(decodeURIComponent(encoded)).toMatch(/^\d{6}_介護サービス事業所一覧_\d{8}\.csv$/);
  });

  it('encodes Shift_JIS (CP932) on request, which decodes back to the same Japanese', async () => {
    const utf8 = await exportCsv('layout=care');
    const response = await t.client().request('GET', '/api/directory/export?layout=care&encoding=shift_jis');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const decoded = iconv.decode(bytes, 'CP932');
    expect(decoded).toBe(utf8.body.slice(1));
    expect(decoded).toContain('訪問看護ステーション');
  });

  it('applies the search filters: words in any script, area, procedures and vacancy', async () => {
    const south = await southId();
    const search = (await (
      await t.client().get(`/api/directory/search?q=${encodeURIComponent('ほうもんかんご')}&area=${south}`)
    ).json()) as DirectorySearchResult;
    const response = await exportCsv(`layout=care&q=${encodeURIComponent('ほうもんかんご')}&area=${south}`);
    const names = rowsOf(response.body)
      .slice(1)
      .map((row) => row[4]);
    expect(names).toEqual(search.items.map((item) => item.name));
    expect(names).toEqual(['ケアステーションあゆみ', 'こもれび訪問看護ステーション']);
    const peg = rowsOf((await exportCsv('layout=care&procedures=tube_feeding&vacancy=1')).body).slice(1);
    expect(peg.map((row) => row[4]).sort()).toEqual(
      ['介護医療院 みらいの丘', '特別養護老人ホーム やすらぎの里'].sort(),
    );
    // 医療機関一覧 of a residential search has nothing to hold: the header alone.
    expect(rowsOf((await exportCsv('layout=medical&group=residential')).body)).toHaveLength(1);
  });

  it('refuses a bad layout, encoding or search with a Japanese message', async () => {
    const cases: [string, RegExp][] = [
      ['layout=excel', /様式/],
      ['', /様式/],
      ['layout=care&encoding=latin1', /文字コード/],
      ['layout=care&radius=3', /地点/],
      [`layout=care&q=${encodeURIComponent('愛')}`, /2文字以上/],
    ];
    for (const [query, message] of cases) {
      const response = await t.client().get(`/api/directory/export?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type'], query).toMatch(/application\/json/);
      expect(response.body, query).toMatch(message);
    }
  });
});

describe('opening hours in 医療機関一覧', () => {
  it('splits 「9:00〜18:00」 into start and end, and keeps anything else as a note', () => {
    expect(splitHours('9:00〜18:00')).toEqual({ start: '09:00', end: '18:00', rest: null });
    expect(splitHours('０９：００－１２：３０')).toEqual({ start: '09:00', end: '12:30', rest: null });
    expect(splitHours('午前のみ')).toEqual({ start: '', end: '', rest: '午前のみ' });
    expect(splitHours(null)).toEqual({ start: '', end: '', rest: null });
  });
});
