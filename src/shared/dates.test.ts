import { describe, expect, it } from 'vitest';
import { formatDate, formatDateBoth, formatDateTime, formatTime } from './dates';

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
