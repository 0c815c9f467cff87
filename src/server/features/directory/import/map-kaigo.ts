// 介護 rows: 介護サービス情報公表システム (§1) and the 介護サービス事業所一覧 of both generations (§3).
// Identity: 事業所番号 (10 digits) with the 3-digit service code; one row may list several services.
import { isKnownServiceCode, parseWeekdays, weekdayBits } from '../../../../shared/directory';
import { type CommonColumns, isRejected, readCommon } from './common';
import type { RowOutcome } from './fields';
import type { FileContext } from './file-context';
import { codeText, countOf, type Row } from './row';
import { type ServiceChoice, serviceChoices } from './service-kind';

export type KaigoColumns = CommonColumns & {
  officeNumber: string;
  service: string;
  weekdays?: string;
  weekdaysNote?: string;
  capacity?: string;
};

function readOfficeNumber(row: Row, column: string): string | { rejection: string } {
  const written = row.text(column);
  if (written === null) return { rejection: `${column}がありません。10桁の事業所番号を入れてください。` };
  const digits = codeText(written);
  if (/^\d{10}$/.test(digits)) return digits;
  if (/^\d{9}$/.test(digits)) {
    row.repair('office_number_leading_zero');
    return `0${digits}`;
  }
  return { rejection: `${column}「${written}」が正しくありません。10桁の数字で入れてください。` };
}

/** The file name's code (`jigyosho_110.csv`) wins; else the column, one service or several. */
function readServices(row: Row, column: string, file: FileContext): ServiceChoice[] | { rejection: string } {
  const written = row.text(column);
  if (file.serviceCode) return [{ code: file.serviceCode, name: written }];
  if (written === null)
    return { rejection: `${column}がありません。サービスの種類かその3桁のコードを入れてください。` };
  const { choices, unknown } = serviceChoices(written);
  if (unknown.length > 0 || choices.length === 0)
    return {
      rejection: `${column}「${unknown.join('、') || written}」が分かりません。3桁のサービス種類コード（例: 110 訪問介護）で書いてください。`,
    };
  return choices;
}

function readCapacity(row: Row, column: string | undefined): number | null {
  if (!column || !row.has(column)) return null;
  if (/^[0０]$/.test(row.raw(column))) {
    row.repair('capacity_not_applicable');
    return null;
  }
  return countOf(row, column, 'capacity_unreadable');
}

export function mapKaigoRow(row: Row, columns: KaigoColumns, file: FileContext): RowOutcome {
  const common = readCommon(row, columns);
  if (isRejected(common)) return common;
  const officeNumber = readOfficeNumber(row, columns.officeNumber);
  if (typeof officeNumber !== 'string') return officeNumber;
  const services = readServices(row, columns.service, file);
  if (isRejected(services)) return services;
  const fields = { ...common.fields };
  if (columns.weekdays && row.has(columns.weekdays))
    fields.openWeekdays = weekdayBits(parseWeekdays(row.text(columns.weekdays) ?? ''));
  if (columns.weekdaysNote && row.has(columns.weekdaysNote))
    fields.hoursNote = row.text(columns.weekdaysNote);
  if (columns.capacity && row.has(columns.capacity)) fields.capacity = readCapacity(row, columns.capacity);
  return {
    points: services.map((service) => {
      if (!isKnownServiceCode(service.code)) row.repair('unknown_service_code');
      return {
        identity: { scheme: 'kaigo', officialCode: officeNumber, serviceCode: service.code },
        fields: { ...fields, serviceName: service.name },
        line: row.line,
      };
    }),
  };
}
