// Import benchmark: the synthetic national dataset (bench/directory/generate.ts, 介護サービス情報公表
// layout, one file per service) imported into an empty database, one run per file as the CLI does,
// then imported again (every row unchanged). Targets: 500,000 rows ≤ 60 s on PostgreSQL, ≤ 120 s on PGlite.
//
// Usage: npx tsx bench/directory/import.ts [--engine pglite|postgres] [--dir /tmp/tsunagu-national] [--again]
// PostgreSQL: BENCH_DATABASE_URL or postgres://root@127.0.0.1:5432/test, in a fresh bench_<random>
// schema dropped at the end; PGlite: a temporary data directory, removed at the end.
// Stdout: one JSON line {engine, rows, seconds, rowsPerSecond, files, again?}; progress on stderr.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { analyzeServicePoints, importFile } from '../../src/server/features/directory/import/run-import';

const DEFAULT_POSTGRES_URL = 'postgres://root@127.0.0.1:5432/test';

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function open(
  engine: 'pglite' | 'postgres',
): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-bench-import-'));
    const handle = await openDatabase({ engine, dataDir });
    return { handle, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  const handle = await openDatabase({ engine, url, searchPath: schema, poolSize: 2 });
  return { handle, cleanup: () => adminQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/** Every file once, in name order; the seconds and rows of the whole pass. */
async function importAll(handle: DatabaseHandle, files: string[], label: string) {
  const started = performance.now();
  let rows = 0;
  const counts = { added: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 };
  for (const file of files) {
    const fileStarted = performance.now();
    const { outcome } = await importFile(handle.db, {
      filePath: file,
      fileName: path.basename(file),
      mode: 'all_or_nothing',
      // As the CLI does with several files: the statistics once, after the last (timed below).
      refreshStatistics: false,
    });
    if (outcome.status !== 'succeeded') throw new Error(`${file}: ${outcome.error}`);
    rows += outcome.rowsRead;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += outcome[key];
    const seconds = (performance.now() - fileStarted) / 1000;
    console.error(`${label} ${path.basename(file)}: ${outcome.rowsRead} rows in ${seconds.toFixed(1)} s`);
  }
  await analyzeServicePoints(handle.db);
  const seconds = Math.round(performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: Math.round(rows / seconds), counts };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'pglite' },
      dir: { type: 'string', default: '/tmp/tsunagu-national' },
      again: { type: 'boolean', default: false },
    },
  });
  const engine = values.engine;
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine must be pglite or postgres');
  const files = fs
    .readdirSync(values.dir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => path.join(values.dir, name));
  if (files.length === 0)
    throw new Error(
      `No CSV files in ${values.dir}: npx tsx bench/directory/generate.ts --count 500000 --out ${values.dir}`,
    );
  const { handle, cleanup } = await open(engine);
  try {
    await migrateDatabase(handle);
    const first = await importAll(handle, files, 'first');
    const again = values.again ? await importAll(handle, files, 'again') : undefined;
    console.log(JSON.stringify({ engine, ...first, files: files.length, ...(again ? { again } : {}) }));
  } finally {
    await handle.close();
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
