// What a results page shows of each entry, kept beside the index column by column, so a search reads
// nothing from the database (on PGlite every query runs on the server's own thread and costs more
// than the search itself). Repeated values — kinds, areas, lists of procedures — are stored once.
// About 150 MB at national scale; kept current with the index (live-index.ts).
import type { SummaryRow } from './summaries';

const EMPTY: readonly string[] = Object.freeze([]);

/** One copy of each distinct value. */
class Interned<T> {
  private readonly values = new Map<string, T>();
  of(key: string, make: () => T): T {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make();
      this.values.set(key, value);
    }
    return value;
  }
}

const time = (value: Date | string | null) => (value === null ? Number.NaN : new Date(value).getTime());
const dateOf = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms));

export class PageRowsBuilder {
  readonly names: string[] = [];
  readonly kanas: string[] = [];
  readonly serviceCodes: string[] = [];
  readonly serviceNames: (string | null)[] = [];
  readonly addresses: string[] = [];
  readonly buildings: (string | null)[] = [];
  readonly phones: (string | null)[] = [];
  readonly faxes: (string | null)[] = [];
  readonly areaIds: (string | null)[] = [];
  readonly capabilities: (readonly string[])[] = [];
  readonly procedures: (readonly string[])[] = [];
  readonly openWeekdays: number[] = [];
  readonly vacancies: number[] = [];
  readonly vacancyTimes: number[] = [];
  readonly updatedTimes: number[] = [];
  private readonly strings = new Interned<string>();
  private readonly lists = new Interned<readonly string[]>();

  private text(value: string | null): string | null {
    return value === null ? null : this.strings.of(value, () => value);
  }

  private list(values: string[]): readonly string[] {
    return values.length === 0 ? EMPTY : this.lists.of(values.join('\u0000'), () => Object.freeze(values));
  }

  add(row: SummaryRow): void {
    this.names.push(row.name);
    this.kanas.push(row.kana);
    this.serviceCodes.push(this.text(row.service_code) as string);
    this.serviceNames.push(this.text(row.service_name));
    this.addresses.push(row.address);
    this.buildings.push(row.building);
    this.phones.push(row.phone);
    this.faxes.push(row.fax);
    this.areaIds.push(this.text(row.area_id));
    this.capabilities.push(this.list(row.capabilities));
    this.procedures.push(this.list(row.procedures));
    this.openWeekdays.push(row.open_weekdays);
    this.vacancies.push(row.vacancy ?? -1);
    this.vacancyTimes.push(time(row.vacancy_updated_at));
    this.updatedTimes.push(time(row.updated_on));
  }

  /** A copy of the columns to be filled in the snapshot's order, one source row at a time. */
  inOrder(count: number): { take: (row: number) => void; finish: () => PageRows } {
    const target = {
      names: [] as string[],
      kanas: [] as string[],
      serviceCodes: [] as string[],
      serviceNames: [] as (string | null)[],
      addresses: [] as string[],
      buildings: [] as (string | null)[],
      phones: [] as (string | null)[],
      faxes: [] as (string | null)[],
      areaIds: [] as (string | null)[],
      capabilities: [] as (readonly string[])[],
      procedures: [] as (readonly string[])[],
      openWeekdays: new Uint8Array(count),
      vacancies: new Int32Array(count),
      vacancyTimes: new Float64Array(count),
      updatedTimes: new Float64Array(count),
    };
    let n = 0;
    const take = (row: number) => {
      target.names.push(this.names[row] as string);
      target.kanas.push(this.kanas[row] as string);
      target.serviceCodes.push(this.serviceCodes[row] as string);
      target.serviceNames.push(this.serviceNames[row] ?? null);
      target.addresses.push(this.addresses[row] as string);
      target.buildings.push(this.buildings[row] ?? null);
      target.phones.push(this.phones[row] ?? null);
      target.faxes.push(this.faxes[row] ?? null);
      target.areaIds.push(this.areaIds[row] ?? null);
      target.capabilities.push(this.capabilities[row] ?? EMPTY);
      target.procedures.push(this.procedures[row] ?? EMPTY);
      target.openWeekdays[n] = this.openWeekdays[row] as number;
      target.vacancies[n] = this.vacancies[row] as number;
      target.vacancyTimes[n] = this.vacancyTimes[row] as number;
      target.updatedTimes[n] = this.updatedTimes[row] as number;
      n++;
    };
    return { take, finish: () => target };
  }
}

export type PageRows = {
  names: string[];
  kanas: string[];
  serviceCodes: string[];
  serviceNames: (string | null)[];
  addresses: string[];
  buildings: (string | null)[];
  phones: (string | null)[];
  faxes: (string | null)[];
  areaIds: (string | null)[];
  capabilities: (readonly string[])[];
  procedures: (readonly string[])[];
  openWeekdays: Uint8Array;
  vacancies: Int32Array;
  vacancyTimes: Float64Array;
  updatedTimes: Float64Array;
};

/** Entry `n` as the row the page is made from. */
export function pageRowOf(
  rows: PageRows,
  n: number,
  id: string,
  latitude: number,
  longitude: number,
): SummaryRow {
  const vacancy = rows.vacancies[n] as number;
  return {
    id,
    name: rows.names[n] as string,
    kana: rows.kanas[n] as string,
    service_code: rows.serviceCodes[n] as string,
    service_name: rows.serviceNames[n] ?? null,
    address: rows.addresses[n] as string,
    building: rows.buildings[n] ?? null,
    phone: rows.phones[n] ?? null,
    fax: rows.faxes[n] ?? null,
    latitude: Number.isNaN(latitude) ? null : latitude,
    longitude: Number.isNaN(longitude) ? null : longitude,
    area_id: rows.areaIds[n] ?? null,
    capabilities: [...(rows.capabilities[n] ?? EMPTY)],
    procedures: [...(rows.procedures[n] ?? EMPTY)],
    open_weekdays: rows.openWeekdays[n] as number,
    vacancy: vacancy < 0 ? null : vacancy,
    vacancy_updated_at: dateOf(rows.vacancyTimes[n] as number),
    updated_on: dateOf(rows.updatedTimes[n] as number),
  };
}
