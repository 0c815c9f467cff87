// Benchmark "me": GET /api/me for a signed-in demo user (cookie → session lookup → two queries → JSON),
// against GET /bare of a bare Fastify app, same load, same run. /api/me is a read path: the server
// writes the session's last_seen_at at most once a minute.
import os from 'node:os';
import autocannon from 'autocannon';
import { authenticator } from 'otplib';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/server/demo/accounts';
import { type DatabaseTarget, startBare, startTsunagu } from './server';

export type BenchOptions = {
  engine: DatabaseTarget['engine'];
  database: DatabaseTarget;
  durationSeconds: number;
  connections: number;
  /** Server processes (TSUNAGU_WORKERS). */
  workers: number;
};

type Measurement = {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number };
  errors: number;
  non2xx: number;
};

const CSRF = { 'x-tsunagu-csrf': '1' };
const SESSION_COOKIE = 'tsunagu_session';
const WARMUP_SECONDS = 2;

export async function benchMe(options: BenchOptions): Promise<Record<string, unknown>> {
  const tsunagu = await startTsunagu(options.database, options.workers);
  try {
    const bare = await startBare();
    try {
      const cookie = await signIn(tsunagu.baseUrl);
      const meUrl = `${tsunagu.baseUrl}/api/me`;
      const meHeaders = { cookie: `${SESSION_COOKIE}=${cookie}` };

      log('Warming up GET /api/me…');
      await load(meUrl, meHeaders, WARMUP_SECONDS, options.connections);
      log(`Measuring GET /api/me for ${options.durationSeconds} s with ${options.connections} connections…`);
      const me = await load(meUrl, meHeaders, options.durationSeconds, options.connections);
      // Still signed in afterwards? If not, the session ended during the run (idle timeout, revoked…).
      const after = await fetch(meUrl, { headers: meHeaders });

      log('Warming up GET /bare…');
      await load(`${bare.baseUrl}/bare`, {}, WARMUP_SECONDS, options.connections);
      log(`Measuring GET /bare for ${options.durationSeconds} s with ${options.connections} connections…`);
      const baseline = await load(`${bare.baseUrl}/bare`, {}, options.durationSeconds, options.connections);

      const problems: string[] = [];
      if (me.result.non2xx > 0 || me.result.errors > 0) {
        problems.push(
          `GET /api/me: ${me.result.non2xx} non-2xx answers and ${me.result.errors} errors; status codes ${JSON.stringify(me.statusCodes)}`,
        );
      }
      if (after.status !== 200)
        problems.push(`GET /api/me after the run answered ${after.status}: the session ended`);
      if (baseline.result.non2xx > 0 || baseline.result.errors > 0) {
        problems.push(
          `GET /bare: ${baseline.result.non2xx} non-2xx answers and ${baseline.result.errors} errors`,
        );
      }
      reportProblems(problems);

      return {
        benchmark: 'me',
        engine: options.engine,
        node: process.version,
        cpus: os.cpus().length,
        durationSeconds: options.durationSeconds,
        connections: options.connections,
        me: me.result,
        bare: baseline.result,
        ratio: {
          throughput: ratio(me.result.requestsPerSecond, baseline.result.requestsPerSecond),
          p99: ratio(me.result.latencyMs.p99, baseline.result.latencyMs.p99),
        },
        ...(problems.length > 0 ? { problems } : {}),
      };
    } finally {
      await stopLoudly(bare);
    }
  } finally {
    await stopLoudly(tsunagu);
  }
}

/**
 * Password, then TOTP, through the real API, like the web client, as a demo account (the doctor unless
 * told). Returns the session cookie's value.
 */
