// Builds the real app on a fresh database for a test file: PGlite in memory always, and PostgreSQL
// (a schema of its own per test file) when TEST_DATABASE_URL is set. The demo city is loaded as fixtures.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { authenticator } from 'otplib';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { users } from '../../src/server/db/schema';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { seedDemo } from '../../src/server/demo/seed';

export type Engine = 'pglite' | 'postgres';

/** The engines every database test runs on here. */
export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TSUNAGU_SEED_DEMO: 'true' }),
    // Cheap hashing keeps the suite fast; production keeps the default cost.
    scryptCost: 2 ** 10,
    webDist: '/nonexistent',
    ...overrides,
  };
}

export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ engine: 'pglite' });
    await migrateDatabase(handle);
    return handle;
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = await openDatabase({ engine: 'postgres', url, searchPath: schema, poolSize: 4 });
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  /** A browser-like client: keeps its cookie, sends the CSRF header on mutations. */
  client: () => TestClient;
  /** A client signed in (password + TOTP) as a demo account. */
  signIn: (loginId: string, password?: string) => Promise<TestClient>;
  userId: (loginId: string) => Promise<string>;
  close: () => Promise<void>;
};

export type TestClient = {
  cookie: string | undefined;
  request: (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

function makeClient(app: FastifyInstance): TestClient {
  const client: TestClient = {
    cookie: undefined,
    request: async (method, url, payload, headers = {}) => {
      const response = await app.inject({
        method,
        url,
        payload: payload as InjectOptions['payload'],
        headers: {
          ...(method === 'GET' ? {} : { 'x-tsunagu-csrf': '1' }),
          ...(client.cookie ? { cookie: `tsunagu_session=${client.cookie}` } : {}),
          ...headers,
        },
      });
      const set = response.cookies.find((c) => c.name === 'tsunagu_session');
      if (set) client.cookie = set.value || undefined;
      return response;
    },
    get: (url) => client.request('GET', url),
    post: (url, payload) => client.request('POST', url, payload ?? {}),
    patch: (url, payload) => client.request('PATCH', url, payload ?? {}),
    put: (url, payload) => client.request('PUT', url, payload ?? {}),
    delete: (url) => client.request('DELETE', url),
  };
  return client;
}

export async function createTestApp(engine: Engine, overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const database = await openTestDatabase(engine);
  await seedDemo(database.db, config);
  const app = await buildApp(config, database);
  await app.ready();
  const userId = async (loginId: string) => {
    const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.loginId, loginId));
    if (!row) throw new Error(`no user ${loginId}`);
    return row.id;
  };
  return {
    app,
    database,
    config,
    client: () => makeClient(app),
    userId,
    signIn: async (loginId, password = DEMO_PASSWORD) => {
      const client = makeClient(app);
      const login = await client.post('/api/auth/login', { loginId, password });
      if (login.statusCode !== 200) throw new Error(`login ${loginId}: ${login.body}`);
      // The replay guard refuses a code of the same 30-second step twice; tests sign in often, so
      // they clear it. The guard itself is tested in login.test.ts.
      await database.db.update(users).set({ totpLastStep: null }).where(eq(users.loginId, loginId));
      const totp = await client.post('/api/auth/totp', { code: authenticator.generate(DEMO_TOTP_SECRET) });
      if (totp.statusCode !== 200) throw new Error(`totp ${loginId}: ${totp.body}`);
      return client;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Parses a JSON response body with a type for the test's convenience. */
export const json = <T = Record<string, unknown>>(response: LightMyRequestResponse): T =>
  response.json() as T;
