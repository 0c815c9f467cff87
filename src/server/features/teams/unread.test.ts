// The unread count kept on the member row stays what counting would give, through posts, reads,
// acknowledgements, retractions and a member who joins late.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { queryRows } from '../../db/client';

describe.each(engines())('unread counts (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let nurse: TestClient;
  let doctor: TestClient;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    careManager = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    doctor = await t.signIn('doctor');
    ({ teamId } = await setUpTeam(t, careManager, [
      { client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' },
    ]));
  });
  afterAll(() => t.close());

  /** Each member's kept count next to the count by definition. */
  const counts = () =>
    queryRows<{ kept: number; counted: number }>(
      t.database.db,
      sql`SELECT m.unread AS kept, (SELECT count(*)::int FROM team_posts p WHERE p.team_id = m.team_id
        AND p.author_id IS DISTINCT FROM m.user_id AND p.retracted_at IS NULL AND p.created_at >= m.joined_at
        AND NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = p.id AND r.user_id = m.user_id)) AS counted
        FROM care_team_members m WHERE m.team_id = ${teamId} AND m.status = 'active'`,
    );
  const post = async (client: TestClient, body: Record<string, unknown>) =>
    (await client.post(`/api/teams/${teamId}/posts`, body)).json().id as string;
  const unreadOf = async (client: TestClient) =>
    (await client.get('/api/home/care')).json().teams.find((team: { id: string }) => team.id === teamId)
      .unread;

  it('follows posts, reads, acknowledgements and retractions', async () => {
    const first = await post(careManager, { body: '一つ目' });
    const urgent = await post(careManager, { body: '至急の連絡', urgent: true });
    const own = await post(nurse, { body: '看護師から' });
    expect(await unreadOf(nurse)).toBe(2);
    expect(await unreadOf(careManager)).toBe(1);

    await nurse.post(`/api/teams/${teamId}/reads`, { postIds: [first, own] });
    await nurse.post(`/api/teams/${teamId}/reads`, { postIds: [first] }); // again: no change
    expect(await unreadOf(nurse)).toBe(1);
    await nurse.post(`/api/teams/${teamId}/posts/${urgent}/acknowledge`);
    expect(await unreadOf(nurse)).toBe(0);

    const retracted = await post(careManager, { body: '間違い' });
    expect(await unreadOf(nurse)).toBe(1);
    await careManager.post(`/api/teams/${teamId}/posts/${retracted}/retract`, { reason: '別の方の記録' });
    expect(await unreadOf(nurse)).toBe(0);
    await nurse.post(`/api/teams/${teamId}/posts/${own}/retract`, { reason: '重複' });
    expect(await unreadOf(careManager)).toBe(0);

    // A member who joins now starts with nothing unread, and counts what comes after.
    await careManager.post(`/api/teams/${teamId}/invitations`, {
      userId: await t.userId('doctor'),
      organisationId: (await doctor.get('/api/me')).json().memberships[0].organisationId,
      teamRole: 'physician',
    });
    const invitation = (await doctor.get('/api/home/care'))
      .json()
      .invitations.find((i: { teamId: string }) => i.teamId === teamId);
    await doctor.post(`/api/invitations/${invitation.memberId}/accept`);
    expect(await unreadOf(doctor)).toBe(0);
    await post(nurse, { body: '新しい連絡' });
    expect(await unreadOf(doctor)).toBe(1);
    for (const row of await counts()) expect(row.kept).toBe(row.counted);
  });
});
