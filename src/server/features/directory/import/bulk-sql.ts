// Many rows in one statement: the rows travel as one JSON parameter and PostgreSQL turns it into records
// of the table's own type (`json_populate_recordset`). One parameter, however many rows and columns,
// so a batch never meets the 65,535-parameter limit, and parsing is PostgreSQL's, not the driver's.
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client';

const columnNamesCache = new WeakMap<PgTable, Record<string, string>>();

function columnNames(table: PgTable): Record<string, string> {
  let names = columnNamesCache.get(table);
  if (!names) {
    names = Object.fromEntries(
      Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name]),
    );
    columnNamesCache.set(table, names);
  }
  return names;
}

/** `"col_a", "col_b"` for the given field names of the table. */
export function columnList(table: PgTable, fields: readonly string[]): SQL {
  const names = columnNames(table);
  return sql.join(
    fields.map((field) => {
      const name = names[field];
      if (!name) throw new Error(`${getTableName(table)} has no field ${field}`);
      return sql.identifier(name);
    }),
    sql`, `,
  );
}

/** `"col_a" = EXCLUDED."col_a", …`, for an upsert's DO UPDATE SET. */
export function excludedAssignments(table: PgTable, fields: readonly string[]): SQL {
  const names = columnNames(table);
  return sql.join(
    fields.map(
      (field) =>
        sql`${sql.identifier(names[field] ?? field)} = EXCLUDED.${sql.identifier(names[field] ?? field)}`,
    ),
    sql`, `,
  );
}

/**
 * INSERT of `rows` (objects keyed by field name; only `fields` are sent) through one JSON parameter.
 * `tail`: what follows, e.g. an ON CONFLICT clause.
 */
export async function insertJsonRows(
  db: DbOrTx,
  table: PgTable,
  fields: readonly string[],
  rows: readonly Record<string, unknown>[],
  tail: SQL = sql``,
): Promise<void> {
  if (rows.length === 0) return;
  const names = columnNames(table);
  const payload = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const field of fields) record[names[field] as string] = row[field] ?? null;
    return record;
  });
  const tableName = sql.identifier(getTableName(table));
  const columns = columnList(table, fields);
  await db.execute(
    sql`INSERT INTO ${tableName} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${tableName}, ${JSON.stringify(payload)}::json) ${tail}`,
  );
}
