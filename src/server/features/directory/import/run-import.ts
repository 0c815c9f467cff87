// An import run from start to end: record the run (committed at once), read the file in one data
// transaction (all or nothing: any refused row rolls it back; valid rows: the refused rows are
// reported and the rest committed), then complete the record with counts, repairs and refused rows,
// audit it, and refresh the planner's statistics when rows changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { ImportMode, ImportProgress } from '../../../../shared/schemas/directory-import';
import type { Database } from '../../../db/client';
import { appendAudit } from '../../../platform/audit';
import { detectEncoding, notCsvReason, readSample } from './encoding';
import { failureMessage, NotCsvError, RefusedRowsError } from './failures';
import { liveProgress } from './progress';
import { RejectedSpool } from './rejected-spool';
import { RepairLog } from './repairs';
import { emptyFileState, type FileState, type RunLog, readFileInto } from './run-file';
import { createRun, finishRun, markInterruptedRuns, type RunOutcome, storeRejectedRows } from './runs';

export type ImportRequest = {
  filePath: string;
  /** The name people know the file by (and whose pattern may carry the service code or kind). */
  fileName: string;
  mode: ImportMode;
  startedBy?: string | null;
  /** SHA-256 (hex) when the caller computed it while receiving the file. */
  checksum?: string;
  audit?: { ip?: string | null; userAgent?: string | null };
  onProgress?: (progress: ImportProgress) => void;
  /**
   * ANALYZE the table when rows changed (default): PGlite has no autovacuum to do it. A caller
   * importing several files in a row does it once after the last (it takes seconds at national scale).
   */
  refreshStatistics?: boolean;
  batchSize?: number;
};

export type ImportResult = { runId: string; outcome: RunOutcome };

/** A run older than this and still 'running' was cut short by a stop of its process. */
const INTERRUPTED_AFTER_MS = 6 * 60 * 60 * 1000;
const BATCH_SIZE = 1000;

export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(filePath), hash);
  return hash.digest('hex');
}

/** Records the run and returns its id at once; `done` settles when the import has ended. */
export async function startImport(
  db: Database,
  request: ImportRequest,
): Promise<{ runId: string; done: Promise<ImportResult> }> {
  await markInterruptedRuns(db, new Date(Date.now() - INTERRUPTED_AFTER_MS));
  const totalBytes = (await fs.promises.stat(request.filePath)).size;
  const checksum = request.checksum ?? (await sha256File(request.filePath));
  const run = await createRun(db, {
    fileName: request.fileName,
    checksum,
    mode: request.mode,
    startedBy: request.startedBy ?? null,
  });
  liveProgress.set(run.id, { rowsRead: 0, bytesRead: 0, totalBytes });
  return { runId: run.id, done: execute(db, request, { ...run, checksum, totalBytes }) };
}

export async function importFile(db: Database, request: ImportRequest): Promise<ImportResult> {
  return (await startImport(db, request)).done;
}

type Started = { id: string; startedAt: Date; checksum: string; totalBytes: number };

async function execute(db: Database, request: ImportRequest, run: Started): Promise<ImportResult> {
  const log = { spool: new RejectedSpool(), repairs: new RepairLog() };
  const state = emptyFileState();
  let encoding: RunOutcome['encoding'] = null;
  let outcome: RunOutcome;
  try {
    const sample = await readSample(request.filePath);
    const notCsv = notCsvReason(sample);
    if (notCsv) throw new NotCsvError(notCsv);
    encoding = detectEncoding(sample);
    await applyInTransaction(db, request, run, encoding, state, log);
    outcome = { ...outcomeOf(state, log, encoding), status: 'succeeded', error: null };
  } catch (error) {
    const nothingApplied = { added: 0, updated: 0, unchanged: 0, withdrawn: 0 };
    outcome = {
      ...outcomeOf(state, log, encoding),
      ...nothingApplied,
      status: 'failed',
      error: failureMessage(error),
    };
  } finally {
    liveProgress.end(run.id);
  }
  await storeRejectedRows(db, run.id, log.spool.rows());
  await log.spool.remove();
  await finishRun(db, run.id, outcome);
  await appendAudit(db, {
    action: 'directory.import',
    actorUserId: request.startedBy ?? null,
    ip: request.audit?.ip ?? null,
    userAgent: request.audit?.userAgent ?? null,
    targetType: 'import_run',
    targetId: run.id,
    details: {
      fileName: request.fileName,
      checksum: run.checksum,
      mode: request.mode,
      status: outcome.status,
      layout: outcome.layout,
      rowsRead: outcome.rowsRead,
      added: outcome.added,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      withdrawn: outcome.withdrawn,
      rejected: outcome.rejected,
    },
  });
  if (request.refreshStatistics !== false && changedRows(outcome)) await analyzeServicePoints(db);
  return { runId: run.id, outcome };
}

async function applyInTransaction(
  db: Database,
  request: ImportRequest,
  run: Started,
  encoding: NonNullable<RunOutcome['encoding']>,
  state: FileState,
  log: RunLog,
): Promise<void> {
  const onProgress = (progress: ImportProgress) => {
    liveProgress.set(run.id, progress);
    request.onProgress?.(progress);
  };
  await db.transaction(async (tx) => {
    // One import at a time, whichever process started it: two would fight over the same rows.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tsunagu.directory.import'))`);
    const job = {
      filePath: request.filePath,
      fileName: request.fileName,
      encoding,
      mode: request.mode,
      totalBytes: run.totalBytes,
      run: { runId: run.id, startedBy: request.startedBy ?? null, now: new Date() },
      batchSize: request.batchSize ?? BATCH_SIZE,
      onProgress,
    };
    await readFileInto(tx, job, state, log);
    if (request.mode === 'all_or_nothing' && log.spool.count > 0) throw new RefusedRowsError(log.spool.count);
  });
}

function outcomeOf(state: FileState, log: RunLog, encoding: RunOutcome['encoding']) {
  return {
    layout: state.layout?.id ?? null,
    encoding,
    rowsRead: state.rowsRead,
    added: state.added,
    updated: state.updated,
    unchanged: state.unchanged,
    withdrawn: state.withdrawn,
    rejected: log.spool.count,
    repairs: log.repairs.summary(),
  };
}

/** The planner's statistics of the directory, after an import changed it. */
export async function analyzeServicePoints(db: Database): Promise<void> {
  await db.execute(sql`ANALYZE service_points`);
}

/** Whether a run changed the directory (and the planner's statistics need a refresh). */
export const changedRows = (outcome: RunOutcome): boolean =>
  outcome.added + outcome.updated + outcome.withdrawn > 0;
