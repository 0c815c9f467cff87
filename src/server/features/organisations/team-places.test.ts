// An organisation's admins see which care teams their staff are in (not the teams' content), and hand
// a place over when someone leaves: the successor takes the role (and ownership), the old place ends.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { auditLog } from '../../db/schema';

type Place = {
  memberId: string;
  teamId: string;
  user: { id: string };
  stillMember: boolean;
  isOwner: boolean;
};

describe.each(engines())('team places of an organisation (%s)', (engine) => {
  let t: TestApp;
  let admin: TestClient; // nurse: admin of つばさ訪問看護
  let staff: TestClient; // nurse2: member of it
  let careManager: TestClient;
  let orgId: string;
  let teamId: string;
  let ownedTeamId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.signIn('nurse');
    staff = await t.signIn('nurse2');
    careManager = await t.signIn('caremanager');
    orgId = (await staff.get('/api/me')).json().memberships[0].organisationId;
    ({ teamId } = await setUpTeam(t, careManager, [
      { client: staff, loginId: 'nurse2', teamRole: 'visiting_nurse' },
    ]));
    ({ teamId: ownedTeamId } = await setUpTeam(t, staff, [], '小川 みつ'));
  });
  afterAll(() => t.close());

  const places = async (client: TestClient) => client.get(`/api/orgs/${orgId}/team-places`);

  it('lists the places of the staff for the admin only, without the teams’ content', async () => {
    const res = await places(admin);
    expect(res.statusCode, res.body).toBe(200);
    const items: Place[] = res.json().items;
    expect(items.map((p) => p.teamId).sort()).toEqual([teamId, ownedTeamId].sort());
    expect(items.find((p) => p.teamId === ownedTeamId)?.isOwner).toBe(true);
    expect(JSON.stringify(res.json())).not.toContain('posts');
    // Membership is not content: the admin still cannot open the team.
    expect((await admin.get(`/api/teams/${teamId}`)).statusCode).toBe(404);
    for (const outsider of [staff, careManager, await t.signIn('admin')])
      expect((await places(outsider)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/orgs/${orgId}/team-places` })).statusCode).toBe(
      401,
    );
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'organisation.team_places'), eq(auditLog.targetId, orgId)));
    expect(audit).toBeDefined();
  });

  it('hands the places of someone who left over to a colleague, ownership included', async () => {
    const staffId = await t.userId('nurse2');
    const adminId = await t.userId('nurse');
    expect((await admin.delete(`/api/orgs/${orgId}/members/${staffId}`)).statusCode).toBe(200);
    const before: Place[] = (await places(admin)).json().items;
    expect(before.every((p) => p.user.id === staffId && !p.stillMember)).toBe(true);
    const owned = before.find((p) => p.teamId === ownedTeamId) as Place;
    const member = before.find((p) => p.teamId === teamId) as Place;

    const url = (place: Place) => `/api/orgs/${orgId}/team-places/${place.memberId}/hand-over`;
    expect((await admin.post(url(member), { userId: await t.userId('doctor') })).json().error.code).toBe(
      'successor_not_member',
    );
    expect((await admin.post(url(member), { userId: 'x' })).statusCode).toBe(400);
    // Someone already in the team (here: invited) cannot take the place too.
    const nurseOrg = orgId;
    await careManager.post(`/api/teams/${teamId}/invitations`, {
      userId: adminId,
      organisationId: nurseOrg,
      teamRole: 'visiting_nurse',
    });
    expect((await admin.post(url(member), { userId: adminId })).json().error.code).toBe('already_in_team');
    const invitation = (await admin.get('/api/home/care'))
      .json()
      .invitations.find((i: { teamId: string }) => i.teamId === teamId);
    await admin.post(`/api/invitations/${invitation.memberId}/decline`);

    const res = await admin.post(url(member), { userId: adminId });
    expect(res.statusCode, res.body).toBe(200);
    expect((await admin.get(`/api/teams/${teamId}`)).statusCode).toBe(200);
    const team = (await careManager.get(`/api/teams/${teamId}`)).json();
    expect(team.members.map((m: { userId: string }) => m.userId)).toContain(adminId);
    expect(team.members.map((m: { userId: string }) => m.userId)).not.toContain(staffId);
    // Handed over once: the old place is gone.
    expect((await admin.post(url(member), { userId: adminId })).statusCode).toBe(404);

    await admin.post(url(owned), { userId: adminId });
    const ownedTeam = (await admin.get(`/api/teams/${ownedTeamId}`)).json();
    expect(ownedTeam.owner.userId).toBe(adminId);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'team.hand_over'));
    expect(audit?.targetType).toBe('patient');
  });

  it('refuses the place of someone still in the organisation, and places of other organisations', async () => {
    const { teamId: third } = await setUpTeam(
      t,
      careManager,
      [{ client: admin, loginId: 'nurse', teamRole: 'visiting_nurse' }],
      '三浦 たけ',
    );
    const cmOrg = (await careManager.get('/api/me')).json().memberships[0].organisationId;
    const cmPlaces: Place[] = (await careManager.get(`/api/orgs/${cmOrg}/team-places`)).json().items;
    const cmPlace = cmPlaces.find((p) => p.teamId === third) as Place;
    // The care manager's place, asked for through つばさ's URL by つばさ's admin: not found.
    const through = await admin.post(`/api/orgs/${orgId}/team-places/${cmPlace.memberId}/hand-over`, {
      userId: await t.userId('nurse'),
    });
    expect(through.statusCode).toBe(404);
    // A colleague still in the organisation hands over through the team's owner, not the admin.
    const nursePlace = ((await places(admin)).json().items as Place[]).find(
      (p) => p.teamId === third,
    ) as Place;
    expect(nursePlace.stillMember).toBe(true);
    const kept = await admin.post(`/api/orgs/${orgId}/team-places/${nursePlace.memberId}/hand-over`, {
      userId: await t.userId('nurse'),
    });
    expect(kept.json().error.code).toBe('holder_still_member');
  });
});
