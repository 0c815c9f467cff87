// The history of a service point: one row per change (who, when, from where, the changed fields before
// and after), written in the same transaction as the change itself.
import { desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { PointVersionView } from '../../../shared/schemas/directory-maintenance';
import type { DbOrTx } from '../../db/client';
import { servicePointVersions, users } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import type { FieldValues } from './point-fields';
import type { ServicePointRow } from './service-points';

export type VersionSource = 'edit' | 'confirm' | 'approval';

type Change = {
  /** The point after the change (its new version). */
  point: ServicePointRow;
  source: VersionSource;
  before: FieldValues;
  after: FieldValues;
  /** The audit record's action and anything it adds to the fields changed. */
  action: string;
  details?: Record<string, unknown>;
};

/** The version row and the audit record of one change to a point, inside the caller's transaction. */
export async function recordChange(tx: DbOrTx, request: FastifyRequest, change: Change): Promise<void> {
  const actorId = request.actor?.user.id ?? null;
  await tx.insert(servicePointVersions).values({
    servicePointId: change.point.id,
    version: change.point.version,
    source: change.source,
    changedBy: actorId,
    before: change.before,
    after: change.after,
  });
  await appendAudit(tx, {
    ...requestAuditFields(request),
    action: change.action,
    organisationId: change.point.organisationId,
    targetType: 'service_point',
    targetId: change.point.id,
    details: { version: change.point.version, fields: Object.keys(change.after), ...change.details },
  });
}

export async function listVersions(db: DbOrTx, pointId: string, limit = 100): Promise<PointVersionView[]> {
  const rows = await db
    .select({ version: servicePointVersions, changedByName: users.displayName })
    .from(servicePointVersions)
    .leftJoin(users, eq(users.id, servicePointVersions.changedBy))
    .where(eq(servicePointVersions.servicePointId, pointId))
    .orderBy(desc(servicePointVersions.changedAt), desc(servicePointVersions.version))
    .limit(limit);
  return rows.map(({ version, changedByName }) => ({
    version: version.version,
    source: version.source,
    changedAt: version.changedAt.toISOString(),
    changedByName,
    before: version.before as FieldValues,
    after: version.after as FieldValues,
  }));
}