export async function signIn(baseUrl: string, loginId = 'doctor'): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { ...CSRF, 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: DEMO_PASSWORD }),
  });
  const loginBody = await login.text();
  const cookie = sessionCookie(login);
  if (login.status !== 200 || !cookie)
    throw new Error(`Sign-in (password) failed: ${login.status} ${loginBody}`);
  if ((JSON.parse(loginBody) as { stage?: string }).stage !== 'totp_required') {
    throw new Error(`Sign-in (password): expected stage totp_required, got ${loginBody}`);
  }

  const totp = await fetch(`${baseUrl}/api/auth/totp`, {
    method: 'POST',
    headers: { ...CSRF, 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${cookie}` },
    body: JSON.stringify({ code: authenticator.generate(DEMO_TOTP_SECRET) }),
  });
  const totpBody = await totp.text();
  if (totp.status !== 200) throw new Error(`Sign-in (TOTP) failed: ${totp.status} ${totpBody}`);
  const active = sessionCookie(totp) ?? cookie;

  const me = await fetch(`${baseUrl}/api/me`, { headers: { cookie: `${SESSION_COOKIE}=${active}` } });
  const meBody = await me.text();
  const stage =
    me.status === 200 ? (JSON.parse(meBody) as { session?: { stage?: string } }).session?.stage : undefined;
  if (stage !== 'active') throw new Error(`After sign-in, GET /api/me answered ${me.status} ${meBody}`);
  log(`Signed in as ${loginId}; GET /api/me answers ${Buffer.byteLength(meBody)} bytes.`);
  return active;
}

function sessionCookie(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const [name, ...value] = pair.split('=');
    if (name?.trim() === SESSION_COOKIE && value.join('=')) return value.join('=');
  }
  return undefined;
}

/**
 * autocannon against one URL. Latency percentiles come from our own sub-millisecond record of the 2xx
 * answers: autocannon's histogram has whole milliseconds, too coarse for a bare route.
 */
async function load(
  url: string,
  headers: Record<string, string>,
  durationSeconds: number,
  connections: number,
): Promise<{ result: Measurement; statusCodes: Record<string, number> }> {
  const { raw, latencies, statusCodes } = await autocannonRun(url, headers, durationSeconds, connections);
  return {
    result: {
      requestsPerSecond: round(raw.requests.average, 1),
      latencyMs: {
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
      },
      errors: raw.errors,
      non2xx: raw.non2xx,
    },
    statusCodes,
  };
}

/**
 * One autocannon run against one URL, keeping the latency of every 2xx answer (sub-millisecond,
 * sorted): any percentile of them is exact — autocannon's own result has no p95, and whole milliseconds.
 */
export async function autocannonRun(
  url: string,
  headers: Record<string, string>,
  durationSeconds: number,
  connections: number,
  /** More of autocannon's options: a method and body, requests that vary, a total rate. */
  extra: Partial<autocannon.Options> = {},
): Promise<{ raw: autocannon.Result; latencies: number[]; statusCodes: Record<string, number> }> {
  const latencies: number[] = [];
  const raw = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url, headers, duration: durationSeconds, connections, ...extra };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(raw.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return { raw, latencies, statusCodes };
}

/** Says why a run is invalid (stderr) and makes the runner exit with 1; the JSON is still printed. */
export function reportProblems(problems: string[]): void {
  for (const problem of problems) log(`!!! BENCHMARK INVALID: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

/** What a benchmark's figures were measured on: its name, the engine, Node, cores, processes, load. */
export const measuredOn = (benchmark: string, options: BenchOptions) => ({
  benchmark,
  engine: options.engine,
  node: process.version,
  cpus: os.cpus().length,
  workers: options.workers,
  durationSeconds: options.durationSeconds,
  connections: options.connections,
});

/** Latency of every 2xx answer of a run, summed up (ms, to the hundredth). */
export function latencySummary(sorted: number[]) {
  const hundredth = (n: number) => round(n, 2);
  return {
    requests: sorted.length,
    p50: hundredth(percentile(sorted, 50)),
    p95: hundredth(percentile(sorted, 95)),
    p99: hundredth(percentile(sorted, 99)),
    max: hundredth(sorted.at(-1) ?? Number.NaN),
  };
}

/**
 * A closed loop after a warm-up: every connection sends its next request as soon as the last is
 * answered (autocannon), for `options.durationSeconds` at `options.connections`.
 */
export async function closedLoop(
  url: string,
  headers: Record<string, string>,
  options: Pick<BenchOptions, 'durationSeconds' | 'connections'>,
  extra: Partial<autocannon.Options> = {},
) {
  await autocannonRun(url, headers, WARMUP_SECONDS, options.connections, extra);
  const run = await autocannonRun(url, headers, options.durationSeconds, options.connections, extra);
  return {
    ...latencySummary(run.latencies),
    requestsPerSecond: round(run.raw.requests.average, 2),
    errors: run.raw.errors,
    non2xx: run.raw.non2xx,
    statusCodes: run.statusCodes,
  };
}

/** The nearest-rank percentile of sorted values, in ms to the microsecond. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, index)] ?? Number.NaN, 3);
}

function ratio(a: number, b: number): number | null {
  return b > 0 && Number.isFinite(a) ? round(a / b, 3) : null;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export async function stopLoudly(server: {
  name: string;
  stop: () => Promise<number | null>;
}): Promise<void> {
  const code = await server.stop();
  if (code !== 0) log(`!!! ${server.name} server exited with code ${code} after SIGTERM`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
