// The SQL side of the benchmark. The search answers from memory (docs/architecture.md, "Resource
// directory search") and runs no SQL per request; what it is compared with is the least SQL a page of
// the same results needs: reading those rows by primary key, the page's ids found by the real search.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database } from '../../src/server/db/client';
import * as schema from '../../src/server/db/schema';
import { DirectoryIndex } from '../../src/server/features/directory/search/live-index';
import { searchDirectory } from '../../src/server/features/directory/search/search';
import { directorySearchQuery } from '../../src/shared/schemas/directory';
import type { DatabaseTarget } from '../server';
import type { MixQuery } from './mix';

export type Statement = { sql: string; params: unknown[] };

const pageRows = `SELECT id, name, kana, service_code, service_name, address, building, phone, fax,
  latitude, longitude, area_id, capabilities, procedures, open_weekdays, vacancy, vacancy_updated_at,
  coalesce(maintained_at, imported_at) AS updated_on FROM service_points WHERE id = ANY($1::uuid[])`;

export async function pageStatements(database: DatabaseTarget, mix: MixQuery[]): Promise<Statement[][]> {
  const pool =
    database.engine === 'postgres' ? new pg.Pool({ connectionString: database.url, max: 1 }) : null;
  const client =
    database.engine === 'pglite' ? await PGlite.create(path.join(database.dataDir, 'pglite')) : null;
  const db = (pool
    ? drizzlePg(pool, { schema })
    : drizzlePglite(client as PGlite, { schema })) as unknown as Database;
  try {
    const context = { db, index: new DirectoryIndex(db, { syncEveryMs: 3_600_000 }), staleAfterDays: 180 };
    const all: Statement[][] = [];
    for (const query of mix) {
      const page = await searchDirectory(context, directorySearchQuery.parse(query.params));
      const ids = page.items.map((item) => item.id);
      all.push(ids.length ? [{ sql: pageRows, params: [`{${ids.join(',')}}`] }] : []);
    }
    return all;
  } finally {
    await pool?.end();
    await client?.close();
  }
}
