// ケアマネタイム as pure rules: times of day as minutes, which kinds of service point keep one, and
// the one check a clinic's weekly windows must pass besides their fields (no two windows of the same
// physician on the same weekday may overlap). Used by the server and by the editor in the browser.
import { weekdays } from './directory-codes';

type Weekday = (typeof weekdays)[number]['code'];

/** Service kinds whose physicians keep ケアマネタイム (取組8). */
export const careManagerTimeKinds: readonly string[] = ['hospital', 'clinic', 'dental_clinic'];

export const keepsCareManagerTime = (serviceCode: string) => careManagerTimeKinds.includes(serviceCode);

/** 「13:30」 → 810. Times are validated as HH:MM before they get here. */
export function minuteOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * A time as people type it → 「HH:MM」: 「9:30」, 「９：３０」, 「13時30分」, 「13時」 and 「1330」 all
 * work; anything else is returned as typed, for the schema to explain.
 */
export function normaliseTime(typed: string): string {
  const text = typed.normalize('NFKC').trim().replace(/時半$/, ':30').replace(/時/, ':').replace(/分$/, '');
  const match = /^(\d{1,2}):?(\d{2})?$/.exec(text.endsWith(':') ? `${text}00` : text);
  if (!match) return typed.trim();
  const [, hours = '', minutes = '00'] = match;
  if (hours.length === 1 && !text.includes(':') && match[2] !== undefined) return typed.trim();
  return `${hours.padStart(2, '0')}:${minutes}`;
}

/** 810 → 「13:30」. */
export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export type WindowTimes = { physicianName: string; weekday: Weekday; startTime: string; endTime: string };

export type WindowClash = { first: number; second: number; message: string };

/** The same physician however the name was spaced or typed (全角/半角). */
const physicianKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

const physicianLabel = (name: string) => (name.trim() ? `${name.trim()} 医師` : '医療機関全体');

/** 「火曜」, and 「祝日」 for public holidays. */
export const weekdayLabel = (day: Weekday) =>
  day === 'holiday' ? '祝日' : `${weekdays.find((w) => w.code === day)?.ja ?? day}曜`;

/**
 * Pairs of windows (by index) of the same physician and weekday whose times overlap, each with a
 * message naming both. Touching windows (13:00–14:00 and 14:00–15:00) do not overlap.
 */
export function findWindowClashes(windows: readonly WindowTimes[]): WindowClash[] {
  const clashes: WindowClash[] = [];
  windows.forEach((a, i) => {
    for (let j = i + 1; j < windows.length; j++) {
      const b = windows[j] as WindowTimes;
      if (a.weekday !== b.weekday || physicianKey(a.physicianName) !== physicianKey(b.physicianName))
        continue;
      const overlap =
        minuteOfTime(a.startTime) < minuteOfTime(b.endTime) &&
        minuteOfTime(b.startTime) < minuteOfTime(a.endTime);
      if (!overlap) continue;
      clashes.push({
        first: i,
        second: j,
        message:
          `${physicianLabel(a.physicianName)}の${weekdayLabel(a.weekday)} ` +
          `${a.startTime}〜${a.endTime} と ${b.startTime}〜${b.endTime} が重なっています。` +
          'どちらかの時間を変えるか、1つにまとめてください',
      });
    }
  });
  return clashes;
}
