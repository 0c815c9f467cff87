// Files on an episode (診療情報提供書, 看護サマリー, the care plan, photos): uploaded by whoever may see
// the episode — the team, the hospital's window — and read back through the episode only, audited
// like every patient file (file.upload, file.read). The file itself is a stored file of the patient
// (platform/files.ts: typed by content, PDF and photos only, bounded in size).
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EpisodeFile, EpisodeFileKind } from '../../../shared/schemas/admission-episodes';
import type { DbOrTx } from '../../db/client';
import { admissionEpisodeFiles, storedFiles } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { notFound } from '../../platform/errors';
import { attachUploads, fileFields, sendStoredFile, storeUpload } from '../../platform/files';
import { openEpisode } from '../../platform/patient-access';
import { nameOfUser, tellEpisode } from './live';

/** The episode's files, oldest first, with who attached them. */
export async function filesOfEpisode(db: DbOrTx, episodeId: string): Promise<EpisodeFile[]> {
  const rows = await db
    .select({
      file: fileFields,
      kind: admissionEpisodeFiles.kind,
      attachedBy: nameOfUser(admissionEpisodeFiles.attachedBy),
      attachedAt: admissionEpisodeFiles.attachedAt,
    })
    .from(admissionEpisodeFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, admissionEpisodeFiles.fileId))
    .where(eq(admissionEpisodeFiles.episodeId, episodeId))
    .orderBy(asc(admissionEpisodeFiles.attachedAt));
  return rows.map(({ file, kind, attachedBy, attachedAt }) => ({
    ...file,
    kind: kind as EpisodeFileKind,
    attachedBy: attachedBy ?? '',
    attachedAt: attachedAt.toISOString(),
  }));
}

/** Stores the request's file and attaches it to the episode at once (one transaction). */
export async function uploadEpisodeFile(
  request: FastifyRequest,
  episodeId: string,
  kind: EpisodeFileKind,
): Promise<EpisodeFile[]> {
  const userId = requireActor(request).user.id;
  const teamId = await request.server.db.transaction(async (tx) => {
    const { episode } = await openEpisode(request, episodeId, 'file.upload', {
      db: tx,
      forUpdate: true,
      details: { kind },
    });
    const owner = { patientId: episode.patientId, teamId: episode.teamId };
    const file = await storeUpload(tx, request, owner);
    await attachUploads(tx, request, owner, [file.id]);
    await tx.insert(admissionEpisodeFiles).values({ fileId: file.id, episodeId, kind, attachedBy: userId });
    return episode.teamId;
  });
  await tellEpisode(request, teamId, episodeId);
  return filesOfEpisode(request.server.db, episodeId);
}

/** Sends one of the episode's files (404 for a file of another episode, as for one that does not exist). */
export async function sendEpisodeFile(
  request: FastifyRequest,
  reply: FastifyReply,
  episodeId: string,
  fileId: string,
): Promise<FastifyReply> {
  await openEpisode(request, episodeId, 'file.read', { details: { fileId } });
  const db = request.server.db;
  const [row] = await db
    .select({ fileId: admissionEpisodeFiles.fileId })
    .from(admissionEpisodeFiles)
    .where(and(eq(admissionEpisodeFiles.episodeId, episodeId), eq(admissionEpisodeFiles.fileId, fileId)));
  if (!row)
    throw notFound('このファイルは見つかりません。入退院の記録から開き直してください。', 'file_not_found');
  return sendStoredFile(db, reply, fileId);
}
