// A service point's editable fields as the API speaks of them (open days as weekday codes, lists in the
// order of the shared vocabulary), what changed between two sets of them, and the row read for a write.
import { eq } from 'drizzle-orm';
import {
  capabilities,
  procedures,
  type Weekday,
  weekdayBits,
  weekdaysOfBits,
} from '../../../shared/directory';
import type { DbOrTx } from '../../db/client';
import { servicePoints } from '../../db/schema';
import { conflict, notFound } from '../../platform/errors';
import type { ServicePointFields, ServicePointRow } from './service-points';

export type FieldValues = Record<string, unknown>;

const inListOrder = (list: readonly { code: string }[], codes: readonly string[]) =>
  list.map((item) => item.code).filter((code) => codes.includes(code));

/** A field's value as the API shows it; absent values are null, so they compare and print alike. */
export function fieldValue(row: ServicePointRow, field: string): unknown {
  if (field === 'openWeekdays') return weekdaysOfBits(row.openWeekdays);
  const value = (row as Record<string, unknown>)[field];
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

export function valuesOf(row: ServicePointRow, fields: readonly string[]): FieldValues {
  return Object.fromEntries(fields.map((field) => [field, fieldValue(row, field)]));
}

/** API values → column values (open days as bits, lists in vocabulary order). */
export function toColumns(values: FieldValues): Partial<ServicePointFields> {
  const columns: FieldValues = { ...values };
  if (Array.isArray(values.openWeekdays))
    columns.openWeekdays = weekdayBits(values.openWeekdays as Weekday[]);
  if (Array.isArray(values.capabilities))
    columns.capabilities = inListOrder(capabilities, values.capabilities as string[]);
  if (Array.isArray(values.procedures))
    columns.procedures = inListOrder(procedures, values.procedures as string[]);
  return columns as Partial<ServicePointFields>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the fields whose value differs: the before and after a version row and a request keep. */
export function changedFields(
  row: ServicePointRow,
  wanted: FieldValues,
): { before: FieldValues; after: FieldValues } {
  const before: FieldValues = {};
  const after: FieldValues = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const normalised = fieldValue({ ...row, ...toColumns({ [field]: value }) } as ServicePointRow, field);
    if (same(fieldValue(row, field), normalised)) continue;
    before[field] = fieldValue(row, field);
    after[field] = normalised;
  }
  return { before, after };
}

/** Fields of `before` whose value in `row` is no longer what it was. */
export function fieldsChangedSince(row: ServicePointRow, before: FieldValues): string[] {
  return Object.keys(before).filter((field) => !same(fieldValue(row, field), before[field]));
}

const notFoundPoint = () =>
  notFound('この事業所・施設は見つかりません。一覧から選び直してください。', 'service_point_not_found');

/** The point, locked for this transaction; 404 when missing. */
export async function lockPoint(tx: DbOrTx, id: string): Promise<ServicePointRow> {
  const [row] = await tx.select().from(servicePoints).where(eq(servicePoints.id, id)).for('update');
  if (!row) throw notFoundPoint();
  return row;
}

/** Optimistic concurrency: the version the client read must still be the current one. */
export async function lockPointAtVersion(tx: DbOrTx, id: string, version: number): Promise<ServicePointRow> {
  const row = await lockPoint(tx, id);
  if (row.version !== version)
    throw conflict(
      'version_conflict',
      'ほかの人が先にこの事業所・施設の情報を変更しました。画面を読み込み直して最新の内容を確かめてから、もう一度保存してください。',
    );
  return row;
}
