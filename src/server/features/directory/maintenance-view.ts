// What the maintainers read: one entry with everything they may edit (the edit page), and an
// organisation's entries with their staleness and requests (the organisation's directory page).
import { and, asc, count, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { keepsCareManagerTime } from '../../../shared/care-manager-time';
import { serviceKindOf, type Weekday, weekdaysOfBits } from '../../../shared/directory';
import type { OrgDirectoryView, PointMaintenanceView } from '../../../shared/schemas/directory-maintenance';
import { organisations, servicePointChangeRequests, servicePoints } from '../../db/schema';
import { notFound } from '../../platform/errors';
import { listChangeRequests } from './change-requests';
import { isCenterStaff } from './point-access';
import { readCareManagerTimes } from './point-detail';
import type { ServicePointRow } from './service-points';

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** When the entry was last confirmed by its organisation, or else last brought by open data. */
function freshness(point: ServicePointRow, staleAfterDays: number) {
  const updatedOn = point.maintainedAt ?? point.importedAt;
  const staleBefore = Date.now() - staleAfterDays * 86_400_000;
  return { updatedOn: iso(updatedOn), stale: updatedOn === null || updatedOn.getTime() < staleBefore };
}

export async function readMaintenanceView(
  request: FastifyRequest,
  id: string,
): Promise<PointMaintenanceView> {
  const db = request.server.db;
  const [found] = await db
    .select({ point: servicePoints, organisationName: organisations.name })
    .from(servicePoints)
    .leftJoin(organisations, eq(organisations.id, servicePoints.organisationId))
    .where(eq(servicePoints.id, id));
  if (!found) throw notFound('この事業所・施設は見つかりません。', 'service_point_not_found');
  const { point } = found;
  return {
    point: {
      id: point.id,
      identityScheme: point.identityScheme,
      officialCode: point.officialCode,
      serviceCode: point.serviceCode,
      serviceName: serviceKindOf(point.serviceCode, point.serviceName).ja,
      name: point.name,
      kana: point.kana,
      address: point.address,
      building: point.building,
      municipalityCode: point.municipalityCode,
      areaId: point.areaId,
      latitude: point.latitude,
      longitude: point.longitude,
      vacancy: point.vacancy,
      capacity: point.capacity,
      capabilities: point.capabilities,
      procedures: point.procedures,
      languages: point.languages,
      notes: point.notes,
      phone: point.phone,
      fax: point.fax,
      url: point.url,
      email: point.email,
      hours: point.hours,
      hoursNote: point.hoursNote,
      openWeekdays: weekdaysOfBits(point.openWeekdays) as Weekday[],
      organisationId: point.organisationId,
      organisationName: found.organisationName,
      careManagerTimePublic: point.careManagerTimePublic,
      vacancyUpdatedAt: iso(point.vacancyUpdatedAt),
      maintainedAt: iso(point.maintainedAt),
      ...freshness(point, request.server.config.directoryStaleDays),
      withdrawn: point.withdrawnAt !== null,
      version: point.version,
    },
    careManagerTimes: await readCareManagerTimes(db, point.id),
    keepsCareManagerTime: keepsCareManagerTime(point.serviceCode),
    requests: await listChangeRequests(db, { servicePointId: point.id, limit: 20 }),
    appliesDirectly: isCenterStaff(request),
  };
}

export async function readOrgDirectory(request: FastifyRequest, orgId: string): Promise<OrgDirectoryView> {
  const db = request.server.db;
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!organisation) throw notFound('この組織は見つかりません。', 'organisation_not_found');
  const points = await db
    .select()
    .from(servicePoints)
    .where(eq(servicePoints.organisationId, orgId))
    .orderBy(asc(servicePoints.sortKey));
  const pending = await db
    .select({ pointId: servicePointChangeRequests.servicePointId, n: count() })
    .from(servicePointChangeRequests)
    .where(
      and(
        eq(servicePointChangeRequests.organisationId, orgId),
        eq(servicePointChangeRequests.status, 'pending'),
      ),
    )
    .groupBy(servicePointChangeRequests.servicePointId);
  const staleAfterDays = request.server.config.directoryStaleDays;
  return {
    organisationName: organisation.name,
    staleAfterDays,
    points: points.map((point) => ({
      id: point.id,
      name: point.name,
      serviceName: serviceKindOf(point.serviceCode, point.serviceName).ja,
      address: point.address,
      ...freshness(point, staleAfterDays),
      pendingRequests: pending.find((row) => row.pointId === point.id)?.n ?? 0,
    })),
    requests: await listChangeRequests(db, { organisationId: orgId, limit: 30 }),
  };
}
