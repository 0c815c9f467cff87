// The team's timeline (タイムライン): posts and replies with mentions and the urgent flag (至急).
// Nothing is deleted: an edit keeps the replaced text as a revision (with a version check, so two
// people editing at once do not overwrite each other), a retraction keeps the text with its reason.
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { StoredFile } from '../../../shared/schemas/files';
import type { PostKind, VisitReport, Vitals } from '../../../shared/schemas/structured-posts';
import type {
  postCreateRequest,
  postPageQuery,
  postUpdateRequest,
  TeamPost,
} from '../../../shared/schemas/teams';
import type { TeamRole } from '../../../shared/teams';
import { type Database, type DbOrTx, queryRows } from '../../db/client';
import {
  careTeamMembers,
  organisations,
  teamFamilyMembers,
  teamPostAttachments,
  teamPostMentions,
  teamPostRevisions,
  teamPosts,
  users,
} from '../../db/schema';
import { requireActor } from '../../platform/access';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { attachUploads } from '../../platform/files';
import { openTeam, type TeamAccess } from '../../platform/patient-access';
import { tellTeam } from './live';
import { requireOpen } from './teams';
import { countNewPost, countRetraction } from './unread';

type PostRow = typeof teamPosts.$inferSelect;
type Person = { userId: string; displayName: string };

export const postNotFound = () =>
  notFound('この投稿は見つかりません。タイムラインを読み込み直してください。', 'post_not_found');

/**
 * A post as the viewer sees it, in one row: the post, its author, and — as correlated subqueries, so
 * that a page is read at once — its mentions, acknowledgements, files and read receipts.
 */
const postColumns = (viewerId: string) => ({
  post: teamPosts,
  // A notice of the platform's own has no author: ''.
  displayName: sql<string>`coalesce(${users.displayName}, ${teamFamilyMembers.name}, '')`,
  organisationName: organisations.name,
  teamRole: careTeamMembers.teamRole,
  familyRelation: teamFamilyMembers.relation,
  mentions: sql<
    Person[]
  >`(SELECT coalesce(json_agg(json_build_object('userId', u.id, 'displayName', u.display_name)), '[]'::json)
    FROM team_post_mentions mn JOIN users u ON u.id = mn.user_id WHERE mn.post_id = ${teamPosts.id})`,
  acknowledgements: sql<
    (Person & { at: string })[]
  >`(SELECT coalesce(json_agg(json_build_object('userId', u.id,
    'displayName', u.display_name, 'at', r.acknowledged_at) ORDER BY r.acknowledged_at), '[]'::json)
    FROM team_post_reads r JOIN users u ON u.id = r.user_id
    WHERE r.post_id = ${teamPosts.id} AND r.acknowledged_at IS NOT NULL)`,
  files: sql<StoredFile[]>`(SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name,
    'mediaType', f.media_type, 'size', f.size) ORDER BY a.position), '[]'::json)
    FROM team_post_attachments a JOIN stored_files f ON f.id = a.file_id WHERE a.post_id = ${teamPosts.id})`,
  readCount: sql<number>`(SELECT count(*)::int FROM team_post_reads r WHERE r.post_id = ${teamPosts.id})`,
  readByMe: sql<boolean>`EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = ${teamPosts.id}
    AND r.user_id = ${viewerId})`,
});

function postRows(db: DbOrTx, viewerId: string) {
  return db
    .select(postColumns(viewerId))
    .from(teamPosts)
    .leftJoin(users, eq(users.id, teamPosts.authorId))
    .leftJoin(careTeamMembers, eq(careTeamMembers.id, teamPosts.authorMemberId))
    .leftJoin(organisations, eq(organisations.id, careTeamMembers.organisationId))
    .leftJoin(teamFamilyMembers, eq(teamFamilyMembers.id, teamPosts.authorFamilyId));
}

type PostViewRow = Awaited<ReturnType<ReturnType<typeof postRows>['execute']>>[number];

/** A post's structured fields as shown: only those of its kind, none once retracted. */
function structuredOf(post: PostRow): Pick<TeamPost, 'vitals' | 'visitReport'> {
  const shown = post.retractedAt ? null : post.data;
  return {
    vitals: post.kind === 'vitals' ? (shown as Vitals | null) : null,
    visitReport: post.kind === 'visit_report' ? (shown as VisitReport | null) : null,
  };
}

