// Read receipts (既読) and acknowledgements (確認) of urgent posts: who has read a post and when, and
// who of the current members has not yet. The author's own posts count as read by them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Receipts } from '../../../shared/schemas/teams';
import { careTeamMembers, organisations, teamPostReads, teamPosts, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { conflict } from '../../platform/errors';
import { openTeam } from '../../platform/patient-access';
import { tellTeam } from './live';
import { postNotFound, postView } from './posts';
import { countReads } from './unread';

/** Marks posts of the team read by the actor (again: no change); tells the team when counts change. */
export async function markRead(
  request: FastifyRequest,
  teamId: string,
  postIds: string[],
): Promise<{ ok: true }> {
  const actor = requireActor(request);
  const fresh = await request.server.db.transaction(async (tx) => {
    await openTeam(request, teamId, 'post.read', { db: tx, details: { postIds } });
    const posts = await tx
      .select({ id: teamPosts.id })
      .from(teamPosts)
      .where(
        and(
          eq(teamPosts.teamId, teamId),
          inArray(teamPosts.id, postIds),
          sql`${teamPosts.authorId} IS DISTINCT FROM ${actor.user.id}`,
        ),
      )
      // Against a retraction at the same moment: one waits for the other (teams/unread.ts).
      .for('share');
    if (posts.length === 0) return 0;
    const inserted = await tx
      .insert(teamPostReads)
      .values(posts.map((post) => ({ postId: post.id, userId: actor.user.id })))
      .onConflictDoNothing()
      .returning({ postId: teamPostReads.postId });
    await countReads(
      tx,
      teamId,
      actor.user.id,
      inserted.map((row) => row.postId),
    );
    return inserted.length;
  });
  // Read counts show on every member's page: only a read not recorded before changes them.
  if (fresh > 0) await tellTeam(request, teamId, { type: 'read', teamId });
  return { ok: true };
}

/** Acknowledges an urgent post (確認しました): it leaves the actor's urgent list. */
export async function acknowledge(request: FastifyRequest, teamId: string, postId: string) {
  const actor = requireActor(request);
  const view = await request.server.db.transaction(async (tx) => {
    await openTeam(request, teamId, 'post.acknowledge', { db: tx, details: { postId } });
    const [post] = await tx
      .select()
      .from(teamPosts)
      .where(and(eq(teamPosts.id, postId), eq(teamPosts.teamId, teamId)))
      .for('share');
    if (!post) throw postNotFound();
    if (!post.urgent) throw conflict('not_urgent', '至急の投稿ではないため、確認の記録は要りません。');
    if (post.authorId === actor.user.id) throw conflict('own_post', '自分の投稿は確認の記録が要りません。');
    const now = new Date();
    const [read] = await tx
      .insert(teamPostReads)
      .values({ postId, userId: actor.user.id, readAt: now, acknowledgedAt: now })
      .onConflictDoUpdate({
        target: [teamPostReads.postId, teamPostReads.userId],
        set: {
          acknowledgedAt: sql`coalesce(${teamPostReads.acknowledgedAt}, ${now.toISOString()}::timestamptz)`,
        },
      })
      // xmax is 0 on a row this statement inserted (not one it updated): a first read.
      .returning({ first: sql<boolean>`xmax = 0` });
    if (read?.first) await countReads(tx, teamId, actor.user.id, [postId]);
    return postView(tx, postId, actor.user.id);
  });
  await tellTeam(request, teamId, { type: 'read', teamId, postId });
  return view;
}

/** Who has read the post, and which current members (other than its author) have not. */
export async function receiptsOf(request: FastifyRequest, teamId: string, postId: string): Promise<Receipts> {
  await openTeam(request, teamId, 'post.receipts', { details: { postId } });
  const db = request.server.db;
  const [post] = await db
    .select({ authorId: teamPosts.authorId })
    .from(teamPosts)
    .where(and(eq(teamPosts.id, postId), eq(teamPosts.teamId, teamId)));
  if (!post) throw postNotFound();
  const [readers, members] = await Promise.all([
    db
      .select({ userId: users.id, displayName: users.displayName, at: teamPostReads.readAt })
      .from(teamPostReads)
      .innerJoin(users, eq(users.id, teamPostReads.userId))
      .where(eq(teamPostReads.postId, postId))
      .orderBy(teamPostReads.readAt),
    db
      .select({ userId: users.id, displayName: users.displayName, organisationName: organisations.name })
      .from(careTeamMembers)
      .innerJoin(users, eq(users.id, careTeamMembers.userId))
      .innerJoin(organisations, eq(organisations.id, careTeamMembers.organisationId))
      .where(and(eq(careTeamMembers.teamId, teamId), eq(careTeamMembers.status, 'active'))),
  ]);
  const organisationOf = new Map(members.map((m) => [m.userId, m.organisationName]));
  const readIds = new Set(readers.map((r) => r.userId));
  return {
    read: readers.map((r) => ({
      ...r,
      organisationName: organisationOf.get(r.userId) ?? '',
      at: r.at.toISOString(),
    })),
    unread: members.filter((m) => m.userId !== post.authorId && !readIds.has(m.userId)),
  };
}
