// Care teams set up through the API for journeys that are about something else than setting them up.
import type { APIRequestContext } from 'playwright-core';

/** The care manager's patient (care-team consent) and team, with one professional invited; the team. */
export async function teamWithInvitee(cm: APIRequestContext, name: string, kana: string, invitee: string) {
  // Also through a signed-in page's own request context, which sends no CSRF header by itself.
  const post = (url: string, data: object) => cm.post(url, { headers: { 'x-tsunagu-csrf': '1' }, data });
  const cmOrg = (await (await cm.get('/api/me')).json()).memberships[0].organisationId;
  const patient = await (
    await post('/api/patients', {
      name,
      kana,
      birthDate: '1940-01-01',
      sex: 'female',
      organisationId: cmOrg,
      confirmDuplicate: true,
    })
  ).json();
  await post(`/api/patients/${patient.id}/consents`, {
    scopes: ['care_team'],
    method: 'oral',
    consentedOn: '2026-11-30',
  });
  const team = await (
    await post(`/api/patients/${patient.id}/teams`, { organisationId: cmOrg, teamRole: 'care_manager' })
  ).json();
  const found = await cm.get(`/api/teams/${team.id}/candidates?q=${encodeURIComponent(invitee)}`);
  const [person] = (await found.json()).items;
  await post(`/api/teams/${team.id}/invitations`, {
    userId: person.userId,
    organisationId: person.organisationId,
    teamRole: 'visiting_nurse',
  });
  return { ...(team as { id: string; name: string }), post };
}
