// An uploaded file: the request body streamed to a temporary file (never held in memory), counted
// against the limit as it arrives and hashed on the way (SHA-256, the run's checksum).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/errors';

export type ReceivedFile = { path: string; bytes: number; checksum: string };

export const isReceivedFile = (body: unknown): body is ReceivedFile =>
  typeof body === 'object' && body !== null && typeof (body as ReceivedFile).path === 'string';

export function fileTooLarge(limitBytes: number): AppError {
  const megabytes = Math.floor(limitBytes / 1024 / 1024);
  return new AppError(
    413,
    'file_too_large',
    `ファイルが大きすぎます（上限 ${megabytes} MB）。ファイルを分けて取り込むか、システム管理者に上限（IMPORT_MAX_MB）の引き上げを相談してください。`,
  );
}

/**
 * Reads the body into a temporary file. Over the limit, the rest of the body is discarded (the answer
 * 413 can still be sent) and the partial file removed.
 */
export function receiveToTempFile(payload: Readable, limitBytes: number): Promise<ReceivedFile> {
  const filePath = path.join(os.tmpdir(), `tsunagu-import-${randomUUID()}.csv`);
  const file = fs.createWriteStream(filePath);
  const hash = createHash('sha256');
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const detach = () => {
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.off('error', fail);
    };
    function fail(error: unknown) {
      detach();
      payload.resume();
      file.destroy();
      fs.rm(filePath, { force: true }, () => reject(error));
    }
    function onData(chunk: Buffer) {
      bytes += chunk.length;
      if (bytes > limitBytes) return fail(fileTooLarge(limitBytes));
      hash.update(chunk);
      if (!file.write(chunk)) {
        payload.pause();
        file.once('drain', () => payload.resume());
      }
    }
    function onEnd() {
      detach();
      file.end(() => resolve({ path: filePath, bytes, checksum: hash.digest('hex') }));
    }
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', fail);
    file.on('error', fail);
    payload.resume();
  });
}