function viewOf(row: PostViewRow, viewerId: string): Omit<TeamPost, 'replies'> {
  const { post } = row;
  return {
    id: post.id,
    parentId: post.parentId,
    author: {
      userId: post.authorId,
      displayName: row.displayName,
      organisationName: row.organisationName,
      teamRole: row.teamRole as TeamRole | null,
      familyRelation: row.familyRelation,
    },
    body: post.retractedAt ? null : post.body,
    retracted: post.retractedAt
      ? { at: post.retractedAt.toISOString(), reason: post.retractionReason ?? '' }
      : null,
    kind: post.kind as PostKind,
    ...structuredOf(post),
    attachments: post.retractedAt ? [] : row.files,
    urgent: post.urgent,
    forFamily: post.forFamily,
    mentions: row.mentions,
    acknowledgements: row.acknowledgements.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    readCount: row.readCount,
    readByMe: post.authorId === viewerId || row.readByMe,
    version: post.version,
    editedAt: post.editedAt?.toISOString() ?? null,
    createdAt: post.createdAt.toISOString(),
  };
}

const oldestFirst = (a: PostViewRow, b: PostViewRow) =>
  a.post.createdAt.getTime() - b.post.createdAt.getTime() || (a.post.id < b.post.id ? -1 : 1);

/**
 * Posts matching `where` (newest first, at most `limit`) with their replies (those matching
 * `replyFilter`, oldest first), as the viewer sees them, in two queries.
 */
export async function postPage(
  db: DbOrTx,
  viewerId: string,
  query: { where: SQL; limit: number; replyFilter?: SQL },
): Promise<{ items: TeamPost[]; more: boolean }> {
  // The page's ids first (an index scan), then the posts and their replies by those ids: a subquery
  // in their place leads the planner to read the whole table.
  const page = (
    await db
      .select({ id: teamPosts.id })
      .from(teamPosts)
      .where(query.where)
      .orderBy(desc(teamPosts.createdAt), desc(teamPosts.id))
      .limit(query.limit + 1)
  ).map((row) => row.id);
  if (page.length === 0) return { items: [], more: false };
  const rows = await postRows(db, viewerId).where(
    or(inArray(teamPosts.id, page), and(inArray(teamPosts.parentId, page), query.replyFilter)),
  );
  const ids = new Set(rows.map((row) => row.post.id));
  // A row whose parent is in the result is a reply shown under it; the others are the page's posts.
  // In the database's order of the page (microseconds; JavaScript dates keep milliseconds only).
  const position = new Map(page.map((id, index) => [id, index]));
  const tops = rows
    .filter((row) => !row.post.parentId || !ids.has(row.post.parentId))
    .sort((a, b) => (position.get(a.post.id) ?? 0) - (position.get(b.post.id) ?? 0));
  const shown = tops.slice(0, query.limit);
  const repliesOf = (id: string) =>
    rows
      .filter((row) => row.post.parentId === id)
      .sort(oldestFirst)
      .map((row) => viewOf(row, viewerId));
  return {
    items: shown.map((top) => ({ ...viewOf(top, viewerId), replies: repliesOf(top.post.id) })),
    more: tops.length > query.limit,
  };
}

/** A page of the timeline, newest first; `before` continues from a post of the previous page. */
export async function listPosts(
  request: FastifyRequest,
  teamId: string,
  query: z.infer<typeof postPageQuery>,
): Promise<{ items: TeamPost[]; more: boolean }> {
  const actor = requireActor(request);
  await openTeam(request, teamId, 'post.list', { details: { before: query.before ?? null } });
  const db = request.server.db;
  let cursor: SQL | undefined;
  if (query.before) {
    const [from] = await db
      .select({ createdAt: teamPosts.createdAt, id: teamPosts.id })
      .from(teamPosts)
      .where(and(eq(teamPosts.id, query.before), eq(teamPosts.teamId, teamId)));
    if (!from) throw postNotFound();
    cursor = or(
      lt(teamPosts.createdAt, from.createdAt),
      and(eq(teamPosts.createdAt, from.createdAt), lt(teamPosts.id, from.id)),
    );
  }
  const where = and(eq(teamPosts.teamId, teamId), isNull(teamPosts.parentId), cursor) as SQL;
  return postPage(db, actor.user.id, { where, limit: query.limit });
}

/** One post as the viewer sees it (with its replies when it is a top-level post). */
export async function postView(db: DbOrTx, postId: string, viewerId: string): Promise<TeamPost> {
  const { items } = await postPage(db, viewerId, { where: eq(teamPosts.id, postId), limit: 1 });
  if (!items[0]) throw postNotFound();
  return items[0];
}

/** Mentions must name current members: a name outside the team would never see the post. */
async function checkMentions(db: DbOrTx, teamId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await db
    .select({ userId: careTeamMembers.userId })
    .from(careTeamMembers)
    .where(
      and(
        eq(careTeamMembers.teamId, teamId),
        eq(careTeamMembers.status, 'active'),
        inArray(careTeamMembers.userId, userIds),
      ),
    );
  const members = new Set(rows.map((row) => row.userId));
  const outside = userIds.filter((id) => !members.has(id));
  if (outside.length > 0)
    throw badRequest(
      'mention_not_member',
      '宛先（@）にチームのメンバーでない方が含まれています。メンバーの中から選び直してください。',
      { userIds: outside },
    );
}

