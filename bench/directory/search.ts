// Benchmark "directory": a synthetic national directory (500,000 service points by default) made by
// generate.ts, imported through the real `import` command (timed), then the public search API loaded
// with the query mix (mix.ts) from this process at the given concurrency, against reading the same
// pages' rows directly from the database with the same concurrency (ratio API ÷ SQL), and — on
// PostgreSQL — the naive approach of performance.md (pg_trgm + ILIKE, count and sort).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { BenchOptions } from '../me';
import { type DatabaseTarget, repoRoot, startTsunagu } from '../server';
import { closedLoop, get } from './closed-loop';
import { generateDirectory } from './generate';
import { queryMix, toQueryString } from './mix';
import { pageStatements, type Statement } from './statements';

const log = (message: string) => console.error(`[directory] ${message}`);

async function dataset(count: number): Promise<string[]> {
  const out = path.join(os.tmpdir(), `tsunagu-national-${count}-seed42`);
  const done = path.join(out, '.complete');
  if (!fs.existsSync(done)) {
    log(`Generating ${count} service points into ${out}…`);
    await generateDirectory({ count, out, seed: 42 });
    fs.writeFileSync(done, '');
  }
  return fs
    .readdirSync(out)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => path.join(out, name));
}

function databaseEnv(database: DatabaseTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.TSUNAGU_DATA_DIR;
  if (database.engine === 'pglite') env.TSUNAGU_DATA_DIR = database.dataDir;
  else env.DATABASE_URL = database.url;
  return env;
}

/** `tsx src/server/main.ts import <files> --mode valid_rows`, timed; its progress goes to stderr. */
async function importFiles(database: DatabaseTarget, files: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts', 'import', ...files, '--mode', 'valid_rows'],
    { cwd: repoRoot, env: databaseEnv(database), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // Its summary goes to our stderr: stdout is the benchmark's JSON only.
  child.stdout?.pipe(process.stderr);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`import exited with code ${code}`);
  return Math.round((performance.now() - started) / 100) / 10;
}

type SqlRunner = { run: (statement: Statement) => Promise<unknown>; close: () => Promise<void> };

async function sqlRunner(database: DatabaseTarget, connections: number): Promise<SqlRunner> {
  if (database.engine === 'pglite') {
    const client = await PGlite.create(path.join(database.dataDir, 'pglite'));
    return { run: (s) => client.query(s.sql, s.params), close: () => client.close() };
  }
  const pool = new pg.Pool({ connectionString: database.url, max: connections });
  return { run: (s) => pool.query(s.sql, s.params as unknown[]), close: () => pool.end() };
}

/** Seconds until /api/health says the search index is built (the server reads it after it starts). */
async function searchReady(baseUrl: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as {
      directorySearchReady?: boolean;
    };
    if (health.directorySearchReady) return Math.round((performance.now() - started) / 100) / 10;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function naiveBaseline(database: DatabaseTarget & { engine: 'postgres' }, texts: string[]) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    log('Naive baseline: pg_trgm GIN on name || kana || address, ILIKE, count and ORDER BY…');
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await client.query(
      `CREATE INDEX naive_trgm ON service_points USING gin ((name || ' ' || kana || ' ' || address) public.gin_trgm_ops)`,
    );
    await client.query("SET statement_timeout = '20s'");
    const times: number[] = [];
    for (const q of texts) {
      const t0 = performance.now();
      const pattern = `%${q}%`;
      const where = `(name || ' ' || kana || ' ' || address) ILIKE $1`;
      await client.query(`SELECT count(*) FROM service_points WHERE ${where}`, [pattern]);
      await client.query(`SELECT id, name FROM service_points WHERE ${where} ORDER BY kana LIMIT 20`, [
        pattern,
      ]);
      times.push(performance.now() - t0);
    }
    const sorted = times.sort((a, b) => a - b);
    const at = (p: number) => Math.round(sorted[Math.floor(p * (sorted.length - 1))] ?? 0);
    return { queries: texts.length, sequentialMs: { p50: at(0.5), p95: at(0.95), max: at(1) } };
  } finally {
    await client.query('DROP INDEX IF EXISTS naive_trgm').catch(() => {});
    await client.end();
  }
}

export async function benchDirectory(
  options: BenchOptions & { count: number },
): Promise<Record<string, unknown>> {
  const files = await dataset(options.count);
  log(`Importing ${files.length} files on ${options.engine}…`);
  const importSeconds = await importFiles(options.database, files);
  const mix = queryMix();
  const kinds = mix.map((q) => q.kind);

  const spawned = performance.now();
  const server = await startTsunagu(options.database, options.workers);
  let api: Awaited<ReturnType<typeof closedLoop>>;
  let readySeconds = 0;
  try {
    const urls = mix.map((q) => `${server.baseUrl}/api/directory/search?${toQueryString(q.params)}`);
    log('Waiting for the search index to be built…');
    await searchReady(server.baseUrl);
    readySeconds = Math.round((performance.now() - spawned) / 100) / 10;
    log(`Ready ${readySeconds} s after the server was started. Warming up the API…`);
    await closedLoop(kinds, options.connections, 3, (i) => get(urls[i] as string));
    log(`Measuring the API for ${options.durationSeconds} s at concurrency ${options.connections}…`);
    api = await closedLoop(kinds, options.connections, options.durationSeconds, (i) =>
      get(urls[i] as string),
    );
  } finally {
    await server.stop();
  }

  log('Reading the rows of each search page by primary key directly (the least SQL a page needs)…');
  const statements = await pageStatements(options.database, mix);
  const runner = await sqlRunner(options.database, options.connections);
  let direct: Awaited<ReturnType<typeof closedLoop>>;
  try {
    const search = async (i: number) => {
      for (const statement of statements[i] ?? []) await runner.run(statement);
    };
    await closedLoop(kinds, options.connections, 3, search);
    direct = await closedLoop(kinds, options.connections, options.durationSeconds, search);
  } finally {
    await runner.close();
  }
  const naive =
    options.database.engine === 'postgres'
      ? await naiveBaseline(
          options.database,
          mix
            .filter((q) => q.params.q && Object.keys(q.params).length === 1)
            .slice(0, 24)
            .map((q) => q.params.q as string),
        )
      : 'PostgreSQL only (pg_trgm)';
  const problems = [api, direct].flatMap((r) =>
    r.failures ? [`${r.failures} failures: ${r.firstFailure}`] : [],
  );
  if (problems.length) process.exitCode = 1;
  return {
    benchmark: 'directory',
    engine: options.engine,
    rows: options.count,
    concurrency: options.connections,
    workers: options.workers,
    durationSeconds: options.durationSeconds,
    importSeconds,
    // From starting the server process to its search index being built (searches before wait for it).
    searchReadySeconds: readySeconds,
    queryMix: { queries: mix.length, kinds: [...new Set(kinds)] },
    api,
    sqlDirect: direct,
    ratio: { throughput: Math.round((api.perSecond / direct.perSecond) * 100) / 100 },
    naiveBaseline: naive,
    goals: {
      p95Ms: options.engine === 'postgres' ? 15 : 25,
      importSeconds: options.engine === 'postgres' ? 60 : 120,
      ratio: 0.6,
    },
    ...(problems.length ? { problems } : {}),
  };
}
