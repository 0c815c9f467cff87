// What waits for a professional (the home page): their teams with unread counts, urgent posts not yet
// acknowledged, posts that mention them unread, and open invitations. Counted only since the member
// joined: a newcomer is not greeted by the whole history as unread.
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { CareHome, HomeItem, TeamSummary } from '../../../shared/schemas/teams';
import type { TeamRole } from '../../../shared/teams';
import { careTeams, patients, teamPostMentions, teamPosts, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { actorMember, auditPatientAccess, visibleTeamsOfActor } from '../../platform/patient-access';
import { pollsWaitingFor } from './meetings';
import { invitationsOf } from './members';

const LIST_LIMIT = 20;

/** The actor's teams (narrowed by `where`), with unread counts; the caller audits. */
export async function teamSummaries(request: FastifyRequest, where?: SQL): Promise<TeamSummary[]> {
  const me = requireActor(request).user.id;
  const rows = await request.server.db
    .select({
      id: careTeams.id,
      name: careTeams.name,
      status: careTeams.status,
      patientId: patients.id,
      patientName: patients.name,
      myRole: actorMember.teamRole,
      memberCount: sql<number>`(SELECT count(*)::int FROM care_team_members c
        WHERE c.team_id = ${careTeams.id} AND c.status = 'active')`,
      unread: sql<number>`(SELECT count(*)::int FROM team_posts p WHERE p.team_id = ${careTeams.id}
        AND p.author_id IS DISTINCT FROM ${me} AND p.retracted_at IS NULL AND p.created_at >= m.joined_at
        AND NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = p.id AND r.user_id = ${me}))`,
      lastPostAt: sql<
        string | null
      >`(SELECT max(p.created_at) FROM team_posts p WHERE p.team_id = ${careTeams.id})`,
    })
    .from(careTeams)
    .innerJoin(actorMember, eq(actorMember.teamId, careTeams.id))
    .innerJoin(patients, eq(patients.id, careTeams.patientId))
    .where(and(visibleTeamsOfActor(request), where))
    .orderBy(desc(careTeams.status), desc(careTeams.createdAt)); // open before closed
  return rows.map((row) => ({
    ...row,
    status: row.status as TeamSummary['status'],
    myRole: row.myRole as TeamRole,
    lastPostAt: row.lastPostAt ? new Date(row.lastPostAt).toISOString() : null,
  }));
}

const EXCERPT = 80;

/** Posts of the actor's teams matching `where`, newest first, as home-page items. */
async function items(request: FastifyRequest, where: SQL): Promise<HomeItem[]> {
  const rows = await request.server.db
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
    .innerJoin(actorMember, eq(actorMember.teamId, careTeams.id))
    .innerJoin(patients, eq(patients.id, careTeams.patientId))
    .innerJoin(users, eq(users.id, teamPosts.authorId))
    .where(and(visibleTeamsOfActor(request), isNull(teamPosts.retractedAt), where))
    .orderBy(desc(teamPosts.createdAt))
    .limit(LIST_LIMIT);
  return rows.map(({ body, createdAt, ...row }) => ({
    ...row,
    excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body,
    createdAt: createdAt.toISOString(),
  }));
}

export async function careHome(request: FastifyRequest): Promise<CareHome> {
  const me = requireActor(request).user.id;
  // A family member's post has no user: it is not mine.
  const notMine = sql`${teamPosts.authorId} IS DISTINCT FROM ${me}`;
  const [teams, urgent, mentions, invitations, polls] = await Promise.all([
    teamSummaries(request),
    items(
      request,
      and(
        eq(teamPosts.urgent, true),
        notMine,
        sql`NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = ${teamPosts.id}
          AND r.user_id = ${me} AND r.acknowledged_at IS NOT NULL)`,
      ) as SQL,
    ),
    items(
      request,
      and(
        notMine,
        sql`EXISTS (SELECT 1 FROM ${teamPostMentions} WHERE ${teamPostMentions.postId} = ${teamPosts.id}
          AND ${teamPostMentions.userId} = ${me})`,
        sql`NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = ${teamPosts.id} AND r.user_id = ${me})`,
      ) as SQL,
    ),
    invitationsOf(request),
    pollsWaitingFor(request),
  ]);
  await auditPatientAccess(
    request.server.db,
    request,
    'team.home',
    { id: null, organisationId: null },
    {
      teams: teams.map((team) => team.id),
    },
  );
  return { teams, urgent, mentions, invitations, polls };
}
