// 医療情報ネット (ナビイ) rows (§2): facility_info (hospital, clinic, dental) and the pharmacy file are
// service points identified by the 13-digit ID and the kind (from the file name, else 機関区分); the
// speciality_hours file adds departments and hours to facilities already imported (joined on ID).
import { isMunicipalityCode, municipalityCheckDigit } from '../../../../shared/municipality';
import { type CommonColumns, isRejected, type Rejected, readCommon } from './common';
import type { ImportedFields, RowOutcome } from './fields';
import type { FileContext } from './file-context';
import { Bands, DAY_NAMES, type DayColumns, type HoursByFacility, timeText } from './hours';
import { codeText, countOf, type Row } from './row';
import { medicalKindOf } from './service-kind';

export type NaviiColumns = CommonColumns & { kind?: string; beds?: string; dayColumns: DayColumns[] };

const FLAG = /^(1|○|◯|〇|●|true|有|あり|はい|y|yes)$/i;
const closedOn = (row: Row, column: string) => FLAG.test(row.raw(column).normalize('NFKC'));

/** 都道府県コード (2 digits) + 市区町村コード (3 digits) → the 6-digit code with its check digit. */
export function naviiMunicipality(row: Row): string | null {
  const prefecture = codeText(row.raw('都道府県コード'));
  const city = codeText(row.raw('市区町村コード'));
  if (/^\d{5,6}$/.test(city)) return city;
  if (!/^\d{1,2}$/.test(prefecture) || !/^\d{3}$/.test(city)) return null;
  const five = prefecture.padStart(2, '0') + city;
  const code = five + String(municipalityCheckDigit(five));
  return isMunicipalityCode(code) ? code : null;
}

export function readNaviiId(row: Row): string | Rejected {
  const written = row.text('ID');
  if (written === null) return { rejection: 'ID がありません。医療情報ネットの13桁の ID が必要です。' };
  const id = codeText(written);
  return /^\d{13}$/.test(id)
    ? id
    : { rejection: `ID「${written}」が正しくありません。13桁の数字のはずです。` };
}

/** Open days from the weekly closure flags (毎週決まった曜日に休診（月）… and 祝日に休診). */
function openDaysFromClosures(row: Row): number | null {
  const weekly = DAY_NAMES.slice(0, 7).map((day) => `毎週決まった曜日に休診（${day}）`);
  if (!weekly.some((column) => row.has(column))) return null;
  let bits = 0;
  weekly.forEach((column, day) => {
    if (!closedOn(row, column)) bits |= 1 << day;
  });
  if (row.has('祝日に休診') && !closedOn(row, '祝日に休診')) bits |= 1 << 7;
  return bits;
}

function readTimes(row: Row, columns: DayColumns[], bands: Bands): void {
  for (const { day, start, end } of columns) bands.add(day, timeText(row.raw(start)), timeText(row.raw(end)));
}

export function mapNaviiRow(row: Row, columns: NaviiColumns, file: FileContext): RowOutcome {
  const id = readNaviiId(row);
  if (typeof id !== 'string') return id;
  const kindText = columns.kind ? row.text(columns.kind) : null;
  const kind = file.medicalKind ?? (kindText ? medicalKindOf(kindText) : null);
  if (!kind)
    return {
      rejection: `病院・診療所・歯科・薬局のどれか分かりません。医療情報ネットのファイル名（hospital・clinic・dental・pharmacy を含む名前）のまま取り込んでください。`,
    };
  const common = readCommon(row, columns);
  if (isRejected(common)) return common;
  const fields: ImportedFields = { ...common.fields, serviceName: kindText };
  const closures = openDaysFromClosures(row);
  if (closures !== null) fields.openWeekdays = closures;
  if (columns.beds && row.has(columns.beds)) fields.beds = countOf(row, columns.beds, 'beds_unreadable');
  if (columns.dayColumns.length > 0) {
    const bands = new Bands();
    readTimes(row, columns.dayColumns, bands);
    fields.hours = bands.text();
    if (!bands.empty) fields.openWeekdays = bands.weekdayBits();
  }
  return {
    points: [
      { identity: { scheme: 'medical', officialCode: id, serviceCode: kind }, fields, line: row.line },
    ],
  };
}

/** A speciality_hours row: its department and time bands go to the facility's entry. */
export function addSpecialityRow(
  row: Row,
  columns: DayColumns[],
  facilities: HoursByFacility,
): Rejected | null {
  const id = readNaviiId(row);
  if (typeof id !== 'string') return id;
  const bands = facilities.add(id, row.line, row.rawText(), row.text('診療科目名'));
  readTimes(row, columns, bands);
  return null;
}

/** The facility's departments and hours, as an update of the point imported from its facility_info. */
export function specialityPoint(
  id: string,
  entry: { line: number; departments: Set<string>; bands: Bands },
  file: FileContext,
) {
  return {
    identity: { scheme: 'medical' as const, officialCode: id, serviceCode: file.medicalKind ?? '' },
    fields: { departments: [...entry.departments], hours: entry.bands.text() },
    line: entry.line,
    anyKind: file.medicalKind === null,
  };
}
