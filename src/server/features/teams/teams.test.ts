// Care teams through the API: creation, invitations under consent, the timeline with mentions, the
// urgent flag, read receipts, revisions and retractions; and everyone outside gets nothing — another
// team's professional, a removed member, a member who left their organisation, a withdrawn consent,
// a system admin and an expired session. Live events reach the members' open streams.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { auditLog, careTeamMembers, memberships, sessions, teamPosts } from '../../db/schema';

const patient = {
  name: '夏川 一郎',
  kana: 'ナツカワ イチロウ',
  birthDate: '1938-08-10',
  sex: 'male',
  livesAlone: true,
  keyPersons: [],
};

describe.each(engines())('care teams and the timeline (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient; // owner, in the organisation that records the patient
  let nurse: TestClient; // 訪問看護, another organisation
  let doctor: TestClient;
  let pharmacist: TestClient; // never in the team
  let ids: Record<
    | 'careManagerOrg'
    | 'nurseOrg'
    | 'doctorOrg'
    | 'pharmacistOrg'
    | 'careManager'
    | 'nurse'
    | 'doctor'
    | 'pharmacist',
    string
  >;
  let patientId: string;
  let teamId: string;
  let invitation: { nurse: string; doctor: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    careManager = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    doctor = await t.signIn('doctor');
    pharmacist = await t.signIn('pharmacist');
    const orgOf = async (client: TestClient) =>
      (await client.get('/api/me')).json().memberships[0].organisationId;
    ids = {
      careManagerOrg: await orgOf(careManager),
      nurseOrg: await orgOf(nurse),
      doctorOrg: await orgOf(doctor),
      pharmacistOrg: await orgOf(pharmacist),
      careManager: await t.userId('caremanager'),
      nurse: await t.userId('nurse'),
      doctor: await t.userId('doctor'),
      pharmacist: await t.userId('pharmacist'),
    };
    const created = await careManager.post('/api/patients', {
      ...patient,
      organisationId: ids.careManagerOrg,
    });
    patientId = created.json().id;
  });
  afterAll(() => t.close());

  const inviteBody = (who: 'nurse' | 'doctor', teamRole: string) => ({
    userId: ids[who],
    organisationId: ids[`${who}Org`],
    teamRole,
  });

  it('creates a team whose creator is the owner, and shares beyond the organisation only under consent', async () => {
    const res = await careManager.post(`/api/patients/${patientId}/teams`, {
      organisationId: ids.careManagerOrg,
      teamRole: 'care_manager',
    });
    expect(res.statusCode, res.body).toBe(201);
    teamId = res.json().id;
    expect(res.json()).toMatchObject({
      name: '夏川 一郎さんのケアチーム',
      status: 'open',
      owner: { userId: ids.careManager },
      me: { isOwner: true, teamRole: 'care_manager' },
    });
    const refused = await careManager.post(
      `/api/teams/${teamId}/invitations`,
      inviteBody('nurse', 'visiting_nurse'),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('consent_required');

    const consent = await careManager.post(`/api/patients/${patientId}/consents`, {
      scopes: ['care_team'],
      method: 'written',
      consentedOn: '2026-11-20',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const found = await careManager.get(`/api/teams/${teamId}/candidates?q=${encodeURIComponent('ツバサ')}`);
    expect(found.json().items.map((c: { userId: string }) => c.userId)).toContain(ids.nurse);
    for (const [who, role] of [
      ['nurse', 'visiting_nurse'],
      ['doctor', 'physician'],
    ] as const) {
      const res = await careManager.post(`/api/teams/${teamId}/invitations`, inviteBody(who, role));
      expect(res.statusCode, res.body).toBe(201);
    }
    const twice = await careManager.post(
      `/api/teams/${teamId}/invitations`,
      inviteBody('nurse', 'visiting_nurse'),
    );
    expect(twice.json().error.code).toBe('already_invited');
    const notThere = await careManager.post(`/api/teams/${teamId}/invitations`, {
      ...inviteBody('nurse', 'visiting_nurse'),
      organisationId: ids.pharmacistOrg,
    });
    expect(notThere.json().error.code).toBe('invitee_not_in_organisation');
    const byMember = await nurse.post(`/api/teams/${teamId}/invitations`, inviteBody('doctor', 'physician'));
    expect(byMember.statusCode).toBe(404); // not yet a member: the team does not exist for her
  });

  it('lets invitees accept once, and refuses an expired invitation', async () => {
    const home = (await nurse.get('/api/home/care')).json();
    expect(home.invitations).toHaveLength(1);
    expect(home.invitations[0]).toMatchObject({ teamId, teamRole: 'visiting_nurse' });
    invitation = {
      nurse: home.invitations[0].memberId,
      doctor: (await doctor.get('/api/home/care')).json().invitations[0].memberId,
    };
    expect((await nurse.get(`/api/teams/${teamId}`)).statusCode).toBe(404);
    const accepted = await nurse.post(`/api/invitations/${invitation.nurse}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await nurse.post(`/api/invitations/${invitation.nurse}/accept`)).json().error.code).toBe(
      'invitation_already_accepted',
    );
    expect((await doctor.post(`/api/invitations/${invitation.nurse}/accept`)).statusCode).toBe(404);

    await t.database.db
      .update(careTeamMembers)
      .set({ invitationExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(careTeamMembers.id, invitation.doctor));
    expect((await doctor.post(`/api/invitations/${invitation.doctor}/accept`)).json().error.code).toBe(
      'invitation_expired',
    );
    // The owner invites again; the expired invitation gives way.
    expect(
      (await careManager.post(`/api/teams/${teamId}/invitations`, inviteBody('doctor', 'physician')))
        .statusCode,
    ).toBe(201);
    invitation.doctor = (await doctor.get('/api/home/care')).json().invitations[0].memberId;
    expect((await doctor.post(`/api/invitations/${invitation.doctor}/accept`)).statusCode).toBe(200);
    const team = (await nurse.get(`/api/teams/${teamId}`)).json();
    expect(team.members.map((m: { userId: string; status: string }) => [m.userId, m.status])).toEqual([
      [ids.careManager, 'active'],
      [ids.nurse, 'active'],
      [ids.doctor, 'active'],
    ]);
    expect((await nurse.get(`/api/patients/${patientId}`)).json().name).toBe('夏川 一郎');
  });

  let urgentId: string;

  it('posts with mentions and the urgent flag, listed on the home page until acknowledged', async () => {
    const notMember = await nurse.post(`/api/teams/${teamId}/posts`, {
      body: '血圧 168/94',
      mentions: [ids.pharmacist],
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error.code).toBe('mention_not_member');
    const res = await nurse.post(`/api/teams/${teamId}/posts`, {
      body: '本日訪問。血圧 168/94、頭痛の訴えあり。主治医の指示をお願いします。',
      urgent: true,
      mentions: [ids.doctor],
    });
    expect(res.statusCode, res.body).toBe(201);
    urgentId = res.json().id;
    expect(res.json()).toMatchObject({
      urgent: true,
      readByMe: true,
      readCount: 0,
      mentions: [{ userId: ids.doctor }],
    });

    const home = (await doctor.get('/api/home/care')).json();
    expect(home.teams).toMatchObject([{ id: teamId, unread: 1, memberCount: 3 }]);
    expect(home.urgent.map((i: { postId: string }) => i.postId)).toEqual([urgentId]);
    expect(home.mentions.map((i: { postId: string }) => i.postId)).toEqual([urgentId]);

    expect((await doctor.post(`/api/teams/${teamId}/reads`, { postIds: [urgentId] })).statusCode).toBe(200);
    const afterRead = (await doctor.get('/api/home/care')).json();
    expect(afterRead.teams[0].unread).toBe(0);
    expect(afterRead.mentions).toEqual([]);
    expect(afterRead.urgent).toHaveLength(1); // read, not yet acknowledged

    const acked = await doctor.post(`/api/teams/${teamId}/posts/${urgentId}/acknowledge`);
    expect(acked.json().acknowledgements).toMatchObject([{ userId: ids.doctor }]);
    expect((await doctor.get('/api/home/care')).json().urgent).toEqual([]);
    expect((await nurse.post(`/api/teams/${teamId}/posts/${urgentId}/acknowledge`)).json().error.code).toBe(
      'own_post',
    );

    const receipts = (await nurse.get(`/api/teams/${teamId}/posts/${urgentId}/receipts`)).json();
    expect(receipts.read.map((r: { userId: string }) => r.userId)).toEqual([ids.doctor]);
    expect(receipts.unread.map((r: { userId: string }) => r.userId)).toEqual([ids.careManager]);

    const reply = await doctor.post(`/api/teams/${teamId}/posts`, {
      body: '降圧薬を頓用で。夕方に再検をお願いします。',
      parentId: urgentId,
    });
    expect(reply.statusCode).toBe(201);
    const page = (await careManager.get(`/api/teams/${teamId}/posts`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0].replies.map((r: { body: string }) => r.body)).toEqual([
      '降圧薬を頓用で。夕方に再検をお願いします。',
    ]);
    expect(
      (await doctor.post(`/api/teams/${teamId}/posts`, { body: 'x', parentId: reply.json().id })).json().error
        .code,
    ).toBe('reply_to_reply');
  });

  it('keeps revisions, answers a stale edit with 409 and the current text, and retracts without deleting', async () => {
    const first = await nurse.put(`/api/teams/${teamId}/posts/${urgentId}`, {
      body: '血圧 168/94（再検 150/88）',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 2 });
    const stale = await nurse.put(`/api/teams/${teamId}/posts/${urgentId}`, {
      body: '別の画面から',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'edit_conflict',
      details: { current: { body: '血圧 168/94（再検 150/88）' } },
    });
    expect(
      (await careManager.put(`/api/teams/${teamId}/posts/${urgentId}`, { body: 'x', version: 2 })).statusCode,
    ).toBe(403);
    expect(
      (await nurse.put(`/api/teams/${teamId}/posts/${urgentId}`, { body: '', version: 2 })).statusCode,
    ).toBe(400);
    expect(
      (await nurse.put(`/api/teams/${teamId}/posts/${urgentId}`, { body: 'あ'.repeat(4001), version: 2 }))
        .statusCode,
    ).toBe(400);

    const wrong = await nurse.post(`/api/teams/${teamId}/posts`, { body: '別の利用者の記録を誤って投稿' });
    expect((await nurse.post(`/api/teams/${teamId}/posts/${wrong.json().id}/retract`, {})).statusCode).toBe(
      400,
    );
    const retracted = await nurse.post(`/api/teams/${teamId}/posts/${wrong.json().id}/retract`, {
      reason: '誤投稿',
    });
    expect(retracted.json()).toMatchObject({ body: null, retracted: { reason: '誤投稿' } });
    const [kept] = await t.database.db.select().from(teamPosts).where(eq(teamPosts.id, wrong.json().id));
    expect(kept?.body).toBe('別の利用者の記録を誤って投稿');
    expect(
      (await nurse.post(`/api/teams/${teamId}/posts/${wrong.json().id}/retract`, { reason: '再' }))
        .statusCode,
    ).toBe(409);
  });

  it('gives nothing to a professional outside the team, a system admin or an expired session', async () => {
    const admin = await t.signIn('admin');
    for (const outsider of [pharmacist, admin]) {
      for (const url of [
        `/api/teams/${teamId}`,
        `/api/teams/${teamId}/posts`,
        `/api/teams/${teamId}/posts/${urgentId}/receipts`,
        `/api/patients/${patientId}`,
        `/api/patients/${patientId}/teams`,
      ])
        expect((await outsider.get(url)).statusCode, url).toBe(404);
      expect((await outsider.post(`/api/teams/${teamId}/posts`, { body: '侵入' })).statusCode).toBe(404);
      expect((await outsider.post(`/api/teams/${teamId}/reads`, { postIds: [urgentId] })).statusCode).toBe(
        404,
      );
      expect((await outsider.post(`/api/teams/${teamId}/posts/${urgentId}/acknowledge`)).statusCode).toBe(
        404,
      );
      expect(
        (await outsider.put(`/api/teams/${teamId}/posts/${urgentId}`, { body: 'x', version: 2 })).statusCode,
      ).toBe(404);
      expect((await outsider.post(`/api/invitations/${invitation.nurse}/accept`)).statusCode).toBe(404);
      expect((await outsider.get('/api/home/care')).json().teams).toEqual([]);
    }
    const expired = await t.signIn('nurse');
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await expired.get(`/api/teams/${teamId}/posts`)).statusCode).toBe(401);
    nurse = await t.signIn('nurse');
    careManager = await t.signIn('caremanager');
    doctor = await t.signIn('doctor');
  });

  it('ends access when a member is removed, leaves their organisation, or consent is withdrawn', async () => {
    const team = (await careManager.get(`/api/teams/${teamId}`)).json();
    const place = (userId: string) =>
      team.members.find((m: { userId: string }) => m.userId === userId).memberId;
    // Only the owner removes others; the owner must hand over before leaving.
    expect((await nurse.post(`/api/teams/${teamId}/members/${place(ids.doctor)}/end`)).statusCode).toBe(403);
    expect(
      (await careManager.post(`/api/teams/${teamId}/members/${place(ids.careManager)}/end`)).json().error
        .code,
    ).toBe('owner_must_transfer');

    // Leaving the organisation: the place stays, the access ends.
    await t.database.db
      .delete(memberships)
      .where(and(eq(memberships.userId, ids.nurse), eq(memberships.organisationId, ids.nurseOrg)));
    expect((await nurse.get(`/api/teams/${teamId}/posts`)).statusCode).toBe(404);
    expect((await nurse.get(`/api/patients/${patientId}`)).statusCode).toBe(404);
    await t.database.db
      .insert(memberships)
      .values({ userId: ids.nurse, organisationId: ids.nurseOrg, role: 'admin' });
    expect((await nurse.get(`/api/teams/${teamId}/posts`)).statusCode).toBe(200);

    const removed = await careManager.post(`/api/teams/${teamId}/members/${place(ids.nurse)}/end`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await nurse.get(`/api/teams/${teamId}/posts`)).statusCode).toBe(404);
    expect((await nurse.post(`/api/teams/${teamId}/posts`, { body: 'まだ書ける？' })).statusCode).toBe(404);

    // Consent withdrawn: the doctor (another organisation) loses access; the recording organisation keeps it.
    const consentId = (await careManager.get(`/api/patients/${patientId}`)).json().consents[0].id;
    await careManager.post(`/api/patients/${patientId}/consents/${consentId}/withdraw`, {
      reason: '本人の申し出',
    });
    expect((await doctor.get(`/api/teams/${teamId}/posts`)).statusCode).toBe(404);
    expect((await doctor.get('/api/home/care')).json().teams).toEqual([]);
    expect((await careManager.get(`/api/teams/${teamId}/posts`)).statusCode).toBe(200);
  });

  it('closes a team read-only, and audits every access to the patient', async () => {
    expect((await nurse.post(`/api/teams/${teamId}/close`)).statusCode).toBe(404);
    const closed = await careManager.post(`/api/teams/${teamId}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await careManager.post(`/api/teams/${teamId}/posts`, { body: '終了後' })).json().error.code).toBe(
      'team_closed',
    );
    expect((await careManager.post(`/api/teams/${teamId}/close`)).json().error.code).toBe('team_closed');
    expect((await careManager.get(`/api/teams/${teamId}/posts`)).statusCode).toBe(200);

    const actions = new Set(
      (
        await t.database.db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(and(eq(auditLog.targetType, 'patient'), eq(auditLog.targetId, patientId)))
      ).map((row) => row.action),
    );
    for (const action of [
      'team.create',
      'team.invite',
      'team.accept',
      'team.read',
      'post.create',
      'post.list',
      'post.read',
      'post.acknowledge',
      'post.receipts',
      'post.update',
      'post.retract',
      'team.end_membership',
      'team.close',
    ])
      expect(actions, action).toContain(action);
  });
});
