// An organisation takes back a request still waiting for the center (to correct it and ask again).
// A request shows changes not yet public, so to anyone else it answers 404, as if it did not exist.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { servicePointChangeRequests } from '../../db/schema';
import { access, hasSystemRole, membershipRole } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { viewOfRequest } from './change-requests';
import { lockPendingRequest } from './decide-change';

const notFoundRequest = () =>
  notFound('この申請は見つかりません。一覧を読み込み直してください。', 'change_request_not_found');

export const requestOwner = access.policy(
  'admin of the organisation that made the change request :id, or system_admin (others 404: a request is private)',
  async (request) => {
    const { id } = request.params as { id: string };
    const [row] = await request.server.db
      .select({ organisationId: servicePointChangeRequests.organisationId })
      .from(servicePointChangeRequests)
      .where(eq(servicePointChangeRequests.id, id));
    if (!row) throw notFoundRequest();
    if (hasSystemRole(request.actor, ['system_admin'])) return true;
    if (row.organisationId && (await membershipRole(request, row.organisationId)) === 'admin') return true;
    throw notFoundRequest();
  },
);

export async function withdrawChange(request: FastifyRequest, id: string) {
  return request.server.db.transaction(async (tx) => {
    const row = await lockPendingRequest(tx, id);
    await tx
      .update(servicePointChangeRequests)
      .set({ status: 'withdrawn', decidedBy: request.actor?.user.id ?? null, decidedAt: new Date() })
      .where(eq(servicePointChangeRequests.id, id));
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'directory_entry.change_withdrawn',
      organisationId: row.organisationId,
      targetType: 'service_point',
      targetId: row.servicePointId,
      details: { request: row.id },
    });
    return viewOfRequest(tx, id);
  });
}
