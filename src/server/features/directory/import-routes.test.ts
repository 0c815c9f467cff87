// The import API on both engines: who may start and read runs, the raw-body upload (types, size,
// not-CSV files), the run that starts at once and is followed by polling, and its refused rows.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, pngBytes } from '../../../../tests/support/import-files';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';

const sjis = fs.readFileSync(fixturePath('990001_medical_institutions.csv'));

async function upload(
  client: TestClient,
  body: Buffer,
  query = 'fileName=990001_medical_institutions.csv&mode=valid_rows',
  type = 'text/csv',
) {
  return client.request('POST', `/api/directory/imports?${query}`, body, { 'content-type': type });
}

/** Polls the run until it has ended (the import runs after the 202 answer). */
async function finished(client: TestClient, id: string, query = '') {
  for (let i = 0; i < 200; i++) {
    const res = await client.get(`/api/directory/imports/${id}${query}`);
    if (res.json().run.status !== 'running') return res;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not end`);
}

describe.each(engines())('import API (%s)', (engine) => {
  let t: TestApp;
  let center: TestClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    center = await t.signIn('center');
  });
  afterAll(() => t.close());

  it('starts a run at once (202) and reports it: counts, repairs, refused rows by page', async () => {
    const started = await upload(center, sjis);
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    const done = (await finished(center, id)).json();
    expect(done.run).toMatchObject({
      fileName: '990001_medical_institutions.csv',
      status: 'succeeded',
      layout: 'city_medical_v1',
      encoding: 'cp932',
      mode: 'valid_rows',
      startedByName: '連携 さやか',
      rowsRead: 7,
      rejected: 2,
      progress: null,
    });
    expect(done.run.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(done.run.repairs.map((repair: { code: string }) => repair.code)).toContain(
      'medical_code_completed',
    );
    expect(done.rejectedRows.total).toBe(2);
    expect(done.rejectedRows.items[1]).toMatchObject({
      line: 7,
      raw: expect.stringContaining('まちがい医院'),
    });
    const page = (await center.get(`/api/directory/imports/${id}?limit=1&offset=1`)).json();
    expect(page.rejectedRows).toMatchObject({ total: 2, items: [{ line: 7 }] });
    const list = (await center.get('/api/directory/imports')).json();
    expect(list.runs[0]).toMatchObject({ id, status: 'succeeded' });
  });

  it('lets the system admin import too, with a file sent as application/octet-stream', async () => {
    const admin = await t.signIn('admin');
    const res = await upload(
      admin,
      sjis,
      'fileName=990001_medical_institutions.csv',
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(202);
    expect((await finished(admin, res.json().id)).json().run).toMatchObject({
      mode: 'all_or_nothing',
      status: 'failed',
    });
  });

  it('keeps everyone else out: 403 for other roles, 401 signed out (before the body is read)', async () => {
    const doctor = await t.signIn('doctor');
    expect((await upload(doctor, sjis)).statusCode).toBe(403);
    expect((await doctor.get('/api/directory/imports')).statusCode).toBe(403);
    const anonymous = t.client();
    const res = await upload(anonymous, sjis);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/ログイン/);
    expect((await anonymous.get('/api/directory/imports')).statusCode).toBe(401);
  });

  it('refuses files that are no CSV (400) and empty or missing bodies', async () => {
    const png = await upload(center, pngBytes, 'fileName=photo.png');
    expect(png.statusCode).toBe(400);
    expect(png.json().error).toMatchObject({
      code: 'not_csv',
      message: expect.stringMatching(/PNG 画像で、CSV ではありません/),
    });
    const zip = await upload(center, Buffer.from('PK\u0003\u0004rest of a zip'), 'fileName=data.zip');
    expect(zip.json().error.message).toMatch(/ZIP ファイルは展開して/);
    const json = await center.post('/api/directory/imports?fileName=a.csv', { any: 'thing' });
    expect(json.json().error.code).toBe('file_missing');
    const badMode = await upload(center, sjis, 'fileName=a.csv&mode=some');
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().error.code).toBe('validation_failed');
  });

  it('fails a run whose header matches no layout, naming the missing columns', async () => {
    const res = await upload(center, Buffer.from('名前,住所\r\nだれか,どこか\r\n'), 'fileName=list.csv');
    expect(res.statusCode).toBe(202);
    const { run } = (await finished(center, res.json().id)).json();
    expect(run).toMatchObject({ status: 'failed', layout: null });
    expect(run.error).toMatch(/次の列がありません: /);
  });

  it('answers 404 for a run that does not exist', async () => {
    const res = await center.get('/api/directory/imports/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});

describe.each(engines())('import size limit (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { importMaxBytes: 1024 });
  });
  afterAll(() => t.close());

  it('answers 413 with the limit when a file is larger than IMPORT_MAX_MB', async () => {
    const center = await t.signIn('center');
    const res = await upload(center, sjis);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'file_too_large',
      message: expect.stringMatching(/ファイルが大きすぎます/),
    });
  });
});