type NewPost = Partial<Omit<z.infer<typeof postCreateRequest>, 'body'>> & { body: string };

/** The stored fields of a post's kind (vitals, visit report), or null for a text post. */
const dataOf = (post: { kind?: PostKind; vitals?: Vitals; visitReport?: VisitReport }) =>
  post.kind === 'vitals' ? post.vitals : post.kind === 'visit_report' ? post.visitReport : null;

/** Writes a post of the actor's in the team (whose access is open), with its mentions; its id. */
export async function addPost(tx: DbOrTx, access: TeamAccess, body: NewPost): Promise<string> {
  const [row] = await tx
    .insert(teamPosts)
    .values({
      teamId: access.team.id,
      parentId: body.parentId ?? null,
      authorId: access.member.userId,
      authorMemberId: access.member.id,
      body: body.body,
      kind: body.kind ?? 'text',
      data: dataOf(body) ?? null,
      urgent: body.urgent ?? false,
      forFamily: body.forFamily ?? false,
    })
    .returning({ id: teamPosts.id });
  if (!row) throw new Error('insert returned no row');
  await countNewPost(tx, { id: row.id, teamId: access.team.id, authorId: access.member.userId });
  const mentions = body.mentions ?? [];
  if (mentions.length)
    await tx.insert(teamPostMentions).values(mentions.map((userId) => ({ postId: row.id, userId })));
  return row.id;
}

/** A member of a team (a notice's reader, to be told live). */
export type TeamMember = { teamId: string; userId: string };

/**
 * A notice of the platform's own (no author, kind `notice`) in each open team of the patient, unread
 * for every active member (as countNewPost counts a post without an author), on their home page like
 * any post. One statement — one round trip and one commit, as an EMS look-up sends it each time — that
 * also answers the members it reached, to be told live.
 */
export async function postNoticeToPatientTeams(
  db: Database,
  patientId: string,
  body: string,
): Promise<TeamMember[]> {
  return queryRows<TeamMember>(
    db,
    sql`WITH posted AS (
      INSERT INTO team_posts (team_id, body, kind)
      SELECT t.id, ${body}, 'notice' FROM care_teams t WHERE t.patient_id = ${patientId} AND t.status = 'open'
      RETURNING team_id, created_at)
    UPDATE care_team_members m SET unread = m.unread + 1 FROM posted
    WHERE m.team_id = posted.team_id AND m.status = 'active' AND m.joined_at <= posted.created_at
    RETURNING m.team_id AS "teamId", m.user_id AS "userId"`,
  );
}

export async function createPost(
  request: FastifyRequest,
  teamId: string,
  body: z.infer<typeof postCreateRequest>,
): Promise<TeamPost> {
  const actor = requireActor(request);
  const post = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'post.create', {
      db: tx,
      details: { urgent: body.urgent },
    });
    requireOpen(access);
    if (body.parentId) await checkParent(tx, teamId, body.parentId);
    await checkMentions(tx, teamId, body.mentions);
    const postId = await addPost(tx, access, body);
    await attachFiles(tx, request, access, postId, body.attachmentIds);
    return postView(tx, postId, actor.user.id);
  });
  await tellTeam(request, teamId, { type: 'post', teamId, postId: post.id });
  return post;
}

/** Ties the actor's uploads to the new post, in the order given. */
async function attachFiles(
  tx: DbOrTx,
  request: FastifyRequest,
  access: TeamAccess,
  postId: string,
  fileIds: string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  await attachUploads(tx, request, { patientId: access.patient.id, teamId: access.team.id }, fileIds);
  await tx
    .insert(teamPostAttachments)
    .values(fileIds.map((fileId, position) => ({ postId, fileId, position })));
}

async function checkParent(db: DbOrTx, teamId: string, parentId: string): Promise<void> {
  const [parent] = await db
    .select({ parentId: teamPosts.parentId, retractedAt: teamPosts.retractedAt })
    .from(teamPosts)
    .where(and(eq(teamPosts.id, parentId), eq(teamPosts.teamId, teamId)));
  if (!parent) throw postNotFound();
  if (parent.parentId)
    throw badRequest('reply_to_reply', '返信には返信できません。元の投稿に返信してください。');
  if (parent.retractedAt) throw conflict('post_retracted', 'この投稿は取り消されています。');
}

/**
 * The same notice to several of the actor's teams, each as its own post, all or none: a team the
 * actor may not post to (not theirs, closed) refuses the whole notice, so nobody is left wondering
 * which teams got it.
 */
