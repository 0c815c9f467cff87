// Publishing a change of identity, name, place or kind: after the center approved a request, or at once
// when center staff make it themselves. The same checks either way (the official identity stays unique,
// the area exists), the same write (through updateServicePoint, so the search columns follow).
import { and, eq, ne } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client';
import { areas, servicePoints } from '../../db/schema';
import { badRequest, conflict } from '../../platform/errors';
import { type FieldValues, toColumns } from './point-fields';
import { recordChange } from './point-versions';
import { type ServicePointRow, updateServicePoint } from './service-points';

export async function assertIdentityFree(
  tx: DbOrTx,
  point: ServicePointRow,
  after: FieldValues,
): Promise<void> {
  if (typeof after.areaId === 'string') {
    const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, after.areaId));
    if (!area)
      throw badRequest('unknown_area', '地域の指定が正しくありません。一覧から選び直してください。', [
        { path: 'areaId', message: '地域を一覧から選んでください' },
      ]);
  }
  if (after.officialCode === undefined && after.serviceCode === undefined) return;
  const officialCode = (after.officialCode as string | undefined) ?? point.officialCode;
  const serviceCode = (after.serviceCode as string | undefined) ?? point.serviceCode;
  const [other] = await tx
    .select({ name: servicePoints.name })
    .from(servicePoints)
    .where(
      and(
        eq(servicePoints.identityScheme, point.identityScheme),
        eq(servicePoints.officialCode, officialCode),
        eq(servicePoints.serviceCode, serviceCode),
        ne(servicePoints.id, point.id),
      ),
    );
  if (other)
    throw conflict(
      'identity_taken',
      `同じ番号（${officialCode}）と種別の登録が「${other.name}」としてすでにあります。番号と種別を確かめてください。`,
    );
}

type Applied = {
  source: 'edit' | 'approval';
  action: string;
  before: FieldValues;
  after: FieldValues;
  details?: Record<string, unknown>;
};

export async function applyIdentityChange(
  tx: DbOrTx,
  request: FastifyRequest,
  point: ServicePointRow,
  change: Applied,
): Promise<ServicePointRow> {
  await assertIdentityFree(tx, point, change.after);
  const updated = await updateServicePoint(tx, point, toColumns(change.after));
  await recordChange(tx, request, { point: updated, ...change });
  return updated;
}
