// Opens the database: PGlite under the data directory by default, PostgreSQL when a URL is given.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export type DatabaseHandle = {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** PostgreSQL only: the pool, for work that needs one connection throughout (migration lock). */
  pool?: pg.Pool;
  /** PostgreSQL only: a connection of its own, outside the pool (LISTEN for live updates). */
  newClient?: () => pg.Client;
  close: () => Promise<void>;
};

export type OpenOptions =
  | { engine: 'pglite'; dataDir?: string /* undefined: in memory */ }
  | { engine: 'postgres'; url: string; searchPath?: string; poolSize?: number };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    const newClient = () => new pg.Client({ connectionString: options.url });
    return { db, engine: 'postgres', pool, newClient, close: () => pool.end() };
  }
  let release = () => {};
  let dataPath: string | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    release = acquireDataDirLock(options.dataDir);
    dataPath = path.join(options.dataDir, 'pglite');
  }
  try {
    const client = await PGlite.create(dataPath);
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * A prepared statement made once per database handle: for the queries every page asks (the session,
 * the home page's due list), so the server plans them once instead of on every request.
 */
export function preparedOnce<T>(prepare: (db: Database) => T): (db: Database) => T {
  const statements = new WeakMap<Database, T>();
  return (db) => {
    let statement = statements.get(db);
    if (statement === undefined) {
      statement = prepare(db);
      statements.set(db, statement);
    }
    return statement;
  };
}

/** Rows of a raw SQL query, on either engine (both drivers answer `{ rows }`). */
export async function queryRows<Row>(db: DbOrTx, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** A LIKE pattern for rows containing the text as typed: % and _ in it match only themselves. */
export const containing = (text: string): string => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
