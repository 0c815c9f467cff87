// Date display in 和暦 (Japanese era) or 西暦 (Gregorian), from the platform's Intl data: no era table
// of our own to keep up to date.
export type CalendarStyle = 'wareki' | 'seireki';

const TIME_ZONE = 'Asia/Tokyo';

const warekiDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TIME_ZONE,
});
const seirekiDate = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TIME_ZONE,
});
const time = new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });

function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  // A bare YYYY-MM-DD is a calendar date in Japan, not midnight UTC.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
}

/** 令和7年11月25日 (wareki) or 2025年11月25日 (seireki); the first year of an era reads 元年. */
export function formatDate(value: Date | string, style: CalendarStyle = 'wareki'): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  if (style === 'seireki') return seirekiDate.format(date);
  return warekiDate.format(date).replace(/^(\D+)1年/, '$1元年');
}

/** Both calendars, as forms and official letters in Japan often show them. */
export function formatDateBoth(value: Date | string): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${formatDate(date, 'wareki')}（${formatDate(date, 'seireki').replace(/年.*$/, '年')}）`;
}

export function formatDateTime(value: Date | string, style: CalendarStyle = 'wareki'): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${formatDate(date, style)} ${time.format(date)}`;
}

/** Time of day only, for messages such as 「10:45 まで」. */
export function formatTime(value: Date | string): string {
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? '' : time.format(date);
}

const isoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });

/** The calendar day of an instant in Japan, as YYYY-MM-DD. */
export function dayInJapan(instant: Date): string {
  return isoDay.format(instant);
}

const isoTime = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** The time of day of an instant in Japan, as HH:MM (what a time field holds). */
export function clockInJapan(instant: Date): string {
  return isoTime.format(instant);
}

/** A date and time of day in Japan as an instant (ISO 8601 with the offset). */
export const instantInJapan = (date: string, time: string) => `${date}T${time}:00+09:00`;

/** Today in Japan as YYYY-MM-DD (forms compare calendar dates, not instants). */
export function todayInJapan(now: Date = new Date()): string {
  return dayInJapan(now);
}

/** Full years of age on a day (today in Japan by default), from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, day: string = todayInJapan()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The same calendar day `years` later (or earlier) — 29 February becomes the 28th in other years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** The date `days` calendar days after (or, negative, before) `date`. */
export const addCalendarDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
