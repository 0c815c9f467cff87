// What a results page shows of a service point, as the database reads it, and its public shape.
import { serviceKindOf, weekdaysOfBits } from '../../../../shared/directory';
import type { ServicePointSummary } from '../../../../shared/schemas/directory';

export type SummaryRow = {
  id: string;
  name: string;
  kana: string;
  service_code: string;
  service_name: string | null;
  address: string;
  building: string | null;
  phone: string | null;
  fax: string | null;
  latitude: number | null;
  longitude: number | null;
  area_id: string | null;
  capabilities: string[];
  procedures: string[];
  open_weekdays: number;
  vacancy: number | null;
  vacancy_updated_at: Date | string | null;
  updated_on: Date | string | null;
};

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toSummary(
  row: SummaryRow,
  staleAfterDays: number,
  distanceKm: number | null = null,
): ServicePointSummary {
  const updatedOn = isoOrNull(row.updated_on);
  const staleBefore = Date.now() - staleAfterDays * 86_400_000;
  return {
    id: row.id,
    name: row.name,
    kana: row.kana,
    serviceCode: row.service_code,
    serviceName: serviceKindOf(row.service_code, row.service_name).ja,
    address: row.address,
    building: row.building,
    phone: row.phone,
    fax: row.fax,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    areaId: row.area_id,
    capabilities: row.capabilities,
    procedures: row.procedures,
    openWeekdays: weekdaysOfBits(row.open_weekdays),
    vacancy: row.vacancy,
    vacancyUpdatedAt: isoOrNull(row.vacancy_updated_at),
    updatedOn,
    stale: updatedOn === null || Date.parse(updatedOn) < staleBefore,
    distanceKm,
  };
}
