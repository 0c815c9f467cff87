// Participation in the rule (入退院支援ルール参加登録). Every hospital and care-management office of the
// directory is listed, declared or not, so the rate counts the whole city and not only the
// organisations that use the platform. An organisation's admins declare for their own entries; the
// support center declares for any (a hospital without accounts answers by phone or in the yearly
// survey). Declarations are not patient data: every signed-in professional reads them.
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  isParticipantKind,
  type ParticipantKind,
  type ParticipationEntry,
  type ParticipationList,
  type ParticipationQuery,
  type ParticipationRate,
  type ParticipationRates,
  type ParticipationUpdate,
  participantKinds,
} from '../../../shared/schemas/admission-participation';
import type { DbOrTx } from '../../db/client';
import { admissionParticipation, areas, servicePoints } from '../../db/schema';
import { hasSystemRole, requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { badRequest, conflict, notFound } from '../../platform/errors';

/** Most entries one list shows: a city has a few hundred care-management offices at most. */
export const PARTICIPATION_LIST_LIMIT = 300;

const statusOf = sql<ParticipationEntry['status']>`CASE
  WHEN ${admissionParticipation.participates} THEN 'participating'
  WHEN ${admissionParticipation.participates} = false THEN 'not_participating'
  ELSE 'unanswered' END`;

/** The entry's organisation uses the platform (has members); in a select joined with service_points. */
export const onPlatform = sql<boolean>`EXISTS (SELECT 1 FROM memberships ms
  WHERE ms.organisation_id = ${servicePoints.organisationId})`;

/** Whether the reader may declare for the row's entry: the center and system admins for any. */
function mayDeclareCondition(request: FastifyRequest): SQL<boolean> {
  if (hasSystemRole(request.actor, ['center_staff', 'system_admin'])) return sql<boolean>`true`;
  return sql<boolean>`EXISTS (SELECT 1 FROM memberships ma WHERE ma.organisation_id = ${servicePoints.organisationId}
    AND ma.user_id = ${requireActor(request).user.id} AND ma.role = 'admin')`;
}

function entriesQuery(db: DbOrTx, request: FastifyRequest, where: SQL | undefined) {
  return db
    .select({
      point: {
        id: servicePoints.id,
        name: servicePoints.name,
        kind: servicePoints.serviceCode,
        areaId: servicePoints.areaId,
        address: servicePoints.address,
        phone: servicePoints.phone,
        fax: servicePoints.fax,
      },
      areaName: areas.name,
      declaration: admissionParticipation,
      status: statusOf,
      onPlatform,
      mayDeclare: mayDeclareCondition(request),
    })
    .from(servicePoints)
    .leftJoin(admissionParticipation, eq(admissionParticipation.servicePointId, servicePoints.id))
    .leftJoin(areas, eq(areas.id, servicePoints.areaId))
    .where(and(isNull(servicePoints.withdrawnAt), where));
}

type EntryRow = Awaited<ReturnType<typeof entriesQuery>>[number];

const viewOf = (row: EntryRow): ParticipationEntry => {
  const d = row.declaration;
  return {
    servicePointId: row.point.id,
    name: row.point.name,
    kind: row.point.kind as ParticipantKind,
    areaId: row.point.areaId,
    areaName: row.areaName,
    address: row.point.address,
    phone: row.point.phone,
    fax: row.point.fax,
    onPlatform: row.onPlatform,
    status: row.status,
    declaration: d && {
      windowDepartment: d.windowDepartment,
      windowPhone: d.windowPhone,
      windowFax: d.windowFax,
      windowHours: d.windowHours,
      socialWorkerOnStaff: d.socialWorkerOnStaff,
      dischargeNurseOnStaff: d.dischargeNurseOnStaff,
      notes: d.notes,
      declaredAt: d.declaredAt.toISOString(),
      version: d.version,
    },
    mayDeclare: row.mayDeclare,
  };
};

/** The entries of one kind (and area, and status), participating ones first, in 五十音 order. */
export async function listParticipation(
  request: FastifyRequest,
  query: ParticipationQuery,
): Promise<ParticipationList> {
  const db = request.server.db;
  const rows = await entriesQuery(
    db,
    request,
    and(
      eq(servicePoints.serviceCode, query.kind),
      query.areaId ? eq(servicePoints.areaId, query.areaId) : undefined,
      query.status ? sql`${statusOf} = ${query.status}` : undefined,
    ),
  )
    .orderBy(sql`${admissionParticipation.participates} DESC NULLS LAST`, asc(servicePoints.sortKey))
    .limit(PARTICIPATION_LIST_LIMIT + 1);
  const areaRows = await db
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .orderBy(asc(areas.sortOrder), asc(areas.kana));
  return {
    entries: rows.slice(0, PARTICIPATION_LIST_LIMIT).map(viewOf),
    truncated: rows.length > PARTICIPATION_LIST_LIMIT,
    areas: areaRows,
  };
}

/** The live rate: entries, participating and declined, per kind and area, and per kind for the city. */
export async function participationRates(db: DbOrTx): Promise<ParticipationRates> {
  const rows = await db
    .select({
      kind: servicePoints.serviceCode,
      areaId: servicePoints.areaId,
      areaName: areas.name,
      entries: sql<number>`count(*)::int`,
      participating: sql<number>`(count(*) FILTER (WHERE ${admissionParticipation.participates}))::int`,
      notParticipating: sql<number>`(count(*) FILTER (WHERE NOT ${admissionParticipation.participates}))::int`,
    })
    .from(servicePoints)
    .leftJoin(admissionParticipation, eq(admissionParticipation.servicePointId, servicePoints.id))
    .leftJoin(areas, eq(areas.id, servicePoints.areaId))
    .where(and(isNull(servicePoints.withdrawnAt), inArray(servicePoints.serviceCode, [...participantKinds])))
    .groupBy(servicePoints.serviceCode, servicePoints.areaId, areas.name, areas.sortOrder)
    .orderBy(sql`${areas.sortOrder} NULLS LAST`, asc(areas.name));
  // Kind by kind (hospitals first), each in the areas' order.
  const byArea = rows
    .map((row) => ({ ...row, kind: row.kind as ParticipantKind }))
    .sort((a, b) => participantKinds.indexOf(a.kind) - participantKinds.indexOf(b.kind));
  const total = participantKinds.map((kind): ParticipationRate => {
    const ofKind = byArea.filter((row) => row.kind === kind);
    const sum = (key: 'entries' | 'participating' | 'notParticipating') =>
      ofKind.reduce((n, row) => n + row[key], 0);
    return {
      kind,
      areaId: null,
      areaName: null,
      entries: sum('entries'),
      participating: sum('participating'),
      notParticipating: sum('notParticipating'),
    };
  });
  return { byArea, total };
}

const stale = () =>
  conflict(
    'participation_stale',
    'この間に別の方が参加登録を変更しました。画面を読み込み直し、最新の内容を確かめてから保存してください。',
  );

/**
 * Declares (or changes) the entry's participation from the version read; the entry as listed after
 * it. The caller's right to maintain the entry is checked by the route (pointMaintainer).
 */
export async function declareParticipation(
  request: FastifyRequest,
  servicePointId: string,
  input: ParticipationUpdate,
): Promise<ParticipationEntry> {
  const actor = requireActor(request);
  return request.server.db.transaction(async (tx) => {
    const [point] = await tx
      .select({ kind: servicePoints.serviceCode, organisationId: servicePoints.organisationId })
      .from(servicePoints)
      .where(and(eq(servicePoints.id, servicePointId), isNull(servicePoints.withdrawnAt)))
      .for('update');
    if (!point)
      throw notFound(
        'この事業所・施設は見つかりません。一覧から選び直してください。',
        'service_point_not_found',
      );
    if (!isParticipantKind(point.kind))
      throw badRequest(
        'not_participant_kind',
        '入退院支援ルールの参加登録ができるのは、病院と居宅介護支援事業所です。',
      );
    const [before] = await tx
      .select()
      .from(admissionParticipation)
      .where(eq(admissionParticipation.servicePointId, servicePointId))
      .for('update');
    if ((before?.version ?? null) !== input.version) throw stale();
    const values = {
      participates: input.participates,
      windowDepartment: input.windowDepartment ?? null,
      windowPhone: input.windowPhone ?? null,
      windowFax: input.windowFax ?? null,
      windowHours: input.windowHours ?? null,
      socialWorkerOnStaff: input.socialWorkerOnStaff,
      dischargeNurseOnStaff: input.dischargeNurseOnStaff,
      notes: input.notes ?? null,
      declaredBy: actor.user.id,
      declaredAt: new Date(),
    };
    if (before)
      await tx
        .update(admissionParticipation)
        .set({ ...values, version: before.version + 1 })
        .where(eq(admissionParticipation.servicePointId, servicePointId));
    else {
      // Two first declarations at once: the second finds the row the first inserted.
      const inserted = await tx
        .insert(admissionParticipation)
        .values({ servicePointId, ...values })
        .onConflictDoNothing()
        .returning({ version: admissionParticipation.version });
      if (inserted.length === 0) throw stale();
    }
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'admission_participation.declared',
      organisationId: point.organisationId,
      targetType: 'service_point',
      targetId: servicePointId,
      details: { participates: input.participates, previously: before?.participates ?? null },
    });
    const [row] = await entriesQuery(tx, request, eq(servicePoints.id, servicePointId));
    if (!row) throw stale();
    return viewOf(row);
  });
}

/** A hospital or office as the episode shows it: its admission/discharge window's numbers when declared. */
export async function pointRef(db: DbOrTx, pointId: string | null) {
  if (!pointId) return null;
  const [point] = await db
    .select({
      id: servicePoints.id,
      name: servicePoints.name,
      phone: sql<string | null>`coalesce(${admissionParticipation.windowPhone}, ${servicePoints.phone})`,
      fax: sql<string | null>`coalesce(${admissionParticipation.windowFax}, ${servicePoints.fax})`,
      onPlatform,
    })
    .from(servicePoints)
    .leftJoin(admissionParticipation, eq(admissionParticipation.servicePointId, servicePoints.id))
    .where(eq(servicePoints.id, pointId));
  return point ?? null;
}
