// The audit log: append-only, each record chained to the previous one by SHA-256, so any change to
// history is detectable (`verify-audit`). The head row is locked while appending so the chain never forks.
import { asc, eq, gt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database, DbOrTx } from '../db/client';
import { auditHead, auditLog } from '../db/schema';
import { sha256Hex } from './crypto';

export type AuditEntry = {
  action: string;
  actorUserId?: string | null;
  organisationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  reason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown> | null;
  /** When it happened, if earlier than the append (a queued record of a batch). */
  occurredAt?: Date;
};

type ChainedRecord = {
  id: number;
  occurredAt: Date;
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  details: string | null;
  prevHash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

export function auditRecordHash(record: ChainedRecord): string {
  return sha256Hex(
    JSON.stringify([
      record.prevHash,
      record.id,
      record.occurredAt.toISOString(),
      record.actorUserId,
      record.organisationId,
      record.action,
      record.targetType,
      record.targetId,
      record.reason,
      record.ip,
      record.userAgent,
      record.details,
    ]),
  );
}

/** Who did it, from where: the request's part of every audit record. */
export function requestAuditFields(
  request: FastifyRequest,
): Pick<AuditEntry, 'actorUserId' | 'ip' | 'userAgent'> {
  return {
    actorUserId: request.actor?.user.id ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  };
}

/** Appends one record. Inside a caller's transaction it becomes part of it (a savepoint). */
export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<number> {
  const [id] = await appendAuditRecords(db, [entry]);
  return id as number;
}

/** Appends records in the given order under one lock of the head; their ids. */
async function appendAuditRecords(db: DbOrTx, entries: AuditEntry[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
    if (!head) throw new Error('audit_head row is missing: the database was not migrated');
    let { lastId, lastHash } = head;
    const rows = entries.map((entry) => {
      const record: ChainedRecord = {
        id: lastId + 1,
        occurredAt: entry.occurredAt ?? new Date(),
        actorUserId: entry.actorUserId ?? null,
        organisationId: entry.organisationId ?? null,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        reason: entry.reason ?? null,
        ip: entry.ip ?? null,
        userAgent: entry.userAgent ?? null,
        details: entry.details ? JSON.stringify(entry.details) : null,
        prevHash: lastHash,
      };
      lastId = record.id;
      lastHash = auditRecordHash(record);
      return { ...record, hash: lastHash };
    });
    // The records and the head's move in one statement: a round trip fewer for every batch.
    const inserted = tx.$with('inserted').as(tx.insert(auditLog).values(rows).returning({ id: auditLog.id }));
    await tx.with(inserted).update(auditHead).set({ lastId, lastHash }).where(eq(auditHead.id, 1));
    return rows.map((row) => row.id);
  });
}

/** Records written in one transaction at most. */
const MAX_BATCH = 200;

type Waiting = { entry: AuditEntry; resolve: (id: number) => void; reject: (error: unknown) => void };

/**
 * Records of accesses made outside any transaction (reading a timeline, a patient, the home page),
 * written together: while one batch commits, the records of the requests arriving meanwhile queue
 * and go in the next one. Every request still answers only once its own record is committed, so
 * nothing is read unaudited; but a busy server commits (and waits for the disk) once per batch
 * rather than once per page, and the head row is locked once per batch.
 */
export class AuditBatcher {
  private queue: Waiting[] = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly db: Database) {}

  append(entry: AuditEntry): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry: { ...entry, occurredAt: new Date() }, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves once every queued record is written (on shutdown). */
  async flushed(): Promise<void> {
    await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const ids = await appendAuditRecords(
          this.db,
          batch.map((waiting) => waiting.entry),
        );
        for (const [i, waiting] of batch.entries()) waiting.resolve(ids[i] as number);
      } catch {
        // One bad record must not fail the others' requests: each again on its own.
        for (const waiting of batch)
          await appendAudit(this.db, waiting.entry).then(waiting.resolve, waiting.reject);
      }
    }
    this.writing = null;
  }
}

/**
 * Appends a request's record: in the caller's transaction when it has one (the record commits with
 * the change), else in the next batch of `request.server.auditBatcher`.
 */
export function auditRequest(db: DbOrTx, request: FastifyRequest, entry: AuditEntry): Promise<number> {
  return db === request.server.db ? request.server.auditBatcher.append(entry) : appendAudit(db, entry);
}

export type AuditVerification = {
  ok: boolean;
  checked: number;
  headHash: string;
  brokenAt: number | null;
  problem: string | null;
};

/** Walks the whole chain in id order and reports the first record that does not hold. */
export async function verifyAuditChain(db: Database, batchSize = 2000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const fail = (id: number, problem: string): AuditVerification => ({
    ok: false,
    checked,
    headHash: prevHash,
    brokenAt: id,
    problem,
  });
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, expectedId - 1))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      if (row.id !== expectedId) return fail(expectedId, `record ${expectedId} is missing`);
      if (row.prevHash !== prevHash) return fail(row.id, 'prev_hash does not match the previous record');
      if (auditRecordHash(row) !== row.hash) return fail(row.id, 'record content does not match its hash');
      prevHash = row.hash;
      expectedId++;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head || head.lastId !== checked || head.lastHash !== prevHash) {
    return fail(checked + 1, 'audit_head does not match the last record (records removed at the end?)');
  }
  return { ok: true, checked, headHash: prevHash, brokenAt: null, problem: null };
}

export async function auditHeadHash(db: Database): Promise<{ lastId: number; lastHash: string }> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  return head ?? { lastId: 0, lastHash: GENESIS_HASH };
}
