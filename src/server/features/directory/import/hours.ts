// Opening hours as the files give them: per weekday start and end columns (`月_診療開始時間` …), and
// 医療情報ネット's `*_speciality_hours` file with one row per department and time band, joined to its
// facility by `ID`. Hours are kept as one readable line per point: 「月 09:00-12:00, 14:00-18:00 / 火 …」.
import { weekdays } from '../../../../shared/directory';
import { normalizeHeader } from './row';

export const DAY_NAMES = weekdays.map((day) => day.ja); // 月 … 日, 祝

/** 「9:00」「０９：００」「0900」 → 09:00; 「24」 → 24:00; other words (「日没」) as written. */
export function timeText(text: string): string | null {
  const normal = text.normalize('NFKC').trim();
  if (normal === '' || /^[-ー－]$/.test(normal)) return null;
  const match = /^(\d{1,2})(?::?(\d{2}))?$/.exec(normal) ?? /^(\d{1,2})時(?:(\d{1,2})分)?$/.exec(normal);
  if (!match) return normal;
  return `${(match[1] ?? '').padStart(2, '0')}:${(match[2] ?? '00').padStart(2, '0')}`;
}

/** Time bands by weekday index (0 = 月 … 7 = 祝). */
export class Bands {
  private readonly byDay = new Map<number, Set<string>>();

  add(day: number, start: string | null, end: string | null): void {
    if (start === null && end === null) return;
    const band = `${start ?? ''}-${end ?? ''}`;
    const set = this.byDay.get(day) ?? new Set<string>();
    set.add(band);
    this.byDay.set(day, set);
  }

  get empty(): boolean {
    return this.byDay.size === 0;
  }

  /** Open days as the directory's bit set (月 = bit 0 … 祝 = bit 7). */
  weekdayBits(): number {
    let bits = 0;
    for (const day of this.byDay.keys()) bits |= 1 << day;
    return bits;
  }

  text(): string | null {
    if (this.empty) return null;
    return [...this.byDay.keys()]
      .sort((a, b) => a - b)
      .map((day) => `${DAY_NAMES[day]} ${[...(this.byDay.get(day) ?? [])].sort().join(', ')}`)
      .join(' / ');
  }
}

export type DayColumns = { day: number; start: string; end: string };

/**
 * Start and end columns per weekday, found by name: `<曜>_<what>開始時間` paired with
 * `<曜>_<what>終了時間` (`what` 「診療」 in speciality_hours; the pharmacy file's names are unverified,
 * so any pair of that shape is taken). Names are returned as the header writes them.
 */
export function dayColumns(header: readonly string[], what = ''): DayColumns[] {
  const normal = new Set(header.map(normalizeHeader));
  const found: DayColumns[] = [];
  for (const name of normal) {
    const match = /^(.)(?:曜日?)?_(.*)開始時間$/.exec(name);
    const day = match ? DAY_NAMES.indexOf(match[1] as (typeof DAY_NAMES)[number]) : -1;
    if (!match || day < 0 || !(match[2] ?? '').startsWith(what)) continue;
    const end = name.replace(/開始時間$/, '終了時間');
    if (normal.has(end)) found.push({ day, start: name, end });
  }
  return found;
}

/** One facility's departments and hours, gathered from all its rows in a speciality_hours file. */
export type FacilityHours = { line: number; raw: string; departments: Set<string>; bands: Bands };

export class HoursByFacility {
  private readonly byId = new Map<string, FacilityHours>();

  add(id: string, line: number, raw: string, department: string | null): Bands {
    let entry = this.byId.get(id);
    if (!entry) {
      entry = { line, raw, departments: new Set(), bands: new Bands() };
      this.byId.set(id, entry);
    }
    if (department) entry.departments.add(department);
    return entry.bands;
  }

  get size(): number {
    return this.byId.size;
  }

  entries(): IterableIterator<[string, FacilityHours]> {
    return this.byId.entries();
  }
}
