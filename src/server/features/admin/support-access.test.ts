// A system admin sees a care team only with a support grant: a reason, read-only, for an hour,
// audited, and shown to the team's members.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { auditLog, supportAccessGrants } from '../../db/schema';

describe.each(engines())('support access of a system admin (%s)', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let careManager: TestClient;
  let teamId: string;
  let postId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.signIn('admin');
    careManager = await t.signIn('caremanager');
    ({ teamId } = await setUpTeam(t, careManager, []));
    postId = (await careManager.post(`/api/teams/${teamId}/posts`, { body: '訪問時の様子' })).json().id;
  });
  afterAll(() => t.close());

  const reason = '問い合わせ #1234: 投稿が表示されないとの連絡の確認';

  it('sees nothing without a grant, and asks for a real reason', async () => {
    expect((await admin.get(`/api/teams/${teamId}`)).statusCode).toBe(404);
    expect((await admin.post('/api/admin/support-access', { teamId, reason: '確認' })).statusCode).toBe(400);
    const unknown = await admin.post('/api/admin/support-access', { teamId: crypto.randomUUID(), reason });
    expect(unknown.json().error.code).toBe('team_not_found');
    expect((await careManager.post('/api/admin/support-access', { teamId, reason })).statusCode).toBe(403);
  });

  it('reads the team under a grant, writes nothing, and is seen by the members', async () => {
    const granted = await admin.post('/api/admin/support-access', { teamId, reason });
    expect(granted.statusCode, granted.body).toBe(201);
    const team = await admin.get(`/api/teams/${teamId}`);
    expect(team.statusCode).toBe(200);
    expect(team.json().support.reason).toBe(reason);
    const posts = await admin.get(`/api/teams/${teamId}/posts`);
    expect(posts.json().items.map((p: { id: string }) => p.id)).toEqual([postId]);
    // Read-only: no post, no read receipt, no meeting, no invitation.
    expect((await admin.post(`/api/teams/${teamId}/posts`, { body: 'x' })).statusCode).toBe(404);
    expect((await admin.post(`/api/teams/${teamId}/reads`, { postIds: [postId] })).statusCode).toBe(404);
    expect((await admin.post(`/api/teams/${teamId}/close`)).statusCode).toBe(404);
    // The patient's record is no part of it.
    const patientId = team.json().patient.id;
    expect((await admin.get(`/api/patients/${patientId}`)).statusCode).toBe(404);

    const viewers = (await careManager.get(`/api/teams/${teamId}`)).json().supportViewers;
    expect(viewers).toMatchObject([{ displayName: expect.any(String), reason }]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'post.list'), eq(auditLog.reason, reason)));
    expect(audited).toHaveLength(1);
    const [grant] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'team.support_access'));
    expect(grant?.reason).toBe(reason);
    expect((await admin.get('/api/admin/support-access')).json().items[0]).toMatchObject({
      teamId,
      active: true,
    });
  });

  it('ends when the hour is over', async () => {
    await t.database.db
      .update(supportAccessGrants)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(supportAccessGrants.teamId, teamId));
    expect((await admin.get(`/api/teams/${teamId}`)).statusCode).toBe(404);
    expect((await careManager.get(`/api/teams/${teamId}`)).json().supportViewers).toEqual([]);
  });

  it('needs the care-team consent in force, like every reader beyond the recording organisation', async () => {
    expect((await admin.post('/api/admin/support-access', { teamId, reason })).statusCode).toBe(201);
    expect((await admin.get(`/api/teams/${teamId}`)).statusCode).toBe(200);
    const patientId = (await careManager.get(`/api/teams/${teamId}`)).json().patient.id;
    const consents = (await careManager.get(`/api/patients/${patientId}`)).json().consents;
    const careTeam = consents.find(
      (c: { scope: string; inForce: boolean }) => c.scope === 'care_team' && c.inForce,
    );
    await careManager.post(`/api/patients/${patientId}/consents/${careTeam.id}/withdraw`, {
      reason: '本人の希望',
    });
    expect((await admin.get(`/api/teams/${teamId}`)).statusCode).toBe(404);
    const again = await admin.post('/api/admin/support-access', { teamId, reason });
    expect(again.json().error.code).toBe('consent_required');
  });
});
