// The SQL statements the search runs for each query of the mix, captured from the real search code
// through Drizzle's query logger, so the benchmark's "SQL directly" side runs exactly the same SQL.
// The index chooses the page in memory, so that is the read of the page's rows; the index's own
// reads (its build, and a sync at most once a second) are left out, as they are not per search.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
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

export async function captureSearchStatements(
  database: DatabaseTarget,
  mix: MixQuery[],
): Promise<Statement[][]> {
  let captured: Statement[] = [];
  const logger: Logger = { logQuery: (query, params) => captured.push({ sql: query, params }) };
  const pool =
    database.engine === 'postgres' ? new pg.Pool({ connectionString: database.url, max: 1 }) : null;
  const client =
    database.engine === 'pglite' ? await PGlite.create(path.join(database.dataDir, 'pglite')) : null;
  const db = (pool
    ? drizzlePg(pool, { schema, logger })
    : drizzlePglite(client as PGlite, { schema, logger })) as unknown as Database;
  try {
    const context = { db, index: new DirectoryIndex(db, { syncEveryMs: 3_600_000 }), staleAfterDays: 180 };
    // The index is built once, as in the server: not part of any search.
    await searchDirectory(context, directorySearchQuery.parse({}));
    const all: Statement[][] = [];
    for (const query of mix) {
      captured = [];
      await searchDirectory(context, directorySearchQuery.parse(query.params));
      all.push(captured);
    }
    return all;
  } finally {
    await pool?.end();
    await client?.close();
  }
}
