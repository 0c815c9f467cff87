// Benchmark runner: `npm run -s bench -- <name> [--engine pglite|postgres] [--duration 10] [--connections 10] [--workers 1]`.
// Prints the benchmark's JSON on stdout; progress and the servers' output go to stderr.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchAdmission } from './admission/bench';
import { benchDirectory } from './directory/search';
import { benchEmergency } from './emergency/bench';
import { type BenchOptions, benchMe } from './me';
import { type DatabaseTarget, stopAllServers } from './server';
import { benchTeams } from './teams/bench';

const benchmarks: Record<
  string,
  {
    what: string;
    run: (options: BenchOptions) => Promise<Record<string, unknown>>;
    /** --connections unless given (10 when not set here). */
    connections?: number;
  }
> = {
  me: {
    what: 'GET /api/me signed in as the demo doctor, against GET /bare of a bare Fastify app',
    run: benchMe,
  },
  directory: {
    what: 'GET /api/directory/search over a synthetic national directory (--count, default 500000), against the same SQL run directly',
    run: (options) => benchDirectory({ ...options, count: countOption ?? 500_000 }),
  },
  teams: {
    what: 'care-team timeline, home page and live updates over 1,000,000 posts (PGlite: a tenth), against the goals of issue 5',
    run: benchTeams,
  },
  admission: {
    what: 'overdue and due-soon lists over --count admission episodes (default 100000; PGlite: a tenth), against the goal of issue 6',
    run: (options) => benchAdmission({ ...options, count: countOption }),
  },
  emergency: {
    what: 'EMS look-up by QR token over --count patients (default 100000; PGlite: a tenth), 200 connections paced (--rate) and saturated, against the goal of issue 7',
    run: (options) => benchEmergency({ ...options, count: countOption }),
    connections: 200,
  },
};

// `--count`, when given: rows of the directory's synthetic national dataset (default 500,000), or
// admission episodes (default 100,000 on PostgreSQL, 10,000 on PGlite).
let countOption: number | undefined;

const DEFAULT_POSTGRES_URL = 'postgres://root@127.0.0.1:5432/test';

function usage(): string {
  return [
    'Usage: npm run -s bench -- <name> [--engine pglite|postgres] [--duration 10] [--connections 10] [--workers 1] [--count N] [--rate 200,300]',
    '',
    'Benchmarks:',
    ...Object.entries(benchmarks).map(([name, { what }]) => `  ${name.padEnd(8)} ${what}`),
    '',
    `--engine postgres uses BENCH_DATABASE_URL (default ${DEFAULT_POSTGRES_URL}) with a schema of its own.`,
    '--connections: 10 unless the benchmark says otherwise (emergency: 200).',
    '--rate (emergency): the paced look-ups a second, one run each, comma-separated (default 200).',
    '--workers: server processes (TSUNAGU_WORKERS, PostgreSQL only).',
    '--keep: do not remove the benchmark database afterwards (for EXPLAIN); its place is printed.',
  ].join('\n');
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive integer, got "${value}"`);
  return n;
}

/** A fresh database for the run, and how to remove it afterwards. */
async function prepareDatabase(
  engine: DatabaseTarget['engine'],
): Promise<{ database: DatabaseTarget; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-bench-'));
    return {
      database: { engine, dataDir },
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const baseUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  // node-postgres reads `options` from the connection string: -c search_path=<schema>, URL-encoded.
  const serverUrl = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    database: { engine, url: serverUrl },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      engine: { type: 'string', default: 'pglite' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string' },
      count: { type: 'string' },
      workers: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      // The emergency benchmark's paced rates (read there): accepted here so the runner allows it.
      rate: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [name] = positionals;
  if (!name || values.help) {
    console.log(usage());
    return;
  }
  const benchmark = benchmarks[name];
  if (!benchmark) throw new Error(`Unknown benchmark "${name}".\n\n${usage()}`);
  if (values.engine !== 'pglite' && values.engine !== 'postgres') {
    throw new Error(`--engine must be pglite or postgres, got "${values.engine}"`);
  }
  const engine = values.engine;
  const durationSeconds = positiveInt(values.duration, 'duration');
  const connections = positiveInt(values.connections ?? String(benchmark.connections ?? 10), 'connections');
  countOption = values.count === undefined ? undefined : positiveInt(values.count, 'count');
  const workers = positiveInt(values.workers, 'workers');
  if (workers > 1 && engine === 'pglite') throw new Error('--workers above 1 needs --engine postgres');

  const prepared = await prepareDatabase(engine);
  const { database } = prepared;
  // --keep: leave the data for EXPLAIN (its place is printed on stderr; remove it by hand).
  const cleanup = values.keep
    ? async () => console.error('Kept the benchmark database:', JSON.stringify(database))
    : prepared.cleanup;
  let cleaned = false;
  const cleanOnce = async () => {
    if (cleaned) return;
    cleaned = true;
    await cleanup().catch((error: unknown) => console.error('Cleanup failed:', error));
  };
  // On Ctrl-C or SIGTERM: stop the servers, remove the database, exit. `on`, not `once`: Ctrl-C can
  // arrive twice (from the terminal and relayed by tsx), and a second one must not cut the cleanup short.
  let interrupted = false;
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`${signal}: stopping the servers and removing the benchmark database.`);
    void stopAllServers()
      .then(cleanOnce)
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    const result = await benchmark.run({ engine, database, durationSeconds, connections, workers });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await cleanOnce();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
