// The importer through its service function, on both engines, with the fixtures of
// tests/fixtures/directory: each layout and encoding, idempotence, updates with their version rows,
// what organisations maintain, withdrawal, and the two modes.
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes, fixtures } from '../../../../../tests/fixtures/directory/generate-fixtures';
import {
  fixturePath,
  fixtureVariant,
  pngBytes,
  pointOf,
  tempFile,
} from '../../../../../tests/support/import-files';
import { createTestApp, engines, type TestApp } from '../../../../../tests/support/test-app';
import type { ImportMode } from '../../../../shared/schemas/directory-import';
import { auditLog, importRejectedRows, importRuns, servicePointVersions } from '../../../db/schema';
import { importFile } from './run-import';
import { readRun } from './runs';

describe('fixtures', () => {
  it('are the bytes generate-fixtures.ts writes', () => {
    for (const spec of fixtures)
      expect(fs.readFileSync(fixturePath(spec.name)).equals(fixtureBytes(spec)), spec.name).toBe(true);
  });
});

describe.each(engines())('open-data import (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const run = async (
    filePath: string,
    mode: ImportMode = 'all_or_nothing',
    fileName = filePath.split('/').pop() ?? '',
  ) => {
    const result = await importFile(db(), { filePath, fileName, mode });
    const detail = await readRun(db(), result.runId, { limit: 200, offset: 0 });
    return {
      ...result,
      detail,
      repairLines: Object.fromEntries(result.outcome.repairs.map((r) => [r.code, r.lines])),
    };
  };
  const counts = ({
    outcome,
  }: {
    outcome: { added: number; updated: number; unchanged: number; withdrawn: number; rejected: number };
  }) => {
    const { added, updated, unchanged, withdrawn, rejected } = outcome;
    return { added, updated, unchanged, withdrawn, rejected };
  };

  it('reads the 介護サービス情報公表 layout (UTF-8 with BOM), keeping what organisations maintain', async () => {
    const tsubasaBefore = await pointOf(db(), '9960100012', '130');
    const first = await run(fixturePath('jigyosho_130.csv'));
    expect(first.outcome).toMatchObject({
      status: 'succeeded',
      layout: 'kaigo_kouhyou',
      encoding: 'utf-8-bom',
      rowsRead: 5,
    });
    expect(counts(first)).toEqual({ added: 2, updated: 3, unchanged: 0, withdrawn: 0, rejected: 0 });

    const added = await pointOf(db(), '9960100210', '130');
    expect(added).toMatchObject({
      identityScheme: 'kaigo',
      name: 'みらい駅前訪問看護ステーション',
      kana: 'ミライエキマエホウモンカンゴステーション',
      municipalityCode: '990001',
      building: 'えきまえビル3階',
      latitude: 31.592,
      corporateNumber: '1234567890123',
      openWeekdays: 0b1111111,
      hoursNote: '祝日も営業',
      capacity: null,
      url: 'https://mirai-kango.example.jp/',
      withdrawnAt: null,
    });
    // The search columns were made with it: the directory search finds the new point.
    const search = await t
      .client()
      .get(`/api/directory/search?q=${encodeURIComponent('みらい駅前訪問看護')}`);
    expect(search.json().items.map((item: { name: string }) => item.name)).toContain(
      'みらい駅前訪問看護ステーション',
    );

    // つばさ maintains its own entry: contacts, hours, capabilities and procedures stay; the official facts follow the file.
    const tsubasa = await pointOf(db(), '9960100012', '130');
    expect(tsubasa).toMatchObject({
      phone: tsubasaBefore?.phone,
      url: tsubasaBefore?.url,
      openWeekdays: tsubasaBefore?.openWeekdays,
      capabilities: tsubasaBefore?.capabilities,
      procedures: tsubasaBefore?.procedures,
      maintainedAt: tsubasaBefore?.maintainedAt,
      corporateName: '医療法人つばさ会',
      latitude: 31.604,
    });
    // ケアステーションあゆみ is maintained by nobody: its phone follows the file.
    expect((await pointOf(db(), '9960100038', '130'))?.phone).toBe('099-111-0003');
  });

  it('changes nothing when the same file comes again', async () => {
    const versionsBefore = await db().select().from(servicePointVersions);
    const again = await run(fixturePath('jigyosho_130.csv'));
    expect(counts(again)).toEqual({ added: 0, updated: 0, unchanged: 5, withdrawn: 0, rejected: 0 });
    expect(await db().select().from(servicePointVersions)).toHaveLength(versionsBefore.length);
  });

  it('updates a changed row by its identity, with a version row of the changed fields only', async () => {
    const before = await pointOf(db(), '9960100228', '130');
    const file = fixtureVariant('jigyosho_130.csv', (text) => text.replace('099-111-0005', '099-111-9999'));
    const changed = await run(file);
    expect(counts(changed)).toEqual({ added: 0, updated: 1, unchanged: 4, withdrawn: 0, rejected: 0 });
    const after = await pointOf(db(), '9960100228', '130');
    expect(after?.phone).toBe('099-111-9999');
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    const [version] = await db()
      .select()
      .from(servicePointVersions)
      .where(
        and(
          eq(servicePointVersions.servicePointId, after?.id ?? ''),
          eq(servicePointVersions.version, after?.version ?? 0),
        ),
      );
    expect(version).toMatchObject({
      source: 'import',
      importRunId: changed.runId,
      before: { phone: '099-111-0005' },
      after: { phone: '099-111-9999' },
    });
  });

  it('withdraws the points a newer file no longer lists, and brings them back when it does', async () => {
    const without = fixtureVariant('jigyosho_130.csv', (text) =>
      text
        .split('\r\n')
        .filter((line) => !line.includes('9960100038'))
        .join('\r\n'),
    );
    const gone = await run(without);
    expect(counts(gone)).toMatchObject({ withdrawn: 1 });
    expect((await pointOf(db(), '9960100038', '130'))?.withdrawnAt).toBeInstanceOf(Date);
    // Other services and other cities are not what this file covers.
    expect((await pointOf(db(), '9960100046', '110'))?.withdrawnAt).toBeNull();

    const back = await run(fixturePath('jigyosho_130.csv'));
    expect(counts(back)).toMatchObject({ updated: 1, withdrawn: 0 });
    expect((await pointOf(db(), '9960100038', '130'))?.withdrawnAt).toBeNull();
  });

  it('repairs what it safely can and refuses the rest, each with its line (valid rows mode)', async () => {
    const messy = await run(fixturePath('jigyosho_110_messy.csv'), 'valid_rows');
    expect(messy.outcome).toMatchObject({ status: 'succeeded', rowsRead: 12 });
    expect(counts(messy)).toMatchObject({ rejected: 4, withdrawn: 0 });
    expect(messy.detail.rejectedRows.items.map((row) => [row.line, row.reason])).toEqual([
      [10, expect.stringMatching(/「事業所名」の欄が空です/)],
      [11, expect.stringMatching(/事業所番号「99A0000001」が正しくありません/)],
      [12, expect.stringMatching(/全国地方公共団体コード「990002」が正しくありません/)],
      [13, expect.stringMatching(/2行目と同じ事業所/)],
    ]);
    expect(messy.detail.rejectedRows.items[0]?.raw).toContain('ナマエナシ');
    expect(messy.repairLines).toMatchObject({
      coordinates_swapped: [3],
      municipality_leading_zero: [4],
      municipality_check_digit: [5],
      placeholder_blank: [6],
      url_was_email: [8],
      url_was_phone: [9],
      office_number_leading_zero: [14],
      withdrawal_skipped: [],
    });
    expect(await pointOf(db(), '9960100301', '110')).toMatchObject({ latitude: 31.601, longitude: 130.551 });
    expect(await pointOf(db(), '0170100319', '110')).toMatchObject({
      municipalityCode: '012025',
      prefecture: '北海道',
    });
    expect(await pointOf(db(), '9960100327', '110')).toMatchObject({ municipalityCode: '990001' });
    expect(await pointOf(db(), '9960100335', '110')).toMatchObject({
      fax: null,
      building: null,
      corporateNumber: null,
      sourceNote: '月曜は\r\n午後のみ',
    });
    expect(await pointOf(db(), '9960100343', '110')).toMatchObject({
      url: null,
      email: 'info@hohoemi.example.jp',
    });
    expect(await pointOf(db(), '9960100350', '110')).toMatchObject({ url: null });
    expect(await pointOf(db(), '0170100384', '110')).toMatchObject({ name: 'れいわヘルパー' });
  });

  it('applies nothing from a file with refused rows in all-or-nothing mode, but records the run', async () => {
    const file = fixtureVariant('jigyosho_110_messy.csv', (text) =>
      text.replaceAll('9960100301', '9960100400'),
    );
    const failed = await run(file, 'all_or_nothing');
    expect(failed.outcome).toMatchObject({ status: 'failed', rejected: 4, added: 0, updated: 0 });
    expect(failed.outcome.error).toMatch(
      /4行を取り込めなかったため、このファイルからは何も取り込んでいません/,
    );
    expect(await pointOf(db(), '9960100400', '110')).toBeUndefined();
    const [record] = await db().select().from(importRuns).where(eq(importRuns.id, failed.runId));
    expect(record).toMatchObject({
      status: 'failed',
      rejected: 4,
      layout: 'kaigo_kouhyou',
      mode: 'all_or_nothing',
    });
    expect(
      await db().select().from(importRejectedRows).where(eq(importRejectedRows.runId, failed.runId)),
    ).toHaveLength(4);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.targetId, failed.runId));
    expect(audit).toMatchObject({ action: 'directory.import', targetType: 'import_run' });
  });

  it('reads a 医療機関一覧 (first generation) in Shift_JIS', async () => {
    const centralBefore = await pointOf(db(), '9910100011', 'hospital');
    const medical = await run(fixturePath('990001_medical_institutions.csv'), 'valid_rows');
    expect(medical.outcome).toMatchObject({ layout: 'city_medical_v1', encoding: 'cp932', rowsRead: 7 });
    expect(medical.detail.rejectedRows.items.map((row) => row.line)).toEqual([6, 7]);
    expect(medical.repairLines.medical_code_completed).toEqual([4]);
    expect(await pointOf(db(), '9910100200', 'clinic')).toMatchObject({
      identityScheme: 'medical',
      name: 'みらい駅前内科',
      kana: 'ミライエキマエナイカ',
      departments: ['内科', '小児科'],
      hours: '09:00-12:30',
      hoursNote: '木曜・日曜休診',
      beds: null,
    });
    expect(await pointOf(db(), '9930100300', 'dental_clinic')).toMatchObject({
      departments: ['歯科', '小児歯科', '歯科口腔外科'],
      hoursNote: '時間外: 急患は電話で相談',
    });
    // The hospital maintains its entry: its hours stay, the official facts (departments, beds) follow the file.
    expect(await pointOf(db(), '9910100011', 'hospital')).toMatchObject({
      departments: ['内科', '外科', '整形外科'],
      beds: 199,
      hours: centralBefore?.hours,
      hoursNote: centralBefore?.hoursNote,
      openWeekdays: centralBefore?.openWeekdays,
    });
  });

  it('reads a 介護サービス事業所一覧 (second generation, half-width katakana header, no BOM)', async () => {
    const care = await run(fixturePath('990001_care_services_v2.csv'));
    expect(care.outcome).toMatchObject({
      status: 'succeeded',
      layout: 'city_care_v2',
      encoding: 'utf-8',
      rowsRead: 4,
    });
    expect(care.repairLines).toMatchObject({ unknown_service_code: [4], url_scheme_added: [5] });
    expect(await pointOf(db(), '9960100500', '110')).toMatchObject({
      name: 'なごみ介護センター',
      email: 'info@nagomi.example.jp',
      capacity: 25,
    });
    expect(await pointOf(db(), '9960100500', '150')).toMatchObject({ name: 'なごみ介護センター' });
    expect(await pointOf(db(), '9960100518', '175')).toMatchObject({ serviceName: '新しい地域密着サービス' });
    expect(await pointOf(db(), '9960100526', '150')).toMatchObject({
      address: 'さくら県みらい市やすらぎ町4丁目4番',
      url: 'http://www.yasuragi.example.jp',
    });
  });

  it('reads 医療情報ネット facility_info, then adds its speciality_hours to the same facilities', async () => {
    const early = await run(fixturePath('01-2_hospital_speciality_hours_20250401.csv'), 'valid_rows');
    expect(counts(early)).toMatchObject({ updated: 0, rejected: 3 });
    const facilities = await run(fixturePath('01-1_hospital_facility_info_20250401.csv'));
    expect(facilities.outcome).toMatchObject({
      status: 'succeeded',
      layout: 'navii_facility',
      added: 2,
      withdrawn: 0,
    });
    expect(await pointOf(db(), '9900100000011', 'hospital')).toMatchObject({
      municipalityCode: '990001',
      openWeekdays: 0b0111111,
      beds: 160,
      url: 'https://kouwan.example.jp/',
    });
    const hours = await run(fixturePath('01-2_hospital_speciality_hours_20250401.csv'), 'valid_rows');
    expect(hours.outcome).toMatchObject({ layout: 'navii_speciality_hours', updated: 2 });
    expect(hours.detail.rejectedRows.items).toEqual([
      expect.objectContaining({
        line: 6,
        reason: expect.stringMatching(/ID「9900100000999」の医療機関がまだ取り込まれていません/),
      }),
    ]);
    expect(await pointOf(db(), '9900100000011', 'hospital')).toMatchObject({
      departments: ['内科', '整形外科'],
      hours:
        '月 09:00-12:00, 14:00-17:00 / 火 09:00-12:00, 14:00-17:00 / 水 09:00-12:00, 14:00-17:00 / 木 09:00-12:00, 14:00-17:00 / 金 09:00-12:00, 14:00-17:00',
      openWeekdays: 0b0111111,
    });
    // Either file again: nothing changes (each owns its own fields).
    expect(counts(await run(fixturePath('01-1_hospital_facility_info_20250401.csv')))).toMatchObject({
      unchanged: 2,
    });
    expect(
      counts(await run(fixturePath('01-2_hospital_speciality_hours_20250401.csv'), 'valid_rows')),
    ).toMatchObject({ unchanged: 2 });
  });

  it('refuses a header it does not know, naming the columns the closest layout misses', async () => {
    const file = fixtureVariant('jigyosho_130.csv', (text) =>
      text.replace('事業所番号,', '番号,').replace('事業所名カナ,', 'カナ,'),
    );
    const refused = await run(file);
    expect(refused.outcome).toMatchObject({ status: 'failed', layout: null, rowsRead: 0 });
    expect(refused.outcome.error).toMatch(
      /いちばん近い形式は「介護サービス情報公表システムのオープンデータ」ですが、次の列がありません: 事業所名カナ、事業所番号/,
    );
  });

  it('refuses what is no CSV at all', async () => {
    const png = await run(tempFile('photo.csv', pngBytes));
    expect(png.outcome).toMatchObject({ status: 'failed', encoding: null });
    expect(png.outcome.error).toMatch(/PNG 画像で、CSV ではありません/);
  });
});
