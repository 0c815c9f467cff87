// Many rows in one statement: each column travels as one array parameter and `unnest` turns the
// arrays back into rows. One parameter per column however many rows, so a batch never meets the
// 65,535-parameter limit; PostgreSQL parses arrays of text about a third faster than the same rows
// as JSON (measured on the national benchmark's rows), and the statement text is the same each time.
import { type Column, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client';

const columnsCache = new WeakMap<PgTable, Record<string, Column>>();

function columnsOf(table: PgTable): Record<string, Column> {
  let columns = columnsCache.get(table);
  if (!columns) {
    columns = getTableColumns(table);
    columnsCache.set(table, columns);
  }
  return columns;
}

function column(table: PgTable, field: string): Column {
  const found = columnsOf(table)[field];
  if (!found) throw new Error(`${getTableName(table)} has no field ${field}`);
  return found;
}

/** `"col_a" = EXCLUDED."col_a", …`, for an upsert's DO UPDATE SET. */
export function excludedAssignments(table: PgTable, fields: readonly string[]): SQL {
  return sql.join(
    fields.map((field) => {
      const name = sql.identifier(column(table, field).name);
      return sql`${name} = EXCLUDED.${name}`;
    }),
    sql`, `,
  );
}

const needsEscape = /["\\]/;

/** An element of a PostgreSQL array literal: quoted, with backslashes and quotes escaped. */
const element = (text: string | null) => {
  if (text === null) return 'NULL';
  return needsEscape.test(text) ? `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"` : `"${text}"`;
};

/** A PostgreSQL array literal of texts (for an `ANY(…::text[])` or an unnest). */
export const arrayLiteral = (texts: readonly (string | null)[]) => `{${texts.map(element).join(',')}}`;

/** A value as PostgreSQL reads it in text form. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value.map(textOf));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * INSERT of `rows` (objects keyed by field name; only `fields` are sent). An array column's values
 * are sent as the text of their arrays (unnest cannot take an array of arrays) and cast back.
 * `tail`: what follows, e.g. an ON CONFLICT clause.
 */
export async function insertRows(
  db: DbOrTx,
  table: PgTable,
  fields: readonly string[],
  rows: readonly Record<string, unknown>[],
  tail: SQL = sql``,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = fields.map((field) => column(table, field));
  const aliases = columns.map((_, i) => sql.raw(`c${i}`));
  const arrays = columns.map((col, i) => {
    const type = col.getSQLType();
    const values = arrayLiteral(rows.map((row) => textOf(row[fields[i] as string])));
    return type.endsWith('[]') ? sql`${values}::text[]` : sql`${values}::${sql.raw(type)}[]`;
  });
  const selected = columns.map((col, i) =>
    col.getSQLType().endsWith('[]') ? sql`${aliases[i]}::${sql.raw(col.getSQLType())}` : aliases[i],
  );
  await db.execute(
    sql`INSERT INTO ${sql.identifier(getTableName(table))} (${sql.join(
      columns.map((col) => sql.identifier(col.name)),
      sql`, `,
    )}) SELECT ${sql.join(selected as SQL[], sql`, `)} FROM unnest(${sql.join(arrays, sql`, `)}) AS rows(${sql.join(
      aliases,
      sql`, `,
    )}) ${tail}`,
  );
}
