// Identity, name, address and kind changes: requested by the organisation, decided by the center.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type { ServicePointDetail } from '../../../shared/schemas/directory';
import type { ChangeRequestView, OrgDirectoryView } from '../../../shared/schemas/directory-maintenance';
import { normalizeForSearch } from '../../../shared/search-text';
import { auditLog, servicePoints } from '../../db/schema';
import { detailMessages, expiredClient, maintenance, organisationOf, pointId } from './maintenance-fixtures';

describe.each(engines())('directory change requests and approvals (%s)', (engine) => {
  let t: TestApp;
  let doctor: TestClient;
  let center: TestClient;
  let sakura: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    doctor = await t.signIn('doctor');
    center = await t.signIn('center');
    sakura = await pointId(t, 'さくら在宅クリニック');
  });
  afterAll(async () => t?.close());

  const ask = async (client: TestClient, id: string, body: Record<string, unknown>) => {
    const { version } = (await maintenance(client, id)).point;
    return client.post(`/api/directory/points/${id}/change-requests`, { version, ...body });
  };
  const decide = (client: TestClient, id: string, decision: string, comment?: string) =>
    client.post(`/api/directory/change-requests/${id}/decision`, { decision, comment });
  const queue = async () =>
    (await center.get('/api/directory/change-requests')).json().requests as ChangeRequestView[];
  const publicDetail = async (id: string) =>
    (await t.client().get(`/api/directory/points/${id}`)).json() as ServicePointDetail;

  it('keeps the published address until the center approves; and the search columns follow', async () => {
    const asked = await ask(doctor, sakura, {
      address: 'さくら県みらい市ひがし町9丁目1番',
      note: '移転しました',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({
      outcome: 'pending',
      request: { status: 'pending', note: '移転しました' },
    });
    expect((await publicDetail(sakura)).address).toBe('さくら県みらい市きた町3丁目8番');

    const [waiting] = (await queue()).filter((r) => r.servicePointId === sakura);
    expect(waiting).toMatchObject({
      pointName: 'さくら在宅クリニック',
      requestedByName: '桜井 健一',
      before: { address: 'さくら県みらい市きた町3丁目8番' },
      after: { address: 'さくら県みらい市ひがし町9丁目1番' },
      changedSince: [],
    });
    const approved = await decide(center, waiting?.id ?? '', 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: '連携 さやか' });
    expect((await publicDetail(sakura)).address).toBe('さくら県みらい市ひがし町9丁目1番');
    // The search columns follow (updateServicePoint recomputes them).
    const [row] = await t.database.db.select().from(servicePoints).where(eq(servicePoints.id, sakura));
    expect(row?.addressText).toContain(normalizeForSearch('ひがし町9丁目1番'));
    const [latest] = (await doctor.get(`/api/directory/points/${sakura}/versions`)).json().versions;
    expect(latest).toMatchObject({ source: 'approval', changedByName: '連携 さやか' });
    const again = await decide(center, waiting?.id ?? '', 'approve');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/すでに承認済み/);
  });

  it('refuses a second pending request on the same field; other fields may wait side by side', async () => {
    expect((await ask(doctor, sakura, { name: 'さくら在宅クリニック本院' })).statusCode).toBe(200);
    const second = await ask(doctor, sakura, { name: 'さくらクリニック', kana: 'サクラクリニック' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'change_request_pending' });
    expect(second.json().error.message).toMatch(/「名称」の変更は.*承認待ちです.*取り下げて/);
    expect((await ask(doctor, sakura, { building: 'さくらビル2階' })).statusCode).toBe(200);
  });

  it('returns a request with a comment (required), shown to the organisation', async () => {
    const [request] = (await queue()).filter((r) => r.after.name === 'さくら在宅クリニック本院');
    const bare = await decide(center, request?.id ?? '', 'reject');
    expect(bare.statusCode).toBe(400);
    expect(detailMessages(bare.json())).toMatch(/理由をコメントに/);
    const rejected = await decide(
      center,
      request?.id ?? '',
      'reject',
      '正式名称の届出を確認できませんでした',
    );
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      comment: '正式名称の届出を確認できませんでした',
    });
    expect((await publicDetail(sakura)).name).toBe('さくら在宅クリニック');
    const org = (await doctor.get(`/api/orgs/${await organisationOf(t, sakura)}/directory`)).json();
    const shown = (org as OrgDirectoryView).requests.find((r) => r.id === request?.id);
    expect(shown).toMatchObject({ status: 'rejected', comment: '正式名称の届出を確認できませんでした' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'directory_entry.change_rejected'), eq(auditLog.targetId, sakura)));
    expect(audit).toHaveLength(1);
  });

  it('lets the organisation withdraw its pending request; to others the request does not exist', async () => {
    const [request] = (await queue()).filter((r) => r.after.building === 'さくらビル2階');
    const nurse = await t.signIn('nurse');
    expect((await nurse.post(`/api/directory/change-requests/${request?.id}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await doctor.post(`/api/directory/change-requests/${request?.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await decide(center, request?.id ?? '', 'approve')).statusCode).toBe(409);
  });

  it('refuses to approve over a change made since the request', async () => {
    expect((await ask(doctor, sakura, { kana: 'サクラザイタククリニックホンイン' })).statusCode).toBe(200);
    const direct = await ask(center, sakura, { kana: 'サクラザイタク' });
    expect(direct.json()).toMatchObject({ outcome: 'applied', request: null });
    expect((await publicDetail(sakura)).kana).toBe('サクラザイタク');
    const [request] = (await queue()).filter((r) => r.servicePointId === sakura);
    expect(request?.changedSince).toEqual(['kana']);
    const refused = await decide(center, request?.id ?? '', 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/申請の後に「フリガナ」が変更されています/);
  });

  it('refuses bad requests: nothing changed, wrong values, a taken identity, a stale version', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{}, 400, /1つ以上/],
      [{ name: 'さくら在宅クリニック' }, 400, /今の内容と同じです/],
      [{ kana: 'さくら' }, 400, /カタカナ/],
      [{ name: '' }, 400, /入力してください/],
      [{ name: 'あ'.repeat(201) }, 400, /200文字以内/],
      [{ serviceCode: 'spaceport' }, 400, /種別を一覧から/],
      [{ latitude: 31.6 }, 400, /両方/],
      [{ latitude: 10, longitude: 130 }, 400, /日本の範囲/],
      [{ municipalityCode: '462011' }, 400, /検査数字/],
      [{ areaId: '00000000-0000-4000-8000-000000000000' }, 400, /地域の指定/],
      [{ officialCode: '9910100045', serviceCode: 'clinic' }, 409, /あおば内科クリニック/],
      [{ vacancy: 3 }, 400, /申請では変更できない項目です: vacancy/],
    ];
    for (const [body, status, message] of cases) {
      const res = await ask(doctor, sakura, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(`${res.json().error.message} ${detailMessages(res.json())}`, JSON.stringify(body)).toMatch(
        message,
      );
    }
    const stale = await doctor.post(`/api/directory/points/${sakura}/change-requests`, {
      version: 1,
      name: 'x',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps the queue and decisions to center staff', async () => {
    const [request] = await queue();
    const nurse = await t.signIn('nurse');
    for (const client of [doctor, nurse, await t.signIn('admin')])
      expect((await client.get('/api/directory/change-requests')).statusCode).toBe(403);
    const byDoctor = await decide(doctor, request?.id ?? '', 'approve');
    expect(byDoctor.statusCode, byDoctor.body).toBe(403);
    expect((await decide(t.client(), request?.id ?? '', 'approve')).statusCode).toBe(401);
    const expired = await expiredClient(t, 'center');
    expect((await expired.get('/api/directory/change-requests')).statusCode).toBe(401);
    const foreign = await nurse.post(`/api/directory/points/${sakura}/change-requests`, {
      version: 1,
      name: 'x',
    });
    expect(foreign.statusCode).toBe(403);
    const decided = (await center.get('/api/directory/change-requests?status=decided')).json().requests;
    expect(decided.length).toBeGreaterThanOrEqual(3);
    expect((await center.get('/api/directory/change-requests?status=all')).statusCode).toBe(400);
  });
});
