// What a family member sees and writes: the posts shared with the family (家族にも共有) and their
// own, which are always shared with the family. Nothing else of the team or the patient's record.
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FamilyHome, FamilyPost } from '../../../shared/schemas/family';
import type { TeamPost } from '../../../shared/schemas/teams';
import { teamPosts } from '../../db/schema';
import { conflict } from '../../platform/errors';
import { openFamilyTeam } from '../../platform/patient-access';
import { sendPostFile } from '../teams/files';
import { tellTeam } from '../teams/live';
import { postPage } from '../teams/posts';
import { countNewPost } from '../teams/unread';

const FAMILY_PAGE = 50;
/** Nobody: a family member is no user, so no professional's receipts apply. */
const NO_VIEWER = '00000000-0000-0000-0000-000000000000';

const toFamily = (post: Omit<TeamPost, 'replies'>) => ({
  id: post.id,
  author: {
    displayName: post.author.displayName,
    organisationName: post.author.organisationName,
    teamRole: post.author.teamRole,
    familyRelation: post.author.familyRelation,
  },
  body: post.body,
  kind: post.kind,
  vitals: post.vitals,
  visitReport: post.visitReport,
  attachments: post.attachments,
  retracted: post.retracted !== null,
  createdAt: post.createdAt,
});

export async function familyHome(request: FastifyRequest): Promise<FamilyHome> {
  const access = await openFamilyTeam(request, 'family.read');
  const db = request.server.db;
  const shared = eq(teamPosts.forFamily, true);
  const { items } = await postPage(db, NO_VIEWER, {
    where: and(eq(teamPosts.teamId, access.team.id), isNull(teamPosts.parentId), shared) as SQL,
    limit: FAMILY_PAGE,
    replyFilter: shared,
  });
  const posts: FamilyPost[] = items.map((post) => ({
    ...toFamily(post),
    replies: post.replies.map(toFamily),
  }));
  return {
    name: access.family.name,
    patientName: access.patient.name,
    teamName: access.team.name,
    teamOpen: access.team.status === 'open',
    posts,
  };
}

export async function familyPost(request: FastifyRequest, body: string): Promise<{ ok: true }> {
  const { teamId, postId } = await request.server.db.transaction(async (tx) => {
    const access = await openFamilyTeam(request, 'family.post', { db: tx });
    if (access.team.status !== 'open')
      throw conflict('team_closed', 'このチームは終了しています。書き込みはできません。');
    const [row] = await tx
      .insert(teamPosts)
      .values({ teamId: access.team.id, authorFamilyId: access.family.id, body, forFamily: true })
      .returning({ id: teamPosts.id });
    if (!row) throw new Error('insert returned no row');
    await countNewPost(tx, { id: row.id, teamId: access.team.id, authorId: null });
    return { teamId: access.team.id, postId: row.id };
  });
  await tellTeam(request, teamId, { type: 'post', teamId, postId });
  return { ok: true };
}

/** An attachment of a post shared with the family. */
export async function familyFile(
  request: FastifyRequest,
  reply: FastifyReply,
  ids: { postId: string; fileId: string },
): Promise<FastifyReply> {
  const access = await openFamilyTeam(request, 'file.read', { details: ids });
  const teamId = access.team.id;
  return sendPostFile(request.server.db, reply, { teamId, ...ids }, eq(teamPosts.forFamily, true));
}
