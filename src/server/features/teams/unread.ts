// Unread counts (未読) kept on each member's row: the posts of others since the member joined, not
// retracted, not yet read by them. Every change that moves the count moves it in the same
// transaction — a new post, new reads, a retraction — so the home page reads one number per team
// instead of counting a year of posts (migration 0012 filled it in for the teams of the time).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { careTeamMembers, teamPosts } from '../../db/schema';

/** A new post: one more unread for every current member but its author (who joined before it). */
export async function countNewPost(
  tx: DbOrTx,
  post: { id: string; teamId: string; authorId: string | null },
): Promise<void> {
  const { teamId, authorId } = post;
  await tx
    .update(careTeamMembers)
    .set({ unread: sql`${careTeamMembers.unread} + 1` })
    .where(
      and(
        eq(careTeamMembers.teamId, teamId),
        eq(careTeamMembers.status, 'active'),
        sql`${careTeamMembers.userId} IS DISTINCT FROM ${authorId}`,
        sql`${careTeamMembers.joinedAt} <= (SELECT created_at FROM team_posts WHERE id = ${post.id})`,
      ),
    );
}

/** Posts the member has just read for the first time: those that counted no longer do. */
export async function countReads(
  tx: DbOrTx,
  teamId: string,
  userId: string,
  postIds: string[],
): Promise<void> {
  if (postIds.length === 0) return;
  const counted = tx
    .select({ n: sql`count(*)` })
    .from(teamPosts)
    .where(
      and(
        inArray(teamPosts.id, postIds),
        sql`${teamPosts.retractedAt} IS NULL AND ${teamPosts.createdAt} >= ${careTeamMembers.joinedAt}
          AND ${teamPosts.authorId} IS DISTINCT FROM ${careTeamMembers.userId}`,
      ),
    );
  await tx
    .update(careTeamMembers)
    .set({ unread: sql`greatest(${careTeamMembers.unread} - (${counted}), 0)` })
    .where(
      and(
        eq(careTeamMembers.teamId, teamId),
        eq(careTeamMembers.userId, userId),
        eq(careTeamMembers.status, 'active'),
      ),
    );
}

/**
 * A retracted post (locked by the caller): it leaves the count of every member who had it as unread.
 * Readers lock the post too (FOR SHARE), so a read and a retraction of it never miss each other.
 */
export async function countRetraction(
  tx: DbOrTx,
  post: { id: string; teamId: string; authorId: string | null },
): Promise<void> {
  await tx
    .update(careTeamMembers)
    .set({ unread: sql`greatest(${careTeamMembers.unread} - 1, 0)` })
    .where(
      and(
        eq(careTeamMembers.teamId, post.teamId),
        eq(careTeamMembers.status, 'active'),
        sql`${careTeamMembers.userId} IS DISTINCT FROM ${post.authorId}
          AND ${careTeamMembers.joinedAt} <= (SELECT created_at FROM team_posts WHERE id = ${post.id})
          AND NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = ${post.id}
            AND r.user_id = ${careTeamMembers.userId})`,
      ),
    );
}
