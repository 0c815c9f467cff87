// The record of every import run (import_runs) and of the rows it refused (import_rejected_rows).
// Written outside the data transaction, so a run that rolls back is still on record with its reasons.
import { and, asc, count, desc, eq, lt } from 'drizzle-orm';
import type {
  ImportEncoding,
  ImportLayoutId,
  ImportMode,
  ImportRepair,
  ImportRunDetail,
  ImportRunSummary,
  ImportStatus,
} from '../../../../shared/schemas/directory-import';
import type { Database, DbOrTx } from '../../../db/client';
import { importRejectedRows, importRuns, users } from '../../../db/schema';
import { notFound } from '../../../platform/errors';
import { insertRows } from './bulk-sql';
import { liveProgress } from './progress';

export type RunStart = { fileName: string; checksum: string; mode: ImportMode; startedBy: string | null };

export type RunOutcome = {
  status: Exclude<ImportStatus, 'running'>;
  layout: ImportLayoutId | null;
  encoding: ImportEncoding | null;
  rowsRead: number;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  rejected: number;
  repairs: ImportRepair[];
  error: string | null;
};

export type RejectedRow = { line: number; reason: string; raw: string };

export async function createRun(db: DbOrTx, start: RunStart): Promise<{ id: string; startedAt: Date }> {
  const [row] = await db
    .insert(importRuns)
    .values({ ...start, status: 'running' })
    .returning({ id: importRuns.id, startedAt: importRuns.startedAt });
  if (!row) throw new Error('import run was not created');
  return row;
}

export async function finishRun(db: DbOrTx, id: string, outcome: RunOutcome): Promise<void> {
  await db
    .update(importRuns)
    .set({ ...outcome, finishedAt: new Date() })
    .where(eq(importRuns.id, id));
}

const REJECTED_BATCH = 1000;

export async function storeRejectedRows(db: DbOrTx, runId: string, rows: AsyncIterable<RejectedRow>) {
  let batch: RejectedRow[] = [];
  const flush = () =>
    insertRows(
      db,
      importRejectedRows,
      ['runId', 'line', 'reason', 'raw'],
      batch.map((row) => ({ ...row, runId })),
    );
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= REJECTED_BATCH) {
      await flush();
      batch = [];
    }
  }
  await flush();
}

/**
 * Runs still 'running' long after they began were cut short (the process stopped): their transaction
 * rolled back, so nothing was applied; say so on the record.
 */
export async function markInterruptedRuns(db: DbOrTx, startedBefore: Date): Promise<void> {
  await db
    .update(importRuns)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      error: '取り込みの途中でサーバーが停止したため、何も取り込まれていません。もう一度取り込んでください。',
    })
    .where(and(eq(importRuns.status, 'running'), lt(importRuns.startedAt, startedBefore)));
}

const summaryColumns = {
  run: importRuns,
  startedByName: users.displayName,
};

function toSummary({
  run,
  startedByName,
}: {
  run: typeof importRuns.$inferSelect;
  startedByName: string | null;
}) {
  const { startedBy: _startedBy, repairs: _repairs, ...rest } = run;
  return {
    ...rest,
    layout: run.layout as ImportLayoutId | null,
    encoding: run.encoding as ImportEncoding | null,
    mode: run.mode as ImportMode,
    status: run.status as ImportStatus,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    startedByName,
  } satisfies ImportRunSummary;
}

export async function listRuns(db: Database, limit = 50): Promise<ImportRunSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.startedBy))
    .orderBy(desc(importRuns.startedAt))
    .limit(limit);
  return rows.map(toSummary);
}

export async function readRun(
  db: Database,
  id: string,
  page: { limit: number; offset: number },
): Promise<ImportRunDetail> {
  const [found] = await db
    .select(summaryColumns)
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.startedBy))
    .where(eq(importRuns.id, id));
  if (!found)
    throw notFound('この取り込みの記録は見つかりません。一覧から選び直してください。', 'import_not_found');
  const byRun = eq(importRejectedRows.runId, id);
  const [total] = await db.select({ n: count() }).from(importRejectedRows).where(byRun);
  const items = await db
    .select({ line: importRejectedRows.line, reason: importRejectedRows.reason, raw: importRejectedRows.raw })
    .from(importRejectedRows)
    .where(byRun)
    .orderBy(asc(importRejectedRows.line))
    .limit(page.limit)
    .offset(page.offset);
  return {
    run: {
      ...toSummary(found),
      repairs: found.run.repairs as ImportRepair[],
      progress: found.run.status === 'running' ? (liveProgress.get(id) ?? null) : null,
    },
    rejectedRows: { total: total?.n ?? 0, items },
  };
}
