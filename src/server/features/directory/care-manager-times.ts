// ケアマネタイム (取組8): a clinic replaces all its weekly windows at once (one transaction, a version row
// with the windows before and after); care managers search them by area, weekday and time of day.
// Signed-in professionals see every clinic's windows; the public only those the clinic made public.
import { and, asc, eq, gt, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { keepsCareManagerTime, minuteOfTime, timeOfMinute } from '../../../shared/care-manager-time';
import { weekdays } from '../../../shared/directory';
import type {
  CareManagerTimeItem,
  CareManagerTimeQuery,
  CareManagerTimeResult,
  careManagerTimesUpdate,
} from '../../../shared/schemas/directory-maintenance';
import type { DbOrTx } from '../../db/client';
import { careManagerTimes, servicePoints } from '../../db/schema';
import { badRequest } from '../../platform/errors';
import { readCareManagerTimes } from './point-detail';
import { type FieldValues, lockPointAtVersion } from './point-fields';
import { recordChange } from './point-versions';
import { updateServicePoint } from './service-points';

type Update = z.output<typeof careManagerTimesUpdate>;

/** Most windows one search answers: a city has a few hundred; more means "narrow it down". */
export const CARE_MANAGER_TIME_LIMIT = 500;

export async function replaceCareManagerTimes(request: FastifyRequest, id: string, input: Update) {
  return request.server.db.transaction(async (tx) => {
    const current = await lockPointAtVersion(tx, id, input.version);
    if (!keepsCareManagerTime(current.serviceCode))
      throw badRequest(
        'no_care_manager_time',
        'ケアマネタイムを登録できるのは、病院・診療所・歯科診療所です。この事業所・施設では登録できません。',
      );
    const beforeWindows = await readCareManagerTimes(tx, id);
    await tx.delete(careManagerTimes).where(eq(careManagerTimes.servicePointId, id));
    if (input.windows.length > 0)
      await tx.insert(careManagerTimes).values(
        input.windows.map((window, sortOrder) => ({
          servicePointId: id,
          physicianName: window.physicianName,
          weekday: window.weekday,
          startMinute: minuteOfTime(window.startTime),
          endMinute: minuteOfTime(window.endTime),
          channels: window.channels,
          notes: window.notes || null,
          sortOrder,
        })),
      );
    const afterWindows = await readCareManagerTimes(tx, id);
    const before: FieldValues = {};
    const after: FieldValues = {};
    if (JSON.stringify(beforeWindows) !== JSON.stringify(afterWindows)) {
      before.careManagerTimes = beforeWindows;
      after.careManagerTimes = afterWindows;
    }
    if (current.careManagerTimePublic !== input.careManagerTimePublic) {
      before.careManagerTimePublic = current.careManagerTimePublic;
      after.careManagerTimePublic = input.careManagerTimePublic;
    }
    const now = new Date();
    const point = await updateServicePoint(tx, current, {
      careManagerTimePublic: input.careManagerTimePublic,
      maintainedAt: now,
    });
    const changed = Object.keys(after).length > 0;
    await recordChange(tx, request, {
      point,
      source: changed ? 'edit' : 'confirm',
      before: changed ? before : { maintainedAt: current.maintainedAt?.toISOString() ?? null },
      after: changed ? after : { maintainedAt: now.toISOString() },
      action: changed ? 'directory_entry.care_manager_times_replaced' : 'directory_entry.confirmed',
      details: { windows: afterWindows.length },
    });
    return { version: point.version, maintainedAt: now.toISOString() };
  });
}

// Monday first, holidays last: the order of the printed weekly table.
const weekdayOrder = sql.raw(
  `array_position(ARRAY[${weekdays.map((w) => `'${w.code}'`).join(',')}]::text[], care_manager_times.weekday)`,
);

export async function searchCareManagerTimes(
  db: DbOrTx,
  query: CareManagerTimeQuery,
  professional: boolean,
): Promise<CareManagerTimeResult> {
  const where: (SQL | undefined)[] = [isNull(servicePoints.withdrawnAt)];
  if (!professional) where.push(eq(servicePoints.careManagerTimePublic, true));
  if (query.area) where.push(eq(servicePoints.areaId, query.area));
  if (query.weekday) where.push(eq(careManagerTimes.weekday, query.weekday));
  if (query.time) {
    const minute = minuteOfTime(query.time);
    where.push(lte(careManagerTimes.startMinute, minute), gt(careManagerTimes.endMinute, minute));
  }
  const rows = await db
    .select({ window: careManagerTimes, point: servicePoints })
    .from(careManagerTimes)
    .innerJoin(servicePoints, eq(servicePoints.id, careManagerTimes.servicePointId))
    .where(and(...where))
    .orderBy(
      asc(servicePoints.sortKey),
      asc(servicePoints.id),
      asc(careManagerTimes.physicianName),
      weekdayOrder,
      asc(careManagerTimes.startMinute),
    )
    .limit(CARE_MANAGER_TIME_LIMIT + 1);
  const items: CareManagerTimeItem[] = rows.slice(0, CARE_MANAGER_TIME_LIMIT).map(({ window, point }) => ({
    pointId: point.id,
    pointName: point.name,
    address: point.address,
    phone: point.phone,
    fax: point.fax,
    physicianName: window.physicianName,
    weekday: window.weekday as CareManagerTimeItem['weekday'],
    startTime: timeOfMinute(window.startMinute),
    endTime: timeOfMinute(window.endMinute),
    channels: window.channels as CareManagerTimeItem['channels'],
    notes: window.notes ?? '',
  }));
  return { items, publicOnly: !professional, truncated: rows.length > CARE_MANAGER_TIME_LIMIT };
}
