// Command line: serve (default), migrate, seed-demo, create-admin, verify-audit, import.
import { parseArgs } from 'node:util';
import { newAccountFields } from '../shared/schemas/auth';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { type DatabaseHandle, openDatabase } from './db/client';
import { DataDirLockedError } from './db/data-dir-lock';
import { migrateDatabase } from './db/migrate';
import { countDemoAccounts, isDatabaseEmpty, seedDemo } from './demo/seed';
import { createUser } from './features/account/users';
import { importCommand } from './features/directory/import/cli';
import { auditHeadHash, verifyAuditChain } from './platform/audit';
import { isWorkerProcess, runWorkers } from './platform/workers';

async function openConfigured(config: Config): Promise<DatabaseHandle> {
  const handle = config.databaseUrl
    ? await openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
  await migrateDatabase(handle);
  return handle;
}

/** Migrated on open; the demo city loaded into an empty database; production refuses demo accounts. */
async function prepareDatabase(config: Config, database: DatabaseHandle): Promise<number> {
  if (config.demoMode && (await isDatabaseEmpty(database.db))) {
    console.log('Empty database: loading the fictional demo city (みらい市).');
    await seedDemo(database.db, config);
  }
  const demoAccounts = await countDemoAccounts(database.db);
  if (config.production && demoAccounts > 0 && !config.allowDemoAccounts) {
    throw new Error(
      `Refusing to start in production: ${demoAccounts} demo accounts (public passwords) exist. ` +
        'Use a fresh database, or set TSUNAGU_ALLOW_DEMO_ACCOUNTS=true for a public demonstration server.',
    );
  }
  return demoAccounts;
}

function printStarted(url: string, engine: string, detail: string, demoAccounts: number): void {
  console.log(`Tsunagu is running at ${url} (database: ${engine}${detail})`);
  if (demoAccounts > 0)
    console.log('Demo accounts and their TOTP secret: see README.md, section "Demo accounts".');
  console.log(`API documentation: ${url}/api/docs`);
}

/** TSUNAGU_WORKERS > 1: this process prepares the database, then keeps that many servers running. */
async function serveWithWorkers(config: Config): Promise<void> {
  let demoAccounts = 0;
  await withDatabase(config, async (database) => {
    demoAccounts = await prepareDatabase(config, database);
  });
  runWorkers({
    count: config.workers,
    onListening: (url) => printStarted(url, 'postgres', `, ${config.workers} workers`, demoAccounts),
    log: (message) => console.log(message),
  });
}

async function serve(config: Config): Promise<void> {
  if (config.workers > 1 && !isWorkerProcess()) return serveWithWorkers(config);
  const database = await openConfigured(config);
  let demoAccounts: number;
  try {
    demoAccounts = await prepareDatabase(config, database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp(config, database);
  const address = await app.listen({ port: config.port, host: config.host });
  // The directory search's index, read in the background: the first searches wait for it.
  app.directoryIndex.warm();
  if (!isWorkerProcess()) {
    const detail = database.engine === 'pglite' ? `, ${config.dataDir}` : '';
    printStarted(address.replace('127.0.0.1', 'localhost'), database.engine, detail, demoAccounts);
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    // The app's own onClose hooks first (work in flight, the audit flush, live streams), then the
    // database: an onClose hook added here would run before them (Fastify runs them last-added first).
    try {
      await app.close();
      const head = await auditHeadHash(database.db);
      // Kept outside the database: a rewrite of the whole audit table is still detectable.
      console.log(`Audit chain head at shutdown: #${head.lastId} ${head.lastHash}`);
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

async function withDatabase(
  config: Config,
  work: (database: DatabaseHandle) => Promise<void>,
): Promise<void> {
  const database = await openConfigured(config);
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

async function createAdmin(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'login-id': { type: 'string' },
      name: { type: 'string' },
      kana: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const password = values['password-stdin'] ? (await readStdin()).trim() : process.env.TSUNAGU_ADMIN_PASSWORD;
  const fields = newAccountFields.safeParse({
    loginId: values['login-id'],
    displayName: values.name,
    kana: values.kana,
    profession: 'administrative',
    password,
  });
  if (!fields.success) {
    throw new Error(
      'Usage: create-admin --login-id ID --name "氏名" --kana "カナ" (--password-stdin | TSUNAGU_ADMIN_PASSWORD=…)\n' +
        fields.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  await withDatabase(config, async ({ db }) => {
    await createUser(db, config, { ...fields.data, systemRoles: ['system_admin'] });
    console.log(
      `System admin "${fields.data.loginId}" created. At first sign-in they set up their authenticator app.`,
    );
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDatabase(config, async () => console.log('Migrations applied.'));
    case 'seed-demo':
      return withDatabase(config, async ({ db }) => {
        if (!(await isDatabaseEmpty(db)))
          throw new Error('The database is not empty: demo data is only loaded into an empty one.');
        await seedDemo(db, config);
        console.log('Demo data loaded.');
      });
    case 'create-admin':
      return createAdmin(config, rest);
    case 'verify-audit':
      return withDatabase(config, async ({ db }) => {
        const result = await verifyAuditChain(db);
        console.log(JSON.stringify(result, null, 2));
        if (!result.ok) process.exitCode = 1;
      });
    case 'import':
      return withDatabase(config, async ({ db }) => {
        process.exitCode = await importCommand(db, rest);
      });
    default:
      throw new Error(
        `Unknown command "${command}". Commands: serve, migrate, seed-demo, create-admin, verify-audit, ` +
          'import <file.csv...> [--mode all_or_nothing|valid_rows]',
      );
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof DataDirLockedError ? error.message : error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
