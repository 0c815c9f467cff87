// /api/directory/imports: the center (and the system admin) imports open-data files and reads the
// record of every run. The file is the raw request body; the run starts at once and is followed by
// polling its record (progress while it runs, then counts, repairs and the refused rows).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idParams } from '../../../shared/schemas/common';
import {
  importRunDetail,
  importRunList,
  importRunQuery,
  importStarted,
  importStartQuery,
} from '../../../shared/schemas/directory-import';
import { access, checkBeforeBody, requireActor } from '../../platform/access';
import { badRequest } from '../../platform/errors';
import { notCsvReason, readSample } from './import/encoding';
import { startImport } from './import/run-import';
import { listRuns, readRun } from './import/runs';
import { fileTooLarge, isReceivedFile, type ReceivedFile, receiveToTempFile } from './import/upload';

const fileTypes = ['application/octet-stream', 'text/csv'];

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['directory'];
  const centerOnly = access.systemRole('center_staff', 'system_admin');
  const limit = app.config.importMaxBytes;
  const running = new Set<Promise<unknown>>();
  // Closing waits for runs under way: their records end as succeeded or failed, never half-written.
  app.addHook('onClose', async () => {
    await Promise.allSettled(running);
  });

  app.addHook('preParsing', async (request, _reply, payload) => {
    const rule = request.routeOptions.config.access;
    if (request.method !== 'POST' || !rule) return payload;
    await checkBeforeBody(request, rule);
    if (Number(request.headers['content-length']) > limit) throw fileTooLarge(limit);
    return payload;
  });
  app.addContentTypeParser(fileTypes, (_request, payload, done) => {
    receiveToTempFile(payload, limit).then((file) => done(null, file), done);
  });

  async function start(
    request: FastifyRequest,
    upload: ReceivedFile,
    query: z.infer<typeof importStartQuery>,
  ) {
    const notCsv = notCsvReason(await readSample(upload.path));
    if (notCsv) throw badRequest('not_csv', notCsv);
    const { runId, done } = await startImport(app.db, {
      filePath: upload.path,
      fileName: path.basename(query.fileName.replaceAll('\\', '/')),
      mode: query.mode,
      startedBy: requireActor(request).user.id,
      checksum: upload.checksum,
      audit: { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null },
    });
    const tracked: Promise<unknown> = done
      .catch((error: unknown) => request.log.error({ err: error }, 'directory import failed'))
      .finally(() => {
        app.directoryIndex.changed();
        running.delete(tracked);
        return fs.rm(upload.path, { force: true });
      });
    running.add(tracked);
    return runId;
  }

  app.post(
    '/api/directory/imports',
    {
      schema: {
        tags,
        summary:
          'Import an open-data CSV file (the raw body: application/octet-stream or text/csv); answers 202 with the run id at once',
        querystring: importStartQuery,
        response: { 202: importStarted },
      },
      config: { access: centerOnly },
    },
    async (request, reply) => {
      const upload = request.body;
      if (!isReceivedFile(upload))
        throw badRequest(
          'file_missing',
          'ファイルが送られていません。CSV ファイルを選んでから、もう一度取り込んでください。',
        );
      try {
        if (upload.bytes === 0)
          throw badRequest('file_empty', 'ファイルが空です。中身のある CSV ファイルを選んでください。');
        const id = await start(request, upload, request.query);
        return reply.status(202).send({ id });
      } catch (error) {
        await fs.rm(upload.path, { force: true });
        throw error;
      }
    },
  );

  app.get(
    '/api/directory/imports',
    {
      schema: { tags, summary: 'The latest import runs, newest first', response: { 200: importRunList } },
      config: { access: centerOnly },
    },
    async () => ({ runs: await listRuns(app.db) }),
  );

  app.get(
    '/api/directory/imports/:id',
    {
      schema: {
        tags,
        summary: 'One import run: counts, progress while it runs, repairs, and a page of its refused rows',
        params: idParams,
        querystring: importRunQuery,
        response: { 200: importRunDetail },
      },
      config: { access: centerOnly },
    },
    async (request) => readRun(app.db, request.params.id, request.query),
  );
};
