// Loads the demo city's directory entries and ケアマネタイム (see service-points.ts).
import { weekdayBits } from '../../shared/directory';
import type { Tx } from '../db/client';
import { careManagerTimes } from '../db/schema';
import { insertServicePoint } from '../features/directory/service-points';
import { demoCity } from './organisations';
import { demoCareManagerTimes, demoCityCentre, demoServicePoints } from './service-points';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export async function seedDemoDirectory(
  tx: Tx,
  orgIds: Map<string, string>,
  areaIds: Map<string, string>,
): Promise<number> {
  const pointIds = new Map<string, string>();
  for (const [i, p] of demoServicePoints.entries()) {
    const maintainedAt = p.confirmedDaysAgo === undefined ? null : daysAgo(p.confirmedDaysAgo);
    const row = await insertServicePoint(tx, {
      organisationId: p.organisation ? (orgIds.get(p.organisation) ?? null) : null,
      identityScheme: p.scheme,
      officialCode: p.code,
      serviceCode: p.service,
      name: p.name,
      kana: p.kana,
      municipalityCode: demoCity.municipalityCode,
      prefecture: demoCity.prefectureName,
      municipality: 'みらい市',
      address: `${demoCity.prefectureName}みらい市${p.town}`,
      areaId: areaIds.get(p.area) ?? null,
      latitude: demoCityCentre.lat + p.at[0] / 1000,
      longitude: demoCityCentre.lon + p.at[1] / 1000,
      phone: `099-100-${String(2000 + i)}`,
      fax: `099-100-${String(3000 + i)}`,
      openWeekdays: weekdayBits(p.days),
      capacity: p.capacity ?? null,
      capabilities: p.capabilities ?? [],
      procedures: p.procedures ?? [],
      vacancy: p.vacancy ?? null,
      vacancyUpdatedAt: p.vacancy === undefined ? null : maintainedAt,
      careManagerTimePublic: p.careManagerTimePublic ?? false,
      maintainedAt,
      importedAt: daysAgo(120),
    });
    pointIds.set(p.code, row.id);
  }
  await tx.insert(careManagerTimes).values(
    demoCareManagerTimes.map(([code, physicianName, weekday, start, end, channels, notes], sortOrder) => ({
      servicePointId: pointIds.get(code) ?? '',
      physicianName,
      weekday,
      startMinute: minuteOf(start),
      endMinute: minuteOf(end),
      channels: [...channels],
      notes,
      sortOrder,
    })),
  );
  return pointIds.size;
}
