// Reading change requests (承認待ち and decided): the center's queue, an organisation's own list, and a
// point's. Each shows the fields before → after, and which of them changed since it was made.
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ChangeRequestStatus, ChangeRequestView } from '../../../shared/schemas/directory-maintenance';
import type { DbOrTx } from '../../db/client';
import { organisations, servicePointChangeRequests, servicePoints, users } from '../../db/schema';
import { notFound } from '../../platform/errors';
import { type FieldValues, fieldsChangedSince } from './point-fields';

/** What a request row's `changes` holds. */
export type StoredChanges = { before: FieldValues; after: FieldValues; note: string | null };

export type RequestFilter = {
  id?: string;
  status?: 'pending' | 'decided';
  organisationId?: string;
  servicePointId?: string;
  limit?: number;
};

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function whereOf(filter: RequestFilter): SQL | undefined {
  const requests = servicePointChangeRequests;
  return and(
    filter.id ? eq(requests.id, filter.id) : undefined,
    filter.status === 'pending' ? eq(requests.status, 'pending') : undefined,
    filter.status === 'decided' ? inArray(requests.status, ['approved', 'rejected', 'withdrawn']) : undefined,
    filter.organisationId ? eq(requests.organisationId, filter.organisationId) : undefined,
    filter.servicePointId ? eq(requests.servicePointId, filter.servicePointId) : undefined,
  );
}

export async function listChangeRequests(db: DbOrTx, filter: RequestFilter): Promise<ChangeRequestView[]> {
  const requests = servicePointChangeRequests;
  const rows = await db
    .select({
      request: requests,
      point: servicePoints,
      organisationName: organisations.name,
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
    })
    .from(requests)
    .innerJoin(servicePoints, eq(servicePoints.id, requests.servicePointId))
    .innerJoin(requester, eq(requester.id, requests.requestedBy))
    .leftJoin(decider, eq(decider.id, requests.decidedBy))
    .leftJoin(organisations, eq(organisations.id, requests.organisationId))
    .where(whereOf(filter))
    .orderBy(filter.status === 'pending' ? requests.requestedAt : desc(requests.requestedAt))
    .limit(filter.limit ?? 100);
  return rows.map(({ request, point, organisationName, requestedByName, decidedByName }) => {
    const changes = request.changes as StoredChanges;
    return {
      id: request.id,
      servicePointId: point.id,
      pointName: point.name,
      organisationName,
      requestedByName,
      requestedAt: request.requestedAt.toISOString(),
      before: changes.before,
      after: changes.after,
      changedSince: request.status === 'pending' ? fieldsChangedSince(point, changes.before) : [],
      note: changes.note,
      status: request.status as ChangeRequestStatus,
      decidedByName,
      decidedAt: request.decidedAt?.toISOString() ?? null,
      comment: request.comment,
    };
  });
}

/** One request, locked for a decision or a withdrawal; 404 when missing. */
export async function lockChangeRequest(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select()
    .from(servicePointChangeRequests)
    .where(eq(servicePointChangeRequests.id, id))
    .for('update');
  if (!row)
    throw notFound('この申請は見つかりません。一覧を読み込み直してください。', 'change_request_not_found');
  return row;
}

export async function viewOfRequest(db: DbOrTx, id: string): Promise<ChangeRequestView> {
  const [found] = await listChangeRequests(db, { id });
  if (!found) throw notFound('この申請は見つかりません。', 'change_request_not_found');
  return found;
}
