// A care team set up through the API, as a care manager would: patient, consent, team, invitations
// accepted. For tests about what happens inside a team.
import type { TestApp, TestClient } from './test-app';

const organisationOf = async (client: TestClient): Promise<string> =>
  (await client.get('/api/me')).json().memberships[0].organisationId;

function ok<T>(response: { statusCode: number; body: string; json: () => T }, what: string): T {
  if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The owner's patient and team, with each member's invitation accepted. */
export async function setUpTeam(
  t: TestApp,
  owner: TestClient,
  members: { client: TestClient; loginId: string; teamRole: string }[],
  name = '秋山 とめ',
): Promise<{ patientId: string; teamId: string }> {
  const ownerOrg = await organisationOf(owner);
  const patient = ok<{ id: string }>(
    await owner.post('/api/patients', {
      name,
      kana: 'アキヤマ トメ',
      birthDate: '1935-10-01',
      sex: 'female',
      organisationId: ownerOrg,
      confirmDuplicate: true,
    }),
    'patient',
  );
  ok(
    await owner.post(`/api/patients/${patient.id}/consents`, {
      scopes: ['care_team'],
      method: 'written',
      consentedOn: '2026-11-01',
    }),
    'consent',
  );
  const team = ok<{ id: string }>(
    await owner.post(`/api/patients/${patient.id}/teams`, {
      organisationId: ownerOrg,
      teamRole: 'care_manager',
    }),
    'team',
  );
  for (const member of members) {
    ok(
      await owner.post(`/api/teams/${team.id}/invitations`, {
        userId: await t.userId(member.loginId),
        organisationId: await organisationOf(member.client),
        teamRole: member.teamRole,
      }),
      'invitation',
    );
    const home = ok<{ invitations: { teamId: string; memberId: string }[] }>(
      await member.client.get('/api/home/care'),
      'home',
    );
    const invitation = home.invitations.find((i) => i.teamId === team.id);
    ok(await member.client.post(`/api/invitations/${invitation?.memberId}/accept`), 'accept');
  }
  return { patientId: patient.id, teamId: team.id };
}
