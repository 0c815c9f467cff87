// 医療機関一覧 rows of the 自治体標準オープンデータセット, both generations (§3). Identity: the
// 医療機関コード (10 digits; a 7-digit 医療機関番号 gets its prefecture and 点数表 digit) with the kind.
import { parseWeekdays, weekdayBits } from '../../../../shared/directory';
import { type CommonColumns, isRejected, readCommon } from './common';
import type { ImportedFields, RowOutcome } from './fields';
import { timeText } from './hours';
import { codeText, countOf, type Row } from './row';
import { type MedicalKind, medicalKindOf, pointTableDigit } from './service-kind';

export type MedicalColumns = CommonColumns & {
  kind: string;
  code: string;
  departments: string;
  beds: string;
  weekdays?: string;
  opens?: string;
  closes?: string;
  hoursNote?: string;
  afterHours?: string;
};

export function readMedicalCode(
  row: Row,
  column: string,
  kind: MedicalKind,
  municipalityCode: string,
): string | { rejection: string } {
  const written = row.text(column);
  if (written === null) return { rejection: `${column}がありません。10桁の医療機関コードを入れてください。` };
  const digits = codeText(written);
  if (/^(\d{10}|\d{13})$/.test(digits)) return digits;
  if (/^\d{7}$/.test(digits)) {
    row.repair('medical_code_completed');
    return municipalityCode.slice(0, 2) + pointTableDigit[kind] + digits;
  }
  return { rejection: `${column}「${written}」が正しくありません。10桁の数字で入れてください。` };
}

const splitList = (text: string | null) =>
  (text ?? '')
    .split(/[;；、,，]/)
    .map((item) => item.trim())
    .filter(Boolean);

function readHours(row: Row, columns: MedicalColumns) {
  const opens = columns.opens ? timeText(row.raw(columns.opens)) : null;
  const closes = columns.closes ? timeText(row.raw(columns.closes)) : null;
  const note = columns.hoursNote ? row.text(columns.hoursNote) : null;
  const afterHours = columns.afterHours ? row.text(columns.afterHours) : null;
  return {
    openWeekdays: weekdayBits(parseWeekdays(columns.weekdays ? (row.text(columns.weekdays) ?? '') : '')),
    hours: opens || closes ? `${opens ?? ''}-${closes ?? ''}` : null,
    hoursNote: [note, afterHours && `時間外: ${afterHours}`].filter(Boolean).join(' / ') || null,
  };
}

export function mapMedicalRow(row: Row, columns: MedicalColumns): RowOutcome {
  const common = readCommon(row, columns);
  if (isRejected(common)) return common;
  const kindText = row.text(columns.kind);
  const kind = kindText ? medicalKindOf(kindText) : null;
  if (!kind)
    return {
      rejection: `${columns.kind}「${kindText ?? ''}」が分かりません。病院・診療所・歯科診療所・薬局のいずれかにしてください。`,
    };
  const code = readMedicalCode(row, columns.code, kind, common.municipalityCode);
  if (typeof code !== 'string') return code;
  const fields: ImportedFields = { ...common.fields, serviceName: kindText };
  if (row.has(columns.departments)) fields.departments = splitList(row.text(columns.departments));
  if (row.has(columns.beds)) fields.beds = countOf(row, columns.beds, 'beds_unreadable');
  if (columns.weekdays && row.has(columns.weekdays)) Object.assign(fields, readHours(row, columns));
  return {
    points: [
      { identity: { scheme: 'medical', officialCode: code, serviceCode: kind }, fields, line: row.line },
    ],
  };
}
