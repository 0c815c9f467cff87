// An organisation's own day-to-day facts about its entry (vacancy, capabilities, contact, hours …),
// published at once. Every save — even one that changes nothing (「内容を確認した」) — marks the entry as
// confirmed today (maintained_at), which is what keeps it from showing as stale.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { pointUpdateRequest } from '../../../shared/schemas/directory-maintenance';
import { changedFields, lockPointAtVersion, toColumns } from './point-fields';
import { recordChange } from './point-versions';
import { updateServicePoint } from './service-points';

type Input = z.output<typeof pointUpdateRequest>;

export async function updatePublishedFields(request: FastifyRequest, id: string, input: Input) {
  return request.server.db.transaction(async (tx) => {
    const { version, ...fields } = input;
    const current = await lockPointAtVersion(tx, id, version);
    const now = new Date();
    const { before, after } = changedFields(current, fields);
    const confirmOnly = Object.keys(after).length === 0;
    const point = await updateServicePoint(tx, current, {
      ...toColumns(after),
      maintainedAt: now,
      // A vacancy sent is a vacancy stated today, even when the number is the same.
      ...(fields.vacancy !== undefined ? { vacancyUpdatedAt: fields.vacancy === null ? null : now } : {}),
    });
    await recordChange(tx, request, {
      point,
      source: confirmOnly ? 'confirm' : 'edit',
      before: confirmOnly ? { maintainedAt: current.maintainedAt?.toISOString() ?? null } : before,
      after: confirmOnly ? { maintainedAt: now.toISOString() } : after,
      action: confirmOnly ? 'directory_entry.confirmed' : 'directory_entry.updated',
    });
    return { version: point.version, maintainedAt: now.toISOString() };
  });
}
