import { describe, expect, it } from 'vitest';
import type { CareManagerTimeItem } from '../../../../shared/schemas/directory-maintenance';
import { weeklyColumns, weeklyRows } from './weekly-table';

const item = (over: Partial<CareManagerTimeItem>): CareManagerTimeItem => ({
  pointId: 'a',
  pointName: 'さくら在宅クリニック',
  address: '',
  phone: null,
  fax: null,
  physicianName: '桜井 一郎',
  weekday: 'tue',
  startTime: '13:00',
  endTime: '14:00',
  channels: ['phone'],
  notes: '',
  ...over,
});

describe('ケアマネタイム weekly table', () => {
  it('makes one row per clinic and physician, windows in their weekday by time', () => {
    const rows = weeklyRows([
      item({ startTime: '17:00', endTime: '18:00' }),
      item({ physicianName: '桜井　一郎', startTime: '09:00', endTime: '10:00' }),
      item({ physicianName: '桜井 花子', weekday: 'thu' }),
      item({ pointId: 'b', pointName: 'あおば内科クリニック', physicianName: '', weekday: 'wed' }),
    ]);
    expect(rows.map((row) => `${row.pointName}/${row.physicianName}`)).toEqual([
      'さくら在宅クリニック/桜井 一郎',
      'さくら在宅クリニック/桜井 花子',
      'あおば内科クリニック/',
    ]);
    expect(rows[0]?.cells.tue?.map((w) => w.startTime)).toEqual(['09:00', '17:00']);
  });

  it('shows 月〜金 always and the weekend or holidays only when used', () => {
    expect(weeklyColumns(weeklyRows([item({})]))).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(weeklyColumns(weeklyRows([item({ weekday: 'holiday' })]))).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'holiday',
    ]);
  });
});
