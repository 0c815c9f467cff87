// The center decides a pending request: approve (the changes are published through updateServicePoint,
// with a version row of source 'approval', in one transaction) or return it with a comment the
// organisation reads on its page. A request decided by a colleague a moment earlier answers 409.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { quoteFieldNames } from '../../../shared/directory-fields';
import type { changeDecision } from '../../../shared/schemas/directory-maintenance';
import type { DbOrTx } from '../../db/client';
import { servicePointChangeRequests } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { conflict } from '../../platform/errors';
import { applyIdentityChange } from './apply-identity-change';
import { lockChangeRequest, type StoredChanges, viewOfRequest } from './change-requests';
import { fieldsChangedSince, lockPoint } from './point-fields';

type Decision = z.output<typeof changeDecision>;
type RequestRow = Awaited<ReturnType<typeof lockChangeRequest>>;

const statusWords: Record<string, string> = {
  approved: '承認済み',
  rejected: '差し戻し済み',
  withdrawn: '申請した組織が取り下げ済み',
};

/** The request, locked, and still waiting; 409 when someone else got there first. */
export async function lockPendingRequest(tx: DbOrTx, id: string): Promise<RequestRow> {
  const row = await lockChangeRequest(tx, id);
  if (row.status !== 'pending')
    throw conflict(
      'change_request_decided',
      `この申請はすでに${statusWords[row.status] ?? row.status}です。一覧を読み込み直してください。`,
    );
  return row;
}

async function approve(tx: DbOrTx, request: FastifyRequest, row: RequestRow, comment: string | null) {
  const changes = row.changes as StoredChanges;
  const point = await lockPoint(tx, row.servicePointId);
  const changedSince = fieldsChangedSince(point, changes.before);
  if (changedSince.length > 0)
    throw conflict(
      'changed_since_request',
      `申請の後に${quoteFieldNames(changedSince)}が変更されています。承認すると今の内容を上書きするため、` +
        '差し戻して、今の内容をもとに申請し直してもらってください。',
    );
  await applyIdentityChange(tx, request, point, {
    source: 'approval',
    action: 'directory_entry.change_approved',
    before: changes.before,
    after: changes.after,
    details: { request: row.id, comment },
  });
}

export async function decideChange(request: FastifyRequest, id: string, decision: Decision) {
  return request.server.db.transaction(async (tx) => {
    const row = await lockPendingRequest(tx, id);
    const comment = decision.comment ?? null;
    if (decision.decision === 'approve') await approve(tx, request, row, comment);
    await tx
      .update(servicePointChangeRequests)
      .set({
        status: decision.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: requireActor(request).user.id,
        decidedAt: new Date(),
        comment,
      })
      .where(eq(servicePointChangeRequests.id, id));
    if (decision.decision === 'reject')
      await appendAudit(tx, {
        ...requestAuditFields(request),
        action: 'directory_entry.change_rejected',
        organisationId: row.organisationId,
        targetType: 'service_point',
        targetId: row.servicePointId,
        details: { request: row.id, comment },
      });
    return viewOfRequest(tx, id);
  });
}
