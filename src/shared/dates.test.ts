import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addYears,
  formatDate,
  formatDateBoth,
  formatDateTime,
  formatTime,
  todayInJapan,
} from './dates';
import { confirmationDueOn, confirmationTiming } from './schemas/emergency';
import { fromWareki } from './wareki';

describe('和暦 and 西暦 dates', () => {
  it('shows the era, with 元年 for the first year', () => {
    expect(formatDate('2025-05-01')).toBe('令和7年5月1日');
    expect(formatDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatDate('2019-04-30')).toBe('平成31年4月30日');
    expect(formatDate('1989-01-08')).toBe('平成元年1月8日');
  });

  it('shows 西暦 on request and both together', () => {
    expect(formatDate('2025-11-25', 'seireki')).toBe('2025年11月25日');
    expect(formatDateBoth('2025-11-25')).toBe('令和7年11月25日（2025年）');
  });

  it('uses Japan time, whatever the server’s zone', () => {
    expect(formatDateTime('2025-11-24T15:30:00Z')).toBe('令和7年11月25日 00:30');
    expect(formatTime('2025-11-24T15:30:00Z')).toBe('00:30');
  });

  it('returns an empty string for nonsense rather than "Invalid Date"', () => {
    expect(formatDate('not a date')).toBe('');
  });
});

describe('和暦 entry', () => {
  it('reads an era date as the Gregorian date, the eras changing on their own days', () => {
    expect(fromWareki('昭和', 17, 5, 3)).toBe('1942-05-03');
    expect(fromWareki('昭和', 64, 1, 7)).toBe('1989-01-07');
    expect(fromWareki('平成', 1, 1, 8)).toBe('1989-01-08');
    expect(fromWareki('平成', 31, 4, 30)).toBe('2019-04-30');
    expect(fromWareki('令和', 1, 5, 1)).toBe('2019-05-01');
    expect(fromWareki('大正', 15, 12, 24)).toBe('1926-12-24');
    expect(fromWareki('昭和', 1, 12, 25)).toBe('1926-12-25');
  });

  it('finds no date that the era never had, or that no calendar has', () => {
    expect(fromWareki('昭和', 64, 1, 8)).toBeNull();
    expect(fromWareki('平成', 31, 5, 1)).toBeNull();
    expect(fromWareki('昭和', 2, 2, 30)).toBeNull();
    expect(fromWareki('昭和', 0, 1, 1)).toBeNull();
    expect(fromWareki('昭和', 10, 13, 1)).toBeNull();
  });

  it('gives today as a calendar date in Japan', () => {
    expect(todayInJapan(new Date('2026-12-01T15:30:00Z'))).toBe('2026-12-02');
  });
});

describe('calendar arithmetic on YYYY-MM-DD', () => {
  it('moves by whole years, 29 February landing on the 28th outside leap years', () => {
    expect(addYears('2025-11-01', 1)).toBe('2026-11-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2027-01-15', -1)).toBe('2026-01-15');
    expect(confirmationDueOn('2025-12-31')).toBe('2026-12-31');
  });

  it('tells the yearly check due within 30 days, and overdue the day after its day', () => {
    const today = '2026-12-02';
    expect(confirmationTiming('2025-12-01', today)).toBe('overdue');
    expect(confirmationTiming('2025-12-02', today)).toBe('due_soon'); // due today
    expect(confirmationTiming('2026-01-01', today)).toBe('due_soon'); // due in 30 days
    expect(confirmationTiming('2026-01-02', today)).toBeNull();
    expect(confirmationTiming('2024-02-29', '2025-02-28')).toBe('due_soon');
    expect(confirmationTiming('2024-02-29', '2025-03-01')).toBe('overdue');
  });

  it('moves by calendar days across months and years', () => {
    expect(addCalendarDays('2026-12-02', 30)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
