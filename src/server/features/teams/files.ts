// Attachments of the timeline (添付: photos shown in the post, PDF downloaded) and the vitals chart's
// series. A file is uploaded to the team first and tied to a post when the post is saved; it is read
// back only through a post the reader may see, and not once that post is retracted.
import { and, asc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredFile } from '../../../shared/schemas/files';
import type { Vitals, VitalsSeries } from '../../../shared/schemas/structured-posts';
import type { DbOrTx } from '../../db/client';
import { teamPostAttachments, teamPosts, users } from '../../db/schema';
import { notFound } from '../../platform/errors';
import { sendStoredFile, storeUpload } from '../../platform/files';
import { openTeam } from '../../platform/patient-access';
import { requireOpen } from './teams';

export async function uploadTeamFile(request: FastifyRequest, teamId: string): Promise<StoredFile> {
  return request.server.db.transaction(async (tx) => {
    const access = await openTeam(request, teamId, 'file.upload', { db: tx });
    requireOpen(access);
    return storeUpload(tx, request, { patientId: access.patient.id, teamId });
  });
}

const fileNotFound = () =>
  notFound('このファイルは見つからないか、投稿が取り消されています。', 'file_not_found');

/** The file, when it is attached to a post of this team that is not retracted (and matches `shown`). */
export async function sendPostFile(
  db: DbOrTx,
  reply: FastifyReply,
  ids: { teamId: string; postId: string; fileId: string },
  shown = sql`true`,
): Promise<FastifyReply> {
  const [link] = await db
    .select({ fileId: teamPostAttachments.fileId })
    .from(teamPostAttachments)
    .innerJoin(teamPosts, eq(teamPosts.id, teamPostAttachments.postId))
    .where(
      and(
        eq(teamPostAttachments.fileId, ids.fileId),
        eq(teamPostAttachments.postId, ids.postId),
        eq(teamPosts.teamId, ids.teamId),
        isNull(teamPosts.retractedAt),
        shown,
      ),
    );
  if (!link) throw fileNotFound();
  return sendStoredFile(db, reply, link.fileId);
}

export async function readTeamFile(
  request: FastifyRequest,
  reply: FastifyReply,
  ids: { teamId: string; postId: string; fileId: string },
): Promise<FastifyReply> {
  await openTeam(request, ids.teamId, 'file.read', { details: { postId: ids.postId, fileId: ids.fileId } });
  return sendPostFile(request.server.db, reply, ids);
}

/** The team's vitals of the last `days` days, by time of measurement: what the chart draws. */
export async function vitalsOf(request: FastifyRequest, teamId: string, days: number): Promise<VitalsSeries> {
  await openTeam(request, teamId, 'vitals.read', { details: { days } });
  const measuredAt = sql<string>`(${teamPosts.data} ->> 'measuredAt')::timestamptz`;
  const rows = await request.server.db
    .select({
      postId: teamPosts.id,
      data: teamPosts.data,
      recordedBy: users.displayName,
      createdAt: teamPosts.createdAt,
    })
    .from(teamPosts)
    .innerJoin(users, eq(users.id, teamPosts.authorId))
    .where(
      and(
        eq(teamPosts.teamId, teamId),
        eq(teamPosts.kind, 'vitals'),
        isNull(teamPosts.retractedAt),
        gte(measuredAt, sql`now() - make_interval(days => ${days})`),
      ),
    )
    .orderBy(asc(measuredAt));
  return {
    items: rows.map((row) => ({
      postId: row.postId,
      vitals: row.data as Vitals,
      recordedBy: row.recordedBy,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
