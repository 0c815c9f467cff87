// System admin: searching the audit log, newest first, paged by id.
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { auditQuery } from '../../../shared/schemas/admin';
import { auditLog, users } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';

const JST_OFFSET = '+09:00';

export async function searchAudit(request: FastifyRequest, query: z.infer<typeof auditQuery>) {
  const conditions: (SQL | undefined)[] = [
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.actorUserId ? eq(auditLog.actorUserId, query.actorUserId) : undefined,
    query.targetType ? eq(auditLog.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
    query.from ? gte(auditLog.occurredAt, new Date(`${query.from}T00:00:00${JST_OFFSET}`)) : undefined,
    // "to" is inclusive: everything before the next day starts.
    query.to
      ? lt(
          auditLog.occurredAt,
          new Date(new Date(`${query.to}T00:00:00${JST_OFFSET}`).getTime() + 86_400_000),
        )
      : undefined,
    query.beforeId ? lt(auditLog.id, query.beforeId) : undefined,
  ];
  const rows = await request.server.db
    .select({ record: auditLog, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  // Reading the audit log is itself worth recording.
  await appendAudit(request.server.db, {
    ...requestAuditFields(request),
    action: 'admin.audit_searched',
    details: { ...query },
  });
  return {
    records: page.map(({ record, actorName }) => ({
      id: record.id,
      occurredAt: record.occurredAt.toISOString(),
      actorUserId: record.actorUserId,
      actorName,
      organisationId: record.organisationId,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      reason: record.reason,
      ip: record.ip,
      userAgent: record.userAgent,
      details: record.details ? JSON.parse(record.details) : null,
    })),
    nextBeforeId: rows.length > query.limit ? (page.at(-1)?.record.id ?? null) : null,
  };
}
