// The rows a search page shows, read by id once the index has chosen them, and their public shape.
import { sql } from 'drizzle-orm';
import { serviceKindOf, weekdaysOfBits } from '../../../../shared/directory';
import type { ServicePointSummary } from '../../../../shared/schemas/directory';
import type { DbOrTx } from '../../../db/client';
import { servicePoints } from '../../../db/schema';

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

/** The page's rows: one prepared statement per database, parsed and planned once per connection. */
const prepared = new WeakMap<DbOrTx, ReturnType<typeof prepareSummaries>>();

function prepareSummaries(db: DbOrTx) {
  const p = servicePoints;
  return db
    .select({
      id: p.id,
      name: p.name,
      kana: p.kana,
      service_code: p.serviceCode,
      service_name: p.serviceName,
      address: p.address,
      building: p.building,
      phone: p.phone,
      fax: p.fax,
      latitude: p.latitude,
      longitude: p.longitude,
      area_id: p.areaId,
      capabilities: p.capabilities,
      procedures: p.procedures,
      open_weekdays: p.openWeekdays,
      vacancy: p.vacancy,
      vacancy_updated_at: p.vacancyUpdatedAt,
      updated_on: sql<Date | null>`coalesce(${p.maintainedAt}, ${p.importedAt})`,
    })
    .from(p)
    .where(sql`${p.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
    .prepare('directory_search_summaries');
}

/** The rows of these ids, in the order given (an id withdrawn since the index chose it is left out). */
export async function summaryRows(db: DbOrTx, ids: string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  let statement = prepared.get(db);
  if (!statement) {
    statement = prepareSummaries(db);
    prepared.set(db, statement);
  }
  const rows: SummaryRow[] = await statement.execute({ ids: `{${ids.join(',')}}` });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
