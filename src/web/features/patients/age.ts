import { todayInJapan } from '../../../shared/dates';

/** Full years of age on a day (today in Japan by default), from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, day: string = todayInJapan()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
