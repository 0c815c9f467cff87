import { describe, expect, it } from 'vitest';
import {
  findWindowClashes,
  keepsCareManagerTime,
  minuteOfTime,
  normaliseTime,
  timeOfMinute,
  weekdayLabel,
} from './care-manager-time';

describe('ケアマネタイム rules', () => {
  it('turns times into minutes and back', () => {
    expect(minuteOfTime('13:30')).toBe(810);
    expect(minuteOfTime('24:00')).toBe(1440);
    expect(timeOfMinute(810)).toBe('13:30');
    expect(timeOfMinute(5)).toBe('00:05');
  });

  it('finds overlapping windows of the same physician and weekday, however the name is spaced', () => {
    const clashes = findWindowClashes([
      { physicianName: '桜井 一郎', weekday: 'tue', startTime: '13:00', endTime: '14:00' },
      { physicianName: '桜井　一郎', weekday: 'tue', startTime: '13:30', endTime: '15:00' },
      { physicianName: '桜井 一郎', weekday: 'tue', startTime: '14:00', endTime: '15:00' }, // overlaps the 2nd only
      { physicianName: '桜井 花子', weekday: 'tue', startTime: '13:00', endTime: '14:00' },
      { physicianName: '桜井 一郎', weekday: 'wed', startTime: '13:00', endTime: '14:00' },
      { physicianName: '', weekday: 'holiday', startTime: '09:00', endTime: '10:00' },
      { physicianName: ' ', weekday: 'holiday', startTime: '09:30', endTime: '09:45' },
    ]);
    expect(clashes.map((clash) => [clash.first, clash.second])).toEqual([
      [0, 1],
      [1, 2],
      [5, 6],
    ]);
    expect(clashes[0]?.message).toMatch(
      /^桜井 一郎 医師の火曜 13:00〜14:00 と 13:30〜15:00 が重なっています/,
    );
    expect(clashes[2]?.message).toMatch(/^医療機関全体の祝日 09:00〜10:00/);
  });

  it('knows which kinds keep ケアマネタイム and names weekdays', () => {
    expect(keepsCareManagerTime('clinic')).toBe(true);
    expect(keepsCareManagerTime('pharmacy')).toBe(false);
    expect(weekdayLabel('sat')).toBe('土曜');
    expect(weekdayLabel('holiday')).toBe('祝日');
  });
});

describe('times as people type them', () => {
  it('reads 9:30, full-width digits, 13時30分, 13時半, 13時 and 1330', () => {
    expect(normaliseTime('9:30')).toBe('09:30');
    expect(normaliseTime('９：３０')).toBe('09:30');
    expect(normaliseTime('13時30分')).toBe('13:30');
    expect(normaliseTime('13時半')).toBe('13:30');
    expect(normaliseTime('13時')).toBe('13:00');
    expect(normaliseTime('1330')).toBe('13:30');
    expect(normaliseTime('13')).toBe('13:00');
    expect(normaliseTime(' 13:30 ')).toBe('13:30');
    expect(normaliseTime('午後1時')).toBe('午後1時');
    expect(normaliseTime('930')).toBe('930');
  });
});
