// Identity, name, address and kind: an organisation asks, the center decides (承認待ち). The entry keeps
// its published values until then. Center staff's own changes are published at once.
//
// A second request touching a field that already waits in a pending request is refused (409, naming
// the fields): the center would otherwise judge two answers to one question. The organisation
// withdraws the first and asks again, or waits for the decision. Requests on other fields coexist.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatDate } from '../../../shared/dates';
import { quoteFieldNames } from '../../../shared/directory-fields';
import type { changeRequestCreate } from '../../../shared/schemas/directory-maintenance';
import type { DbOrTx } from '../../db/client';
import { servicePointChangeRequests } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { badRequest, conflict } from '../../platform/errors';
import { applyIdentityChange, assertIdentityFree } from './apply-identity-change';
import { type StoredChanges, viewOfRequest } from './change-requests';
import { isCenterStaff } from './point-access';
import { changedFields, lockPointAtVersion } from './point-fields';

type Input = z.output<typeof changeRequestCreate>;

async function refusePendingClash(tx: DbOrTx, pointId: string, fields: string[]): Promise<void> {
  const pending = await tx
    .select()
    .from(servicePointChangeRequests)
    .where(
      and(
        eq(servicePointChangeRequests.servicePointId, pointId),
        eq(servicePointChangeRequests.status, 'pending'),
      ),
    );
  for (const request of pending) {
    const clash = Object.keys((request.changes as StoredChanges).after).filter((field) =>
      fields.includes(field),
    );
    if (clash.length > 0)
      throw conflict(
        'change_request_pending',
        `${quoteFieldNames(clash)}の変更は、${formatDate(request.requestedAt)}の申請がまだ承認待ちです。` +
          'センターの判断を待つか、その申請を取り下げてから、もう一度申請してください。',
      );
  }
}

export async function requestChange(request: FastifyRequest, id: string, input: Input) {
  return request.server.db.transaction(async (tx) => {
    const { version, note, ...fields } = input;
    const current = await lockPointAtVersion(tx, id, version);
    const { before, after } = changedFields(current, fields);
    if (Object.keys(after).length === 0)
      throw badRequest('no_change', '今の内容と同じです。変更したい項目を書き換えてから申請してください。');

    if (isCenterStaff(request)) {
      const point = await applyIdentityChange(tx, request, current, {
        source: 'edit',
        action: 'directory_entry.change_applied',
        before,
        after,
      });
      return { outcome: 'applied' as const, request: null, version: point.version };
    }

    await assertIdentityFree(tx, current, after);
    await refusePendingClash(tx, current.id, Object.keys(after));
    const changes: StoredChanges = { before, after, note: note ?? null };
    const [row] = await tx
      .insert(servicePointChangeRequests)
      .values({
        servicePointId: current.id,
        organisationId: current.organisationId,
        requestedBy: requireActor(request).user.id,
        baseVersion: version,
        changes,
      })
      .returning({ id: servicePointChangeRequests.id });
    if (!row) throw new Error('change request insert returned nothing');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'directory_entry.change_requested',
      organisationId: current.organisationId,
      targetType: 'service_point',
      targetId: current.id,
      details: { request: row.id, fields: Object.keys(after) },
    });
    return {
      outcome: 'pending' as const,
      request: await viewOfRequest(tx, row.id),
      version: current.version,
    };
  });
}
