// Areas the city maintains (日常生活圏域 / 校区) and the 地域包括支援センター responsible for each.
import { and, asc, count, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AreaKind } from '../../../shared/identity';
import type { areaFields } from '../../../shared/schemas/settings';
import type { DbOrTx } from '../../db/client';
import { areas, organisations } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { badRequest, conflict, notFound } from '../../platform/errors';

type AreaInput = z.infer<typeof areaFields>;

export async function listAreas(db: DbOrTx) {
  const rows = await db
    .select({ area: areas, responsibleCenterName: organisations.name })
    .from(areas)
    .leftJoin(organisations, eq(organisations.id, areas.responsibleCenterId))
    .orderBy(asc(areas.sortOrder), asc(areas.kana));
  return rows.map(({ area, responsibleCenterName }) => ({
    id: area.id,
    name: area.name,
    kana: area.kana,
    kind: area.kind as AreaKind,
    responsibleCenterId: area.responsibleCenterId,
    responsibleCenterName,
    sortOrder: area.sortOrder,
    version: area.version,
  }));
}

async function oneArea(db: DbOrTx, id: string) {
  const area = (await listAreas(db)).find((row) => row.id === id);
  if (!area) throw notFound('地域が見つかりません。', 'area_not_found');
  return area;
}

/** The responsible center must be a 地域包括支援センター that exists. */
async function assertCommunityCenter(db: DbOrTx, id: string | null): Promise<void> {
  if (!id) return;
  const [org] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (org?.kind !== 'community_center') {
    throw badRequest('invalid_responsible_center', '担当センターには地域包括支援センターを選んでください。', [
      { path: 'responsibleCenterId', message: '地域包括支援センターを選んでください' },
    ]);
  }
}

export async function createArea(request: FastifyRequest, input: AreaInput) {
  const db = request.server.db;
  return db.transaction(async (tx) => {
    await assertCommunityCenter(tx, input.responsibleCenterId);
    const [row] = await tx.insert(areas).values(input).returning({ id: areas.id });
    if (!row) throw new Error('area insert returned nothing');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'settings.area_created',
      targetType: 'area',
      targetId: row.id,
      details: { name: input.name },
    });
    return oneArea(tx, row.id);
  });
}

/** Optimistic concurrency: the caller sends the version it read; a newer one means someone else saved. */
export async function updateArea(
  request: FastifyRequest,
  id: string,
  input: AreaInput & { version: number },
) {
  const db = request.server.db;
  return db.transaction(async (tx) => {
    await assertCommunityCenter(tx, input.responsibleCenterId);
    const { version, ...fields } = input;
    const updated = await tx
      .update(areas)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(areas.id, id), eq(areas.version, version)))
      .returning({ id: areas.id });
    if (updated.length === 0) {
      await oneArea(tx, id); // 404 when it does not exist at all
      throw conflict(
        'version_conflict',
        '他の人がこの地域を先に更新しました。画面を読み込み直してから、もう一度編集してください。',
      );
    }
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'settings.area_updated',
      targetType: 'area',
      targetId: id,
      details: { fields: Object.keys(fields) },
    });
    return oneArea(tx, id);
  });
}

export async function deleteArea(request: FastifyRequest, id: string) {
  const db = request.server.db;
  await db.transaction(async (tx) => {
    await oneArea(tx, id);
    const [use] = await tx.select({ n: count() }).from(organisations).where(eq(organisations.areaId, id));
    if (use && use.n > 0) {
      throw conflict(
        'area_in_use',
        `この地域は${use.n}件の組織に設定されているため削除できません。先に組織の地域を変更してください。`,
      );
    }
    await tx.delete(areas).where(eq(areas.id, id));
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'settings.area_deleted',
      targetType: 'area',
      targetId: id,
    });
  });
}
