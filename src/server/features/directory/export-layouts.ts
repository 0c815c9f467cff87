// The two first-generation layouts of the 自治体標準オープンデータセット the directory exports
// (data-formats.md §3): 医療機関一覧 (26 columns) and 介護サービス事業所一覧 (22 columns). Headers exactly
// as the layouts name them; one row per service point, from the stored fields.
import { serviceKindOf, weekdays, weekdaysOfBits } from '../../../shared/directory';
import type { DirectoryExportLayout } from '../../../shared/schemas/directory';
import type { ServicePointRow } from './service-points';

export const medicalHeader = [
  '都道府県コード又は市区町村コード',
  'NO',
  '都道府県名',
  '市区町村名',
  '名称',
  '名称_カナ',
  '医療機関の種類',
  '住所',
  '方書',
  '緯度',
  '経度',
  '電話番号',
  '内線番号',
  'FAX番号',
  '法人番号',
  '法人の名称',
  '医療機関コード',
  '診療曜日',
  '診療開始時間',
  '診療終了時間',
  '診療日時特記事項',
  '時間外における対応',
  '診療科目',
  '病床数',
  'URL',
  '備考',
] as const;

export const careHeader = [
  '都道府県コード又は市区町村コード',
  'NO',
  '都道府県名',
  '市区町村名',
  '介護サービス事業所名称',
  '介護サービス事業所名称_カナ',
  '実施サービス',
  '住所',
  '方書',
  '緯度',
  '経度',
  '電話番号',
  '内線番号',
  'FAX番号',
  '法人番号',
  '法人の名称',
  '事業所番号',
  '利用可能曜日',
  '利用可能曜日特記事項',
  '定員',
  'URL',
  '備考',
] as const;

type Cell = string;

const text = (value: string | null | undefined): Cell => value ?? '';
const number = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? '' : String(value);
/** 月火水木金 / 月火水木金土日祝, as the open-data files write open days. */
const dayLetters = (bits: number): Cell =>
  weekdaysOfBits(bits)
    .map((code) => weekdays.find((day) => day.code === code)?.ja ?? '')
    .join('');
const joinNotes = (...parts: (string | null)[]): Cell => parts.filter(Boolean).join(' ');

/** 「09:00-18:00」 (or 〜, ～) splits into start and end; anything else stays as a note. */
export function splitHours(hours: string | null): { start: Cell; end: Cell; rest: string | null } {
  const match = hours?.normalize('NFKC').match(/^\s*(\d{1,2}:\d{2})\s*[-~〜]\s*(\d{1,2}:\d{2})\s*$/);
  if (!match) return { start: '', end: '', rest: hours };
  const pad = (time: string) => time.padStart(5, '0');
  return { start: pad(match[1] as string), end: pad(match[2] as string), rest: null };
}

/** The columns both layouts begin with: place, name, kind, address, position and contacts. */
function commonStart(point: ServicePointRow, no: number): Cell[] {
  return [
    text(point.municipalityCode),
    String(no),
    text(point.prefecture),
    text(point.municipality),
    point.name,
    point.kana,
    serviceKindOf(point.serviceCode, point.serviceName).ja,
    point.address,
    text(point.building),
    number(point.latitude),
    number(point.longitude),
    text(point.phone),
    '',
    text(point.fax),
    text(point.corporateNumber),
    text(point.corporateName),
    point.officialCode,
  ];
}

function medicalRow(point: ServicePointRow, no: number): Cell[] {
  const hours = splitHours(point.hours);
  return [
    ...commonStart(point, no),
    dayLetters(point.openWeekdays),
    hours.start,
    hours.end,
    joinNotes(hours.rest, point.hoursNote),
    point.capabilities.includes('open_24h') ? '24時間対応' : '',
    point.departments.join(';'),
    number(point.beds),
    text(point.url),
    text(point.notes),
  ];
}

function careRow(point: ServicePointRow, no: number): Cell[] {
  return [
    ...commonStart(point, no),
    dayLetters(point.openWeekdays),
    joinNotes(point.hours, point.hoursNote),
    // 定員 0 means "not applicable" in the national files (visit services): written as it is stored.
    number(point.capacity),
    text(point.url),
    text(point.notes),
  ];
}

export const exportLayouts = {
  medical: {
    title: '医療機関一覧',
    header: medicalHeader as readonly string[],
    row: medicalRow,
    /** Medical kinds go to 医療機関一覧, every other kind to 介護サービス事業所一覧. */
    accepts: (serviceCode: string) => serviceKindOf(serviceCode).group === 'medical',
  },
  care: {
    title: '介護サービス事業所一覧',
    header: careHeader as readonly string[],
    row: careRow,
    accepts: (serviceCode: string) => serviceKindOf(serviceCode).group !== 'medical',
  },
} satisfies Record<
  DirectoryExportLayout,
  {
    title: string;
    header: readonly string[];
    row: (point: ServicePointRow, no: number) => Cell[];
    accepts: (serviceCode: string) => boolean;
  }
>;
