// Applies the committed SQL migrations with drizzle-orm's in-app migrator, on either engine.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client';

async function currentSchema(db: { execute: (query: SQL) => Promise<{ rows: unknown[] }> }): Promise<string> {
  const { rows } = await db.execute(sql`SELECT current_schema() AS schema`);
  return (rows[0] as { schema: string }).schema;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: processes starting together on PostgreSQL migrate one at a time.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * The journal of applied migrations lives in the same schema as the tables (the first on the
 * search_path), so several schemas in one database — tests, benchmarks, tenants — each keep their own.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (!handle.pool) {
    // PGlite is one connection in this process: nothing to race with.
    const db = handle.db as unknown as ReturnType<typeof drizzlePglite>;
    await migratePglite(db, { migrationsFolder, migrationsSchema: await currentSchema(db) });
    return;
  }
  const client = await handle.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const db = drizzlePg(client);
    await migratePg(db, { migrationsFolder, migrationsSchema: await currentSchema(db) });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
