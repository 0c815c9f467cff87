// The resource directory's vocabulary (在宅医療・介護資源): service kinds, capabilities, accepted medical
// procedures, contact channels and weekdays. Data, not code: a file may bring a service code this list
// does not know; it is kept with the name the file gives (see `serviceKindOf`). The lists live in
// directory-codes.ts (no Zod, for the web client); this module adds their schemas and re-exports them.
import { z } from 'zod';
import { capabilities, contactChannels, procedures, serviceGroups, weekdays } from './directory-codes';
import { codesOf } from './labelled';

export * from './directory-codes';

export const capabilitySchema = z.enum(codesOf(capabilities), { error: '対応内容の指定が正しくありません' });
export const procedureSchema = z.enum(codesOf(procedures), { error: '医療的ケアの指定が正しくありません' });
export const weekdaySchema = z.enum(codesOf(weekdays), { error: '曜日の指定が正しくありません' });
export const contactChannelSchema = z.enum(codesOf(contactChannels), {
  error: '連絡方法の指定が正しくありません',
});
export const serviceGroupSchema = z.enum(codesOf(serviceGroups), { error: '分類の指定が正しくありません' });

export type Capability = z.infer<typeof capabilitySchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type Weekday = z.infer<typeof weekdaySchema>;
export type ContactChannel = z.infer<typeof contactChannelSchema>;

/** Open days as a bit set (月 = bit 0 … 日 = bit 6, 祝 = bit 7): one integer the database can filter on. */
export function weekdayBits(days: readonly Weekday[]): number {
  return days.reduce((bits, day) => bits | (1 << weekdays.findIndex((w) => w.code === day)), 0);
}

export function weekdaysOfBits(bits: number): Weekday[] {
  return weekdays.filter((_, i) => (bits & (1 << i)) !== 0).map((w) => w.code);
}

/** 「月火水木金」「月～金」「月・水・金」 and the like, as written in the open-data files. */
export function parseWeekdays(text: string): Weekday[] {
  const normal = text
    .normalize('NFKC')
    .replace(/祝祭日|祝日/g, '祝')
    .replace(/平日/g, '月-金')
    .replace(/毎日|年中無休/g, '月-日祝');
  const found = new Set<number>();
  const names: string[] = weekdays.map((w) => w.ja);
  const range = /([月火水木金土日])[~〜～\-ー－]([月火水木金土日])/g;
  for (const match of normal.matchAll(range)) {
    const from = names.indexOf(match[1] as string);
    const to = names.indexOf(match[2] as string);
    for (let i = from; i <= (to >= from ? to : to + 7); i++) found.add(i % 7);
  }
  names.forEach((name, i) => {
    if (normal.includes(name)) found.add(i);
  });
  return weekdays.filter((_, i) => found.has(i)).map((w) => w.code);
}
