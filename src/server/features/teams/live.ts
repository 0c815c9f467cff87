// The team's live events (platform/realtime.ts): sent after the change commits, to the team's current
// members and to anyone else the change concerns (an invitee, a member who just left).
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { LiveEvent } from '../../../shared/schemas/teams';
import { preparedOnce } from '../../db/client';
import { careTeamMembers, careTeams } from '../../db/schema';
import type { TeamMember } from './posts';

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

/** The active members of the patient's open teams: prepared, as every EMS look-up asks it. */
const patientTeamMembers = preparedOnce((db) =>
  db
    .select({ teamId: careTeams.id, userId: careTeamMembers.userId })
    .from(careTeams)
    .innerJoin(
      careTeamMembers,
      and(eq(careTeamMembers.teamId, careTeams.id), eq(careTeamMembers.status, 'active')),
    )
    .where(and(eq(careTeams.patientId, sql.placeholder('patientId')), eq(careTeams.status, 'open')))
    .prepare('patient_team_members'),
);

/**
 * Tells the members of each open team of the patient that its shared records changed (ids only): one
 * query for every team's members, one event per team.
 */
export async function tellPatientTeams(
  request: FastifyRequest,
  patientId: string,
  type: LiveEvent['type'],
): Promise<void> {
  try {
    await tellMembers(request, await patientTeamMembers(request.server.db).execute({ patientId }), type);
  } catch (error) {
    request.log.error({ err: error }, 'live update not sent');
  }
}

/** One event per team to the members given (already read, as with an EMS look-up's notice). */
export async function tellMembers(
  request: FastifyRequest,
  members: TeamMember[],
  type: LiveEvent['type'],
): Promise<void> {
  const byTeam = new Map<string, string[]>();
  for (const { teamId, userId } of members) byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), userId]);
  await Promise.all(
    [...byTeam].map(([teamId, userIds]) => request.server.realtime.publish(userIds, { type, teamId })),
  );
}
