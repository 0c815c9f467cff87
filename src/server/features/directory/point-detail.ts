// One service point as its public page shows it.
import { asc, eq } from 'drizzle-orm';
import type { ServicePointDetail } from '../../../shared/schemas/directory';
import type { DbOrTx } from '../../db/client';
import { careManagerTimes, organisations, servicePoints } from '../../db/schema';
import { notFound } from '../../platform/errors';
import { toSummary } from './search/summaries';

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export async function readCareManagerTimes(db: DbOrTx, servicePointId: string) {
  const rows = await db
    .select()
    .from(careManagerTimes)
    .where(eq(careManagerTimes.servicePointId, servicePointId))
    .orderBy(asc(careManagerTimes.sortOrder), asc(careManagerTimes.startMinute));
  return rows.map((row) => ({
    physicianName: row.physicianName,
    weekday: row.weekday as ServicePointDetail['openWeekdays'][number],
    startTime: hhmm(row.startMinute),
    endTime: hhmm(row.endMinute),
    channels: row.channels as NonNullable<ServicePointDetail['careManagerTimes']>[number]['channels'],
    notes: row.notes ?? '',
  }));
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** `professional`: the reader is signed in (ケアマネタイム kept for professionals is shown). */
export async function readServicePointDetail(
  db: DbOrTx,
  id: string,
  options: { professional: boolean; staleAfterDays: number },
): Promise<ServicePointDetail> {
  const [found] = await db
    .select({ point: servicePoints, organisationName: organisations.name })
    .from(servicePoints)
    .leftJoin(organisations, eq(organisations.id, servicePoints.organisationId))
    .where(eq(servicePoints.id, id));
  if (!found)
    throw notFound(
      'この事業所・施設は見つかりません。一覧から選び直してください。',
      'service_point_not_found',
    );
  const { point } = found;
  const showTimes = point.careManagerTimePublic || options.professional;
  const summary = toSummary(
    {
      id: point.id,
      name: point.name,
      kana: point.kana,
      service_code: point.serviceCode,
      service_name: point.serviceName,
      address: point.address,
      building: point.building,
      phone: point.phone,
      fax: point.fax,
      latitude: point.latitude,
      longitude: point.longitude,
      area_id: point.areaId,
      capabilities: point.capabilities,
      procedures: point.procedures,
      open_weekdays: point.openWeekdays,
      vacancy: point.vacancy,
      vacancy_updated_at: point.vacancyUpdatedAt,
      updated_on: point.maintainedAt ?? point.importedAt,
    },
    options.staleAfterDays,
  );
  return {
    ...summary,
    identityScheme: point.identityScheme as ServicePointDetail['identityScheme'],
    officialCode: point.officialCode,
    municipalityCode: point.municipalityCode,
    url: point.url,
    corporateName: point.corporateName,
    hours: point.hours,
    hoursNote: point.hoursNote,
    capacity: point.capacity,
    beds: point.beds,
    departments: point.departments,
    languages: point.languages,
    notes: point.notes,
    organisationId: point.organisationId,
    organisationName: found.organisationName,
    importedAt: iso(point.importedAt),
    maintainedAt: iso(point.maintainedAt),
    withdrawn: point.withdrawnAt !== null,
    careManagerTimePublic: point.careManagerTimePublic,
    careManagerTimes: showTimes ? await readCareManagerTimes(db, point.id) : null,
  };
}
