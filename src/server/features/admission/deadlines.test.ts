// Deadlines in calendar and business days: weekends, public holidays (incl. substitute holidays) and
// a year-end closure that wraps around the new year; the fees the admission information earns by them.
import { describe, expect, it } from 'vitest';
import { demoRule } from '../../demo/admission-rule';
import { addRuleDays, isDayOff, ruleDaysBefore } from './deadlines';
import { feesOf } from './episodes';

const business = { dayCounting: 'business' as const, yearEndClosure: { from: '12-29', to: '01-03' } };
const calendar = { dayCounting: 'calendar' as const, yearEndClosure: null };

describe('rule days', () => {
  it('counts calendar days as they are', () => {
    expect(addRuleDays('2026-12-28', 7, calendar)).toBe('2027-01-04');
    expect(addRuleDays('2026-03-01', -3, calendar)).toBe('2026-02-26');
  });

  it('skips weekends, public holidays and the year-end closure for business days', () => {
    // Fri 2026-12-25 + 3: Mon 28, (29–3 closed), Mon 2027-01-04, Tue 05.
    expect(addRuleDays('2026-12-25', 3, business)).toBe('2027-01-05');
    // 2026-11-03 (文化の日, Tue): from Mon 2 one business day is Wed 4.
    expect(addRuleDays('2026-11-02', 1, business)).toBe('2026-11-04');
    // 2027-01-11 is 成人の日: from Fri 8, one business day is Tue 12.
    expect(addRuleDays('2027-01-08', 1, business)).toBe('2027-01-12');
    expect(isDayOff('2026-05-06', business)).toBe(true); // 振替休日
    expect(isDayOff('2026-12-31', business)).toBe(true);
    expect(isDayOff('2026-12-28', business)).toBe(false);
  });

  it('counts backwards for a deadline before a date, and 0 moves off a day off', () => {
    // Three business days before Tue 2027-01-05: Mon 4, then 28 Dec (Mon), Fri 25 Dec.
    expect(addRuleDays('2027-01-05', -3, business)).toBe('2026-12-25');
    expect(addRuleDays('2026-12-30', 0, business)).toBe('2027-01-04');
    expect(addRuleDays('2026-12-28', 0, business)).toBe('2026-12-28');
  });

  it('takes a closure that does not wrap, and none at all', () => {
    const obon = { dayCounting: 'business' as const, yearEndClosure: { from: '08-13', to: '08-16' } };
    expect(isDayOff('2027-08-13', obon)).toBe(true);
    expect(isDayOff('2027-12-30', obon)).toBe(false);
    expect(isDayOff('2026-12-30', { dayCounting: 'business', yearEndClosure: null })).toBe(false);
  });
});

describe('deadlines before a date', () => {
  it('counts back, and with 0 days before a day off takes the business day before it', () => {
    expect(ruleDaysBefore('2026-12-10', 3, business)).toBe('2026-12-07');
    expect(ruleDaysBefore('2026-12-06', 0, business)).toBe('2026-12-04');
    expect(ruleDaysBefore('2026-12-06', 0, calendar)).toBe('2026-12-06');
  });
});

describe('fees of the admission information', () => {
  const earned = (doneOn: string | null) =>
    feesOf({ step: 'admission_info', doneOn }, '2026-11-20', demoRule.parameters).find((fee) => fee.earned)
      ?.label ?? null;

  it('earns (I) on the admission day, (II) within two business days (a holiday skipped), nothing after', () => {
    expect(earned('2026-11-20')).toBe('入院時情報連携加算(I)');
    expect(earned('2026-11-24')).toBe('入院時情報連携加算(II)');
    expect(earned('2026-11-25')).toBe('入院時情報連携加算(II)');
    expect(earned('2026-11-26')).toBeNull();
    expect(earned(null)).toBeNull();
    expect(feesOf({ step: 'conference', doneOn: null }, '2026-11-20', demoRule.parameters)).toEqual([]);
  });
});
