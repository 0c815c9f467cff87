// 和暦 entry: a date typed as era, year, month and day (as on a 保険証) read as YYYY-MM-DD. Apart
// from dates.ts so that pages which only show dates do not carry it.
import { dayInJapan } from './dates';

const eraParts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: 'Asia/Tokyo',
});

/** The era and year of the era a YYYY-MM-DD date is written with (1 for the year ICU writes 元). */
export function warekiYearOf(iso: string): { era: string; eraYear: number } {
  const parts = eraParts.formatToParts(new Date(`${iso}T12:00:00+09:00`));
  const yearText = parts.find((part) => part.type === 'year')?.value;
  return {
    era: parts.find((part) => part.type === 'era')?.value ?? '',
    eraYear: yearText === '元' ? 1 : Number(yearText),
  };
}

/** The eras a birth date of someone alive today is written in, oldest first. */
export const recentEras = ['明治', '大正', '昭和', '平成', '令和'] as const;

/**
 * A 和暦 date (era, year of the era, month, day) as YYYY-MM-DD, or null when there is no such date
 * (昭和65年, 平成31年5月1日 …). Found through Intl's own era data: the Gregorian year whose date
 * reads as that era and year.
 */
export function fromWareki(era: string, eraYear: number, month: number, day: number): string | null {
  if (![eraYear, month, day].every(Number.isInteger) || eraYear < 1 || month < 1 || month > 12) return null;
  for (let year = 1868; year <= new Date().getFullYear() + 1; year++) {
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const date = new Date(`${iso}T12:00:00+09:00`);
    if (Number.isNaN(date.getTime()) || !dayInJapan(date).startsWith(iso)) return null;
    const read = warekiYearOf(iso);
    if (read.era === era && read.eraYear === eraYear) return iso;
  }
  return null;
}
