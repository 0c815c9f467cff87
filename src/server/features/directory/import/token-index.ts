// A large first load: building the search tokens' GIN index once over all rows is several times
// cheaper than updating it row by row. Inside the run's transaction the index is dropped and built
// again at the end (a rollback restores it); meanwhile the table is locked for the directory search,
// which is acceptable for a load that brings in as many rows as the table holds.
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../db/client';

/** Bytes per row of the open-data files, roughly (the national 介護 files average 310). */
const BYTES_PER_ROW = 300;
const MIN_ROWS = 10_000;

export async function suspendTokenIndex(
  db: DbOrTx,
  fileBytes: number,
): Promise<(() => Promise<void>) | null> {
  const expected = fileBytes / BYTES_PER_ROW;
  if (expected < MIN_ROWS) return null;
  const [row] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM service_points`);
  if (expected < Number(row?.n ?? 0) / 2) return null;
  await db.execute(sql`DROP INDEX IF EXISTS service_points_tokens_idx`);
  return async () => {
    await db.execute(sql`SET LOCAL maintenance_work_mem = '128MB'`);
    // As migration 0003 defines it.
    await db.execute(sql`CREATE INDEX service_points_tokens_idx ON service_points USING gin (search_tokens)`);
  };
}
