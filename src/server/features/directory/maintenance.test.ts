// Published-at-once maintenance of an entry: who may, what is checked, versions, history and staleness.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type { ServicePointDetail } from '../../../shared/schemas/directory';
import type { OrgDirectoryView, PointVersionView } from '../../../shared/schemas/directory-maintenance';
import { auditLog, servicePoints } from '../../db/schema';
import { detailMessages, expiredClient, maintenance, organisationOf, pointId } from './maintenance-fixtures';

describe.each(engines())('directory maintenance (%s)', (engine) => {
  let t: TestApp;
  let doctor: TestClient;
  let sakura: string;
  let tsubasa: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    doctor = await t.signIn('doctor');
    sakura = await pointId(t, 'さくら在宅クリニック');
    tsubasa = await pointId(t, 'つばさ訪問看護ステーション');
  });
  afterAll(async () => t?.close());

  const patch = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.patch(`/api/directory/points/${id}`, body);

  it('publishes vacancy, capabilities and contact at once, with a version row of the changed fields only', async () => {
    const before = await maintenance(doctor, sakura);
    const res = await patch(doctor, sakura, {
      version: before.point.version,
      vacancy: 3,
      capabilities: ['end_of_life', 'open_24h', 'end_of_life'],
      phone: '０９９-１２３-４５６７',
      url: 'https://sakura.example.jp/',
      notes: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(before.point.version + 1);
    const detail = (await t.client().get(`/api/directory/points/${sakura}`)).json() as ServicePointDetail;
    expect(detail).toMatchObject({ vacancy: 3, phone: '099-123-4567', url: 'https://sakura.example.jp/' });
    expect(detail.capabilities).toEqual(['open_24h', 'end_of_life']);
    expect(detail.vacancyUpdatedAt).not.toBeNull();
    expect(detail.stale).toBe(false);

    const versions = (await doctor.get(`/api/directory/points/${sakura}/versions`)).json()
      .versions as PointVersionView[];
    expect(versions[0]).toMatchObject({ source: 'edit', changedByName: '桜井 健一' });
    expect(Object.keys(versions[0]?.after ?? {}).sort()).toEqual(['capabilities', 'phone', 'url', 'vacancy']);
    expect(versions[0]?.before.vacancy).toBeNull();
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'directory_entry.updated'), eq(auditLog.targetId, sakura)));
    expect(audit).toHaveLength(1);
  });

  it('「内容を確認した」: a save with no change marks a stale entry current', async () => {
    await t.database.db
      .update(servicePoints)
      .set({ maintainedAt: new Date(Date.now() - 400 * 86_400_000) })
      .where(eq(servicePoints.id, tsubasa));
    const nurse = await t.signIn('nurse');
    const view = await maintenance(nurse, tsubasa);
    expect(view.point.stale).toBe(true);
    const res = await patch(nurse, tsubasa, { version: view.point.version });
    expect(res.statusCode, res.body).toBe(200);
    const after = await maintenance(nurse, tsubasa);
    expect(after.point.stale).toBe(false);
    const [latest] = (await nurse.get(`/api/directory/points/${tsubasa}/versions`)).json().versions;
    expect(latest).toMatchObject({ source: 'confirm' });
    expect(Object.keys(latest.after)).toEqual(['maintainedAt']);
  });

  it('refuses a stale version with 409 and a message saying to reload', async () => {
    const view = await maintenance(doctor, sakura);
    expect((await patch(doctor, sakura, { version: view.point.version, vacancy: 1 })).statusCode).toBe(200);
    const stale = await patch(doctor, sakura, { version: view.point.version, vacancy: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict' });
    expect(stale.json().error.message).toMatch(/ほかの人が先に.*読み込み直して/);
  });

  it('refuses bad input with messages a person can act on', async () => {
    const { version } = (await maintenance(doctor, sakura)).point;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ vacancy: -1 }, /空きの数は0以上/],
      [{ vacancy: 'many' }, /空きの数は数字で/],
      [{ vacancy: 1.5 }, /空きの数は整数/],
      [{ procedures: ['flying'] }, /医療的ケアの指定が正しくありません/],
      [{ capabilities: 'open_24h' }, /./],
      [{ notes: 'あ'.repeat(1001) }, /1000文字以内/],
      [{ phone: '12345' }, /電話番号は 099-123-4567/],
      [{ url: 'javascript:alert(1)' }, /https:\/\//],
      [{ email: 'not-an-address' }, /メールアドレスの形式/],
      [{ openWeekdays: ['someday'] }, /曜日の指定/],
      [{ languages: Array(11).fill('英語') }, /10個まで/],
      [{ name: '別の名前' }, /変更を申請/],
    ];
    for (const [body, message] of cases) {
      const res = await patch(doctor, sakura, { version, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(detailMessages(res.json()), JSON.stringify(body)).toMatch(message);
    }
    const missing = await patch(doctor, sakura, { vacancy: 1 });
    expect(detailMessages(missing.json())).toMatch(/版の番号がありません/);
  });

  it('lets only the organisation’s admins, center staff and system admins edit (403 for others, 401 signed out)', async () => {
    const body = async () => ({ version: (await maintenance(doctor, sakura)).point.version });
    const nurse = await t.signIn('nurse'); // admin of another organisation
    const other = await patch(nurse, sakura, await body());
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/運営する組織の管理者/);
    expect((await nurse.get(`/api/directory/points/${sakura}/maintenance`)).statusCode).toBe(403);
    expect((await nurse.get(`/api/directory/points/${sakura}/versions`)).statusCode).toBe(403);
    const nurse2 = await t.signIn('nurse2'); // a member, not an admin, of the point's own organisation
    expect((await patch(nurse2, tsubasa, { version: 1 })).statusCode).toBe(403);
    expect((await patch(t.client(), sakura, await body())).statusCode).toBe(401);
    const expired = await expiredClient(t, 'doctor');
    expect((await patch(expired, sakura, await body())).statusCode).toBe(401);
    for (const loginId of ['center', 'admin']) {
      const res = await patch(await t.signIn(loginId), sakura, { ...(await body()), vacancy: 0 });
      expect(res.statusCode, loginId).toBe(200);
    }
    const missing = await patch(doctor, '00000000-0000-4000-8000-000000000000', { version: 1 });
    expect(missing.statusCode).toBe(404);
    expect((await patch(doctor, 'not-a-uuid', { version: 1 })).statusCode).toBe(400);
  });

  it('answers every maintenance route alike: 403 to another organisation’s admin and to a plain member, 401 signed out or expired', async () => {
    const routes = (id: string): [string, string, Record<string, unknown> | undefined][] => [
      ['GET', `/api/directory/points/${id}/maintenance`, undefined],
      ['GET', `/api/directory/points/${id}/versions`, undefined],
      ['PATCH', `/api/directory/points/${id}`, { version: 1 }],
      ['POST', `/api/directory/points/${id}/change-requests`, { version: 1, name: '別の名前' }],
      [
        'PUT',
        `/api/directory/points/${id}/care-manager-times`,
        { version: 1, careManagerTimePublic: true, windows: [] },
      ],
    ];
    const callers: [string, TestClient, string, number][] = [
      ['admin of another organisation', await t.signIn('nurse'), sakura, 403],
      ['member of the organisation', await t.signIn('nurse2'), tsubasa, 403],
      ['signed out', t.client(), sakura, 401],
      ['expired session', await expiredClient(t, 'caremanager'), sakura, 401],
    ];
    for (const [who, client, id, status] of callers)
      for (const [method, url, body] of routes(id)) {
        const res = await client.request(method as 'GET', url, body);
        expect(res.statusCode, `${who}: ${method} ${url}`).toBe(status);
      }
  });

  it('lists an organisation’s entries with stale markers, for its admins and the center only', async () => {
    const aoba = await pointId(t, 'あおば内科クリニック');
    const aobaOrg = await organisationOf(t, aoba);
    await t.database.db
      .update(servicePoints)
      .set({ maintainedAt: new Date(Date.now() - (t.config.directoryStaleDays + 1) * 86_400_000) })
      .where(eq(servicePoints.id, aoba));
    const center = await t.signIn('center');
    const res = await center.get(`/api/orgs/${aobaOrg}/directory`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as OrgDirectoryView;
    expect(view.points).toEqual([expect.objectContaining({ name: 'あおば内科クリニック', stale: true })]);
    const sakuraOrg = await organisationOf(t, sakura);
    const own = (await doctor.get(`/api/orgs/${sakuraOrg}/directory`)).json() as OrgDirectoryView;
    expect(own.points[0]).toMatchObject({ name: 'さくら在宅クリニック', stale: false });
    expect((await doctor.get(`/api/orgs/${aobaOrg}/directory`)).statusCode).toBe(403);
    const nurse2 = await t.signIn('nurse2');
    const tsubasaOrg = await organisationOf(t, tsubasa);
    expect((await nurse2.get(`/api/orgs/${tsubasaOrg}/directory`)).statusCode).toBe(403);
    expect((await t.client().get(`/api/orgs/${sakuraOrg}/directory`)).statusCode).toBe(401);
  });
});
