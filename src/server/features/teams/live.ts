// The team's live events (platform/realtime.ts): sent after the change commits, to the team's current
// members and to anyone else the change concerns (an invitee, a member who just left).
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { LiveEvent } from '../../../shared/schemas/teams';
import { careTeamMembers, careTeams } from '../../db/schema';

export async function tellTeam(
  request: FastifyRequest,
  teamId: string,
  event: LiveEvent,
  alsoTo: string[] = [],
): Promise<void> {
  try {
    await publish(request, teamId, event, alsoTo);
  } catch (error) {
    // The change has committed; a browser that misses the event catches up when it next loads.
    request.log.error({ err: error }, 'live update not sent');
  }
}

async function publish(request: FastifyRequest, teamId: string, event: LiveEvent, alsoTo: string[]) {
  const rows = await request.server.db
    .select({ userId: careTeamMembers.userId })
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.teamId, teamId), eq(careTeamMembers.status, 'active')));
  const to = new Set([...rows.map((row) => row.userId), ...alsoTo]);
  await request.server.realtime.publish([...to], event);
}

/** Tells the members of each open team of the patient that its shared records changed (ids only). */
export async function tellPatientTeams(
  request: FastifyRequest,
  patientId: string,
  type: LiveEvent['type'],
): Promise<void> {
  const teams = await request.server.db
    .select({ id: careTeams.id })
    .from(careTeams)
    .where(and(eq(careTeams.patientId, patientId), eq(careTeams.status, 'open')));
  await Promise.all(teams.map((team) => tellTeam(request, team.id, { type, teamId: team.id })));
}
