// The printed form of ケアマネタイム: one row per clinic and physician, one column per weekday, each
// cell the windows of that day. Pure, so it is tested on its own.
import { weekdays } from '../../../../shared/directory-codes';
import type { CareManagerTimeItem } from '../../../../shared/schemas/directory-maintenance';

type Weekday = CareManagerTimeItem['weekday'];

export type WeeklyRow = {
  key: string;
  pointId: string;
  pointName: string;
  phone: string | null;
  fax: string | null;
  physicianName: string;
  cells: Partial<Record<Weekday, CareManagerTimeItem[]>>;
};

/** Rows in the order the search gave (clinic by 五十音, then physician), windows by weekday and time. */
export function weeklyRows(items: readonly CareManagerTimeItem[]): WeeklyRow[] {
  const rows = new Map<string, WeeklyRow>();
  for (const item of items) {
    const key = `${item.pointId}\u0000${item.physicianName.normalize('NFKC').replace(/\s+/g, '')}`;
    let row = rows.get(key);
    if (!row) {
      row = { key, ...item, cells: {} };
      rows.set(key, row);
    }
    const cell = row.cells[item.weekday] ?? [];
    cell.push(item);
    row.cells[item.weekday] = cell;
  }
  for (const row of rows.values())
    for (const cell of Object.values(row.cells)) cell?.sort((a, b) => a.startTime.localeCompare(b.startTime));
  return [...rows.values()];
}

/** 月〜金 always (the form people know); 土・日・祝 only when some window falls on them. */
export function weeklyColumns(rows: readonly WeeklyRow[]): Weekday[] {
  const weekend: Weekday[] = ['sat', 'sun', 'holiday'];
  return weekdays
    .map((day) => day.code)
    .filter((day) => !weekend.includes(day) || rows.some((row) => (row.cells[day]?.length ?? 0) > 0));
}
