// Applies the committed SQL migrations with drizzle-orm's in-app migrator, on either engine.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: processes starting together on PostgreSQL migrate one at a time.
const MIGRATION_LOCK_KEY = 727_001;

export async function migrateDatabase(handle: DatabaseHandle, migrationsSchema = 'drizzle'): Promise<void> {
  const config = { migrationsFolder, migrationsSchema };
  if (!handle.pool) {
    // PGlite is one connection in this process: nothing to race with.
    await migratePglite(handle.db as unknown as ReturnType<typeof drizzlePglite>, config);
    return;
  }
  const client = await handle.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client), config);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
