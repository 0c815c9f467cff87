// Deadlines as the rule counts days: calendar days, or business days — not Saturdays, Sundays,
// public holidays (@holiday-jp/holiday_jp, which follows the law's changes) or the city's year-end
// closure (年末年始). Dates are calendar dates in Japan (YYYY-MM-DD), never instants.
import holidayJp from '@holiday-jp/holiday_jp';
import { addCalendarDays } from '../../../shared/dates';
import type { RuleParameters } from '../../../shared/schemas/admission-rule';

type Counting = Pick<RuleParameters, 'dayCounting' | 'yearEndClosure'>;

function inClosure(date: string, closure: Counting['yearEndClosure']): boolean {
  if (!closure) return false;
  const monthDay = date.slice(5);
  // 12-29 … 01-03 wraps around the new year; 08-13 … 08-16 does not.
  return closure.from <= closure.to
    ? monthDay >= closure.from && monthDay <= closure.to
    : monthDay >= closure.from || monthDay <= closure.to;
}

/** Whether no business is done on the date (weekend, public holiday, year-end closure). */
export function isDayOff(date: string, counting: Counting): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (
    weekday === 0 || weekday === 6 || date in holidayJp.holidays || inClosure(date, counting.yearEndClosure)
  );
}

/**
 * The day `days` after `from` as the rule counts (`from` itself not counted): for business days the
 * `days`-th business day after it; with 0, `from` itself or, on a day off, the next business day.
 * Negative `days` count backwards the same way (a deadline before a date).
 */
export function addRuleDays(from: string, days: number, counting: Counting): string {
  return countRuleDays(from, Math.abs(days), days < 0 ? -1 : 1, counting);
}

/**
 * The deadline `days` before `date` as the rule counts: with 0 and `date` a day off, the business day
 * before it (a notice due "0 days before" a Sunday discharge is due on the Friday).
 */
export function ruleDaysBefore(date: string, days: number, counting: Counting): string {
  return countRuleDays(date, days, -1, counting);
}

function countRuleDays(from: string, days: number, step: 1 | -1, counting: Counting): string {
  if (counting.dayCounting === 'calendar') return addCalendarDays(from, step * days);
  let date = from;
  let left = days;
  if (left === 0) {
    while (isDayOff(date, counting)) date = addCalendarDays(date, step);
    return date;
  }
  while (left > 0) {
    date = addCalendarDays(date, step);
    if (!isDayOff(date, counting)) left--;
  }
  return date;
}