export async function broadcast(
  request: FastifyRequest,
  body: { teamIds: string[]; body: string; urgent: boolean },
): Promise<{ posts: { teamId: string; postId: string }[] }> {
  const posts = await request.server.db.transaction(async (tx) => {
    const written = [];
    for (const teamId of body.teamIds) {
      const access = await openTeam(request, teamId, 'post.create', {
        db: tx,
        details: { urgent: body.urgent, teams: body.teamIds.length },
      });
      requireOpen(access);
      written.push({ teamId, postId: await addPost(tx, access, { body: body.body, urgent: body.urgent }) });
    }
    return written;
  });
  for (const post of posts) await tellTeam(request, post.teamId, { type: 'post', ...post });
  return { posts };
}

/** The author's own post in this team, locked for a change. */
async function ownPost(
  request: FastifyRequest,
  tx: DbOrTx,
  access: TeamAccess,
  postId: string,
): Promise<PostRow> {
  requireOpen(access);
  const [post] = await tx
    .select()
    .from(teamPosts)
    .where(and(eq(teamPosts.id, postId), eq(teamPosts.teamId, access.team.id)))
    .for('update');
  if (!post) throw postNotFound();
  if (post.authorId !== requireActor(request).user.id)
    throw forbidden('投稿を直したり取り消したりできるのは、書いた本人だけです。', 'author_only');
  if (post.retractedAt) throw conflict('post_retracted', 'この投稿はすでに取り消されています。');
  return post;
}

/** Changes the text; the replaced text is kept. A version other than the current one answers 409. */
export async function updatePost(
  request: FastifyRequest,
  teamId: string,
  postId: string,
  body: z.infer<typeof postUpdateRequest>,
): Promise<TeamPost> {
  const actor = requireActor(request);
  const outcome = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'post.update', { db: tx, details: { postId } });
    const post = await ownPost(request, tx, access, postId);
    if (post.version !== body.version) return { conflict: await postView(tx, postId, actor.user.id) };
    const data = await checkedUpdate(tx, post, body);
    await tx
      .insert(teamPostRevisions)
      .values({ postId, version: post.version, body: post.body, data: post.data });
    await tx
      .update(teamPosts)
      .set({ body: body.body, data, version: post.version + 1, editedAt: new Date() })
      .where(eq(teamPosts.id, postId));
    return { updated: await postView(tx, postId, actor.user.id) };
  });
  if (outcome.conflict)
    throw new AppError(
      409,
      'edit_conflict',
      'この投稿は別の画面で先に直されています。最新の内容を確かめてから、もう一度直してください。',
      { current: outcome.conflict },
    );
  await tellTeam(request, teamId, { type: 'post', teamId, postId });
  return outcome.updated;
}

async function hasFiles(db: DbOrTx, postId: string): Promise<boolean> {
  const [file] = await db
    .select({ id: teamPostAttachments.fileId })
    .from(teamPostAttachments)
    .where(eq(teamPostAttachments.postId, postId))
    .limit(1);
  return file !== undefined;
}

/** The post's new structured fields (or its old ones): an edit keeps the kind and a text post its words. */
async function checkedUpdate(
  db: DbOrTx,
  post: PostRow,
  body: z.infer<typeof postUpdateRequest>,
): Promise<unknown> {
  const kind = post.kind as PostKind;
  if ((body.vitals && kind !== 'vitals') || (body.visitReport && kind !== 'visit_report'))
    throw badRequest('kind_mismatch', '投稿の種類は変えられません。新しく投稿してください。');
  // A photo alone is a post: its words may go; a post of words only must keep some. The files are
  // looked up only for an edit that takes every word away.
  if (kind === 'text' && !body.body && !(await hasFiles(db, post.id)))
    throw badRequest('validation_failed', '入力内容に誤りがあります。', [
      { path: 'body', message: '入力してください' },
    ]);
  return dataOf({ kind, vitals: body.vitals, visitReport: body.visitReport }) ?? post.data;
}

/** Withdraws a post from view with a reason; its text stays in the database for audit. */
export async function retractPost(
  request: FastifyRequest,
  teamId: string,
  postId: string,
  reason: string,
): Promise<TeamPost> {
  const actor = requireActor(request);
  const view = await request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'post.retract', { db: tx, details: { postId, reason } });
    const post = await ownPost(request, tx, access, postId);
    await tx
      .update(teamPosts)
      .set({ retractedAt: new Date(), retractionReason: reason })
      .where(eq(teamPosts.id, postId));
    await countRetraction(tx, post);
    return postView(tx, postId, actor.user.id);
  });
  await tellTeam(request, teamId, { type: 'post', teamId, postId });
  return view;
}
