// Files people upload for a patient (photos, PDF): received as the raw request body, typed by their
// content (never by the name or the browser's claim), stored in the database (db/schema.ts
// storedFiles) and sent back with headers that keep a browser from running or sniffing them. Who
// may upload or read which file is the features' business, through patient-access.ts.
import { createHash } from 'node:crypto';
import contentDisposition from 'content-disposition';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { attachmentTypes, FILE_NAME_HEADER, isImageType } from '../../shared/files';
import type { StoredFile } from '../../shared/schemas/files';
import type { DbOrTx } from '../db/client';
import { storedFiles } from '../db/schema';
import { checkBeforeBody, requireActor } from './access';
import { AppError, badRequest } from './errors';

const UPLOAD_TYPE = 'application/octet-stream';
/** Uploads never used by a post or consent are cleared after this long. */
const UNATTACHED_HOURS = 24;

function fileTooLarge(limitBytes: number): AppError {
  const megabytes = Math.floor(limitBytes / 1024 / 1024);
  return new AppError(
    413,
    'file_too_large',
    `ファイルが大きすぎます（上限 ${megabytes} MB）。写真は小さくして、PDF はページを分けて添付してください。`,
  );
}

/**
 * Lets the plugin's routes take a file as the raw body (application/octet-stream) up to the
 * configured size, with the route's access rule checked before a byte of it is read.
 */
export function acceptFileUploads(app: FastifyInstance): void {
  const limit = app.config.attachmentMaxBytes;
  app.addHook('preParsing', async (request, _reply, payload) => {
    const rule = request.routeOptions.config.access;
    // The media type without parameters: the parser takes `…; x=1` too, so must this check.
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type !== UPLOAD_TYPE || !rule) return payload;
    await checkBeforeBody(request, rule);
    if (Number(request.headers['content-length']) > limit) throw fileTooLarge(limit);
    return payload;
  });
  app.addContentTypeParser(UPLOAD_TYPE, { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
    done(null, body),
  );
}

/** The name the browser sent, as a plain file name (no folders, no control characters, bounded). */
function fileNameOf(request: FastifyRequest, ext: string): string {
  const header = request.headers[FILE_NAME_HEADER];
  let name = '';
  try {
    name = typeof header === 'string' ? decodeURIComponent(header) : '';
  } catch {
    name = '';
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(-200) || `file.${ext}`;
}

type Upload = Omit<typeof storedFiles.$inferInsert, 'patientId' | 'teamId' | 'uploadedBy'>;

/** The request's file, checked: not empty, and of an accepted type by its content. */
export async function receivedFile(request: FastifyRequest): Promise<Upload> {
  const body = request.body;
  if (!(body instanceof Uint8Array))
    throw badRequest(
      'file_missing',
      'ファイルが送られていません。ファイルを選んでから、もう一度添付してください。',
    );
  if (body.length === 0)
    throw badRequest('file_empty', 'ファイルが空です。中身のあるファイルを選んでください。');
  const detected = await fileTypeFromBuffer(body);
  const type = attachmentTypes.find((t) => t.mediaType === detected?.mime);
  if (!type)
    throw new AppError(
      415,
      'file_type_not_allowed',
      '添付できるのは写真（JPEG・PNG・WebP）と PDF だけです。ファイルの中身がこの形式ではありません。',
    );
  return {
    name: fileNameOf(request, type.ext),
    mediaType: type.mediaType,
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    content: body,
  };
}

/** The columns of a file's listing (everything but the content). */
export const fileFields = {
  id: storedFiles.id,
  name: storedFiles.name,
  mediaType: storedFiles.mediaType,
  size: storedFiles.size,
};

/** Stores the request's file for the patient (and team), unattached; clears stale unattached ones. */
export async function storeUpload(
  db: DbOrTx,
  request: FastifyRequest,
  owner: { patientId: string; teamId: string | null },
): Promise<StoredFile> {
  const upload = await receivedFile(request);
  await db
    .delete(storedFiles)
    .where(
      and(
        isNull(storedFiles.attachedAt),
        lt(storedFiles.createdAt, sql`now() - make_interval(hours => ${UNATTACHED_HOURS})`),
      ),
    );
  const [row] = await db
    .insert(storedFiles)
    .values({ ...upload, ...owner, uploadedBy: requireActor(request).user.id })
    .returning(fileFields);
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Marks the actor's unattached uploads for this patient and team as used, locking them; the ids in
 * the given order. Any other id (someone else's, another team's, already used) refuses them all.
 */
export async function attachUploads(
  db: DbOrTx,
  request: FastifyRequest,
  owner: { patientId: string; teamId: string | null },
  fileIds: string[],
): Promise<void> {
  if (fileIds.length === 0) return;
  const rows = await db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        inArray(storedFiles.id, fileIds),
        eq(storedFiles.patientId, owner.patientId),
        owner.teamId ? eq(storedFiles.teamId, owner.teamId) : isNull(storedFiles.teamId),
        eq(storedFiles.uploadedBy, requireActor(request).user.id),
        isNull(storedFiles.attachedAt),
      ),
    )
    .for('update');
  if (rows.length !== fileIds.length)
    throw badRequest(
      'attachment_unavailable',
      '添付ファイルが見つからないか、すでに使われています。ファイルをもう一度添付してください。',
    );
  await db.update(storedFiles).set({ attachedAt: new Date() }).where(inArray(storedFiles.id, fileIds));
}

/**
 * Sends a stored file: images shown in the page, PDF downloaded; never sniffed (and, as every API
 * answer, never cached: app.ts), and
 * sandboxed should a browser open it as a page.
 */
export async function sendStoredFile(db: DbOrTx, reply: FastifyReply, fileId: string): Promise<FastifyReply> {
  const [file] = await db
    .select({ name: storedFiles.name, mediaType: storedFiles.mediaType, content: storedFiles.content })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId));
  if (!file) throw new Error(`stored file ${fileId} is missing`);
  const disposition = isImageType(file.mediaType) ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.name, { type: disposition }))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
}
