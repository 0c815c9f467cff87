// Care teams set up through the API for journeys that are about something else than setting them up.
import type { APIRequestContext } from 'playwright-core';

type NewPatient = { name: string; kana: string; birthDate?: string };

/**
 * The care manager's patient, with the consents given (written or oral), and the care team they hold
 * the care-manager place in: the patient, the team, the organisation, and a `post` that sends the CSRF
 * header (a signed-in page's own request context sends none by itself).
 */
export async function patientWithTeam(
  cm: APIRequestContext,
  person: NewPatient,
  scopes: string[],
  method: 'written' | 'oral' = 'written',
) {
  const post = (url: string, data: object) => cm.post(url, { headers: { 'x-tsunagu-csrf': '1' }, data });
  const org: string = (await (await cm.get('/api/me')).json()).memberships[0].organisationId;
  const patient = await (
    await post('/api/patients', {
      birthDate: '1940-01-01',
      ...person,
      sex: 'female',
      organisationId: org,
      confirmDuplicate: true,
    })
  ).json();
  await post(`/api/patients/${patient.id}/consents`, { scopes, method, consentedOn: '2026-11-30' });
  const team = await (
    await post(`/api/patients/${patient.id}/teams`, { organisationId: org, teamRole: 'care_manager' })
  ).json();
  return {
    patient: patient as { id: string },
    team: team as { id: string; name: string },
    org,
    post,
  };
}

/** The care manager's patient (care-team consent) and team, with one professional invited; the team. */
export async function teamWithInvitee(cm: APIRequestContext, name: string, kana: string, invitee: string) {
  const { team, post } = await patientWithTeam(cm, { name, kana }, ['care_team'], 'oral');
  const found = await cm.get(`/api/teams/${team.id}/candidates?q=${encodeURIComponent(invitee)}`);
  const [person] = (await found.json()).items;
  await post(`/api/teams/${team.id}/invitations`, {
    userId: person.userId,
    organisationId: person.organisationId,
    teamRole: 'visiting_nurse',
  });
  return { ...team, post };
}
