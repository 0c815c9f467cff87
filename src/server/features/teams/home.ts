// What waits for a professional (the home page): their teams with unread counts, urgent posts not yet
// acknowledged, posts that mention them unread, and open invitations. Counted only since the member
// joined: a newcomer is not greeted by the whole history as unread (the count: teams/unread.ts).
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { CareHome, HomeItem, TeamSummary } from '../../../shared/schemas/teams';
import type { TeamRole } from '../../../shared/teams';
import type { DbOrTx } from '../../db/client';
import { careTeams, patients, teamPostMentions, teamPosts, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { actorMember, auditPatientAccess, visibleTeamsOf } from '../../platform/patient-access';
import { pollsWaitingFor } from './meetings';
import { invitationsOf } from './members';

const LIST_LIMIT = 20;

/** A user's teams (narrowed by `where`), with unread counts; the caller audits. */
export async function teamSummaries(db: DbOrTx, userId: string, where?: SQL): Promise<TeamSummary[]> {
  const rows = await db
    .select({
      id: careTeams.id,
      name: careTeams.name,
      status: careTeams.status,
      patientId: patients.id,
      patientName: patients.name,
      myRole: actorMember.teamRole,
      memberCount: sql<number>`(SELECT count(*)::int FROM care_team_members c
        WHERE c.team_id = ${careTeams.id} AND c.status = 'active')`,
      unread: actorMember.unread,
      lastPostAt: sql<
        string | null
      >`(SELECT max(p.created_at) FROM team_posts p WHERE p.team_id = ${careTeams.id})`,
    })
    .from(careTeams)
    .innerJoin(actorMember, eq(actorMember.teamId, careTeams.id))
    .innerJoin(patients, eq(patients.id, careTeams.patientId))
    .where(and(visibleTeamsOf(userId), where))
    .orderBy(desc(careTeams.status), desc(careTeams.createdAt)); // open before closed
  return rows.map((row) => ({
    ...row,
    status: row.status as TeamSummary['status'],
    myRole: row.myRole as TeamRole,
    lastPostAt: row.lastPostAt ? new Date(row.lastPostAt).toISOString() : null,
  }));
}

const EXCERPT = 80;

/**
 * Posts of these teams (the actor's, as teamSummaries found them) matching `where`, newest first, as
 * home-page items. By team id rather than by the visibility join again: a smaller query to plan.
 */
async function items(db: DbOrTx, teamIds: string[], where: SQL): Promise<HomeItem[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({
      teamId: careTeams.id,
      teamName: careTeams.name,
      postId: teamPosts.id,
      author: users.displayName,
      body: teamPosts.body,
      createdAt: teamPosts.createdAt,
    })
    .from(teamPosts)
    .innerJoin(careTeams, eq(careTeams.id, teamPosts.teamId))
    .innerJoin(users, eq(users.id, teamPosts.authorId))
    .where(shownPostsOf(teamIds, where))
    .orderBy(desc(teamPosts.createdAt))
    .limit(LIST_LIMIT);
  return rows.map(({ body, createdAt, ...row }) => ({
    ...row,
    excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body,
    createdAt: createdAt.toISOString(),
  }));
}

/** What waits for user `me` among their teams' posts: urgent ones not acknowledged, mentions unread. */
export function waitingPosts(db: DbOrTx, me: string): { urgent: SQL; mentions: SQL } {
  // A family member's post has no user: it is not mine.
  const notMine = sql`${teamPosts.authorId} IS DISTINCT FROM ${me}`;
  return {
    urgent: and(
      eq(teamPosts.urgent, true),
      notMine,
      sql`NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = ${teamPosts.id}
        AND r.user_id = ${me} AND r.acknowledged_at IS NOT NULL)`,
    ) as SQL,
    mentions: and(
      notMine,
      // From the user's mentions (few) to their posts, not from every post of their teams.
      inArray(
        teamPosts.id,
        db
          .select({ id: teamPostMentions.postId })
          .from(teamPostMentions)
          .where(eq(teamPostMentions.userId, me)),
      ),
      sql`NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = ${teamPosts.id} AND r.user_id = ${me})`,
    ) as SQL,
  };
}

/** Posts of these teams, not retracted, matching `where`. */
export const shownPostsOf = (teamIds: string[], where: SQL): SQL =>
  and(inArray(teamPosts.teamId, teamIds), isNull(teamPosts.retractedAt), where) as SQL;

export async function careHome(request: FastifyRequest): Promise<CareHome> {
  const db = request.server.db;
  const me = requireActor(request).user.id;
  const teams = await teamSummaries(db, me);
  const teamIds = teams.map((team) => team.id);
  const waiting = waitingPosts(db, me);
  const [urgent, mentions, invitations, polls] = await Promise.all([
    items(db, teamIds, waiting.urgent),
    items(db, teamIds, waiting.mentions),
    invitationsOf(db, me),
    pollsWaitingFor(
      db,
      me,
      teams.filter((team) => team.status === 'open').map((team) => team.id),
    ),
  ]);
  await auditPatientAccess(
    db,
    request,
    'team.home',
    { id: null, organisationId: null },
    {
      teams: teamIds,
    },
  );
  return { teams, urgent, mentions, invitations, polls };
}
