import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';

describe.each(engines())('organisation administration (%s)', (engine) => {
  let t: TestApp;
  let nurseAdmin: TestClient; // admin of つばさ訪問看護ステーション
  let nurseMember: TestClient; // member there
  let doctorAdmin: TestClient; // admin of さくら在宅クリニック
  let nursingId: string;
  let clinicId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    nurseAdmin = await t.signIn('nurse');
    nurseMember = await t.signIn('nurse2');
    doctorAdmin = await t.signIn('doctor');
    nursingId = (await nurseAdmin.get('/api/me')).json().memberships[0].organisationId;
    clinicId = (await doctorAdmin.get('/api/me')).json().memberships[0].organisationId;
  });
  afterAll(() => t.close());

  it('shows members to members, and nothing of another organisation', async () => {
    const own = await nurseMember.get(`/api/orgs/${nursingId}`);
    expect(own.statusCode).toBe(200);
    expect(
      own
        .json()
        .members.map((m: { loginId: string }) => m.loginId)
        .sort(),
    ).toEqual(['nurse', 'nurse2']);
    expect((await doctorAdmin.get(`/api/orgs/${nursingId}`)).statusCode).toBe(403);
    expect((await doctorAdmin.get(`/api/orgs/${nursingId}/invites`)).statusCode).toBe(403);
    expect((await doctorAdmin.post(`/api/orgs/${nursingId}/invites`, {})).statusCode).toBe(403);
    const nurse2Id = await t.userId('nurse2');
    expect((await doctorAdmin.delete(`/api/orgs/${nursingId}/members/${nurse2Id}`)).statusCode).toBe(403);
    expect(
      (await doctorAdmin.post(`/api/orgs/${nursingId}/members/${nurse2Id}/password-reset`)).statusCode,
    ).toBe(403);
  });

  it('keeps management to organisation admins', async () => {
    expect((await nurseMember.get(`/api/orgs/${nursingId}/invites`)).statusCode).toBe(403);
    expect((await nurseMember.post(`/api/orgs/${nursingId}/invites`, { role: 'admin' })).statusCode).toBe(
      403,
    );
  });

  it('answers 404 for a user who is not a member here, even through one’s own organisation', async () => {
    const doctorId = await t.userId('doctor');
    expect(
      (await nurseAdmin.post(`/api/orgs/${nursingId}/members/${doctorId}/password-reset`)).statusCode,
    ).toBe(404);
    expect(
      (await nurseAdmin.patch(`/api/orgs/${nursingId}/members/${doctorId}`, { role: 'member' })).statusCode,
    ).toBe(404);
    expect((await nurseAdmin.delete(`/api/orgs/${nursingId}/members/${doctorId}`)).statusCode).toBe(404);
    expect((await doctorAdmin.get(`/api/orgs/${clinicId}`)).statusCode).toBe(200);
  });

  it('rejects malformed ids and bodies with 400', async () => {
    expect((await nurseAdmin.get('/api/orgs/not-a-uuid')).statusCode).toBe(400); // validated before authorised
    const badRole = await nurseAdmin.patch(`/api/orgs/${nursingId}/members/${await t.userId('nurse2')}`, {
      role: 'owner',
    });
    expect(badRole.statusCode).toBe(400);
    const longNote = await nurseAdmin.post(`/api/orgs/${nursingId}/invites`, { note: 'あ'.repeat(201) });
    expect(longNote.statusCode).toBe(400);
    expect(longNote.json().error.details[0]).toMatchObject({
      path: 'note',
      message: '200文字以内で入力してください',
    });
    const badHours = await nurseAdmin.post(`/api/orgs/${nursingId}/invites`, { expiresInHours: 'soon' });
    expect(badHours.statusCode).toBe(400);
  });

  it('never leaves an organisation without an admin', async () => {
    const nurseId = await t.userId('nurse');
    const demote = await nurseAdmin.patch(`/api/orgs/${nursingId}/members/${nurseId}`, { role: 'member' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_admin');
    const nurse2Id = await t.userId('nurse2');
    expect(
      (await nurseAdmin.patch(`/api/orgs/${nursingId}/members/${nurse2Id}`, { role: 'admin' })).statusCode,
    ).toBe(200);
    expect((await nurseMember.get(`/api/orgs/${nursingId}/invites`)).statusCode).toBe(200);
    expect(
      (await nurseMember.patch(`/api/orgs/${nursingId}/members/${nurse2Id}`, { role: 'member' })).statusCode,
    ).toBe(200);
    expect((await nurseMember.get(`/api/orgs/${nursingId}/invites`)).statusCode).toBe(403);
  });

  it('unlocks a locked member', async () => {
    for (let i = 0; i < t.config.loginMaxFailures; i++) {
      await t.client().post('/api/auth/login', { loginId: 'nurse2', password: 'wrong-wrong-wrong' });
    }
    const members = (await nurseAdmin.get(`/api/orgs/${nursingId}`)).json().members;
    expect(members.find((m: { loginId: string }) => m.loginId === 'nurse2').lockedUntil).not.toBeNull();
    expect(
      (await nurseAdmin.post(`/api/orgs/${nursingId}/members/${await t.userId('nurse2')}/unlock`)).statusCode,
    ).toBe(200);
    expect(
      (await t.client().post('/api/auth/login', { loginId: 'nurse2', password: 'tsunagu-demo-2026' }))
        .statusCode,
    ).toBe(200);
  });

  it('lets only a system admin reset an account holding system roles', async () => {
    const centerOrg = (await (await t.signIn('center')).get('/api/me')).json().memberships[0].organisationId;
    const centerAdmin = await t.signIn('center');
    const centerId = await t.userId('center');
    // center is the organisation admin of the support center, and holds center_staff.
    const self = await centerAdmin.post(`/api/orgs/${centerOrg}/members/${centerId}/password-reset`);
    expect(self.statusCode).toBe(403);
    const system = await t.signIn('admin');
    expect((await system.post(`/api/orgs/${centerOrg}/members/${centerId}/password-reset`)).statusCode).toBe(
      200,
    );
  });

  it('lists organisations of one kind for choosers, to signed-in users only', async () => {
    const res = await doctorAdmin.get('/api/orgs?kind=community_center');
    expect(res.json().organisations.map((o: { name: string }) => o.name)).toEqual([
      'みらい南部地域包括支援センター',
      'みらい北部地域包括支援センター',
    ]);
    expect((await t.client().get('/api/orgs')).statusCode).toBe(401);
    expect((await doctorAdmin.get('/api/orgs?kind=castle')).statusCode).toBe(400);
  });
});
