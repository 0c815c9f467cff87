// What the admission feature's parts share: who a user is by name in a list, the team's care-manager
// place, and the live event that tells the team and the hospital's window that an episode changed.
import { and, eq, getTableName, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { admissionEpisodes, careTeamMembers, memberships, servicePoints } from '../../db/schema';
import { tellTeam } from '../teams/live';

/** The display name of the user a column names (who recorded, received, saved …). */
export const nameOfUser = (column: AnyPgColumn) =>
  // Qualified by hand: in a single-table select drizzle writes the bare column name, which inside
  // the subquery would bind to `users` should it ever have a column of that name.
  sql<string | null>`(SELECT u.display_name FROM users u
    WHERE u.id = ${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)})`;

/** Tells the team's members and the hospital's members that the episode changed (ids only). */
export async function tellEpisode(request: FastifyRequest, teamId: string, episodeId: string): Promise<void> {
  let hospitalMembers: { userId: string }[] = [];
  try {
    hospitalMembers = await request.server.db
      .select({ userId: memberships.userId })
      .from(admissionEpisodes)
      .innerJoin(servicePoints, eq(servicePoints.id, admissionEpisodes.hospitalPointId))
      .innerJoin(memberships, eq(memberships.organisationId, servicePoints.organisationId))
      .where(eq(admissionEpisodes.id, episodeId));
  } catch (error) {
    // The change has committed: the hospital's browsers catch up when they next load.
    request.log.error({ err: error }, 'live update: hospital members not found');
  }
  await tellTeam(
    request,
    teamId,
    { type: 'admission', teamId, episodeId },
    hospitalMembers.map((row) => row.userId),
  );
}

/** The team's care manager: the active place held as ケアマネジャー. */
export const careManagerPlaceOf = (teamId: string) =>
  and(
    eq(careTeamMembers.teamId, teamId),
    eq(careTeamMembers.teamRole, 'care_manager'),
    eq(careTeamMembers.status, 'active'),
  );
