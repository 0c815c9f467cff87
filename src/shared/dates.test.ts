import { describe, expect, it } from 'vitest';
import { formatDate, formatDateBoth, formatDateTime, formatTime, todayInJapan } from './dates';
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
