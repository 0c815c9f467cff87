// Benchmark "emergency": the EMS look-up by the card's QR token (issue 7: "EMS lookup p99 ≤ 30 ms under
// 200 concurrent requests on PostgreSQL"). The data (emergency/generate.ts: --count patients, default
// 100,000; PGlite a tenth) is written by SQL after the server has migrated and seeded the demo city;
// then the real server, in its own process, is loaded by autocannon from this one, signed in as the
// demo crew member `ems`: POST /api/emergency/lookup with a random patient's token and a reason — the
// whole path: lockout check, the kit, sheet and consent in one prepared query, the ACP wishes, the
// access row, the audit record, the care team told.
// Two loads, each after a warm-up, 200 connections by default:
// - paced: `--connections` crews on connections of their own share `--rate` look-ups per second, evenly
//   (paced.ts; default 200: every crew asks once a second — far above any real night of a city);
// - saturated: every connection sends its next request as soon as the last is answered, so 200 are
//   always in flight; its latency is then mostly waiting in line (≈ connections ÷ throughput).
// Each look-up's answer is checked first: a shared patient's sheet (200, the right name), one without
// the EMS consent (404).
import { parseArgs } from 'node:util';
import {
  type BenchOptions,
  closedLoop,
  latencySummary,
  log,
  measuredOn,
  reportProblems,
  signIn,
  stopLoudly,
} from '../me';
import { startTsunagu } from '../server';
import { openSql } from '../teams/bench';
import { generationStatements, tokenOf, withoutEmsConsent } from './generate';
import { pacedLoad } from './paced';

const SESSION_COOKIE = 'tsunagu_session';
const WARMUP_SECONDS = 2;
const FULL_PATIENTS = 100_000;
const goal = { p99Ms: 30, connections: 200, engine: 'postgres', patients: FULL_PATIENTS };

async function generate(options: BenchOptions, patients: number): Promise<number> {
  const sql = await openSql(options);
  try {
    const started = performance.now();
    for (const statement of generationStatements(patients)) {
      const t0 = performance.now();
      await sql.query(statement.sql);
      log(`  ${statement.what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    return round((performance.now() - started) / 1000);
  } finally {
    await sql.close();
  }
}

const headersOf = (cookie: string) => ({
  cookie: `${SESSION_COOKIE}=${cookie}`,
  'content-type': 'application/json',
  'x-tsunagu-csrf': '1',
});
const bodyOf = (n: number) => JSON.stringify({ token: tokenOf(n), reason: 'transport' });

/** A shared patient, at random (those without the EMS consent skipped). */
function randomShared(patients: number): number {
  for (;;) {
    const n = 1 + Math.floor(Math.random() * patients);
    if (!withoutEmsConsent(n)) return n;
  }
}

async function check(url: string, cookie: string, patients: number): Promise<string[]> {
  const problems: string[] = [];
  const shared = randomShared(patients);
  const found = await fetch(url, { method: 'POST', headers: headersOf(cookie), body: bodyOf(shared) });
  const body = (await found.json()) as { values?: { name?: string }; wishes?: unknown };
  if (found.status !== 200 || body.values?.name !== `合成 利用者${shared}`)
    problems.push(`look-up of patient ${shared}: ${found.status} ${JSON.stringify(body).slice(0, 300)}`);
  if (found.headers.get('cache-control') !== 'no-store') problems.push('the answer is not marked no-store');
  const refused = await fetch(url, { method: 'POST', headers: headersOf(cookie), body: bodyOf(20) });
  if (refused.status !== 404) problems.push(`patient 20 has no EMS consent but answered ${refused.status}`);
  return problems;
}

/** `connections` crews sharing `rate` look-ups a second, evenly (paced.ts), after a warm-up. */
async function paced(url: string, cookie: string, patients: number, options: BenchOptions, rate: number) {
  const load = (durationSeconds: number) =>
    pacedLoad({
      url,
      headers: headersOf(cookie),
      body: () => bodyOf(randomShared(patients)),
      clients: options.connections,
      rate,
      durationSeconds,
    });
  await load(WARMUP_SECONDS);
  const run = await load(options.durationSeconds);
  return {
    rate,
    ...latencySummary(run.latencies),
    requestsPerSecond: run.requestsPerSecond,
    late: run.late,
    errors: run.errors,
    non2xx: run.non2xx,
  };
}

/** Every connection sends its next look-up as soon as the last is answered (autocannon). */
const saturated = (url: string, cookie: string, patients: number, options: BenchOptions) =>
  closedLoop(url, headersOf(cookie), options, {
    method: 'POST',
    requests: [
      { method: 'POST', setupRequest: (request) => ({ ...request, body: bodyOf(randomShared(patients)) }) },
    ],
  });

/** `--rate 200,300,400`: the paced rates, each measured in turn (the first is the goal's). */
function ratesOf(): number[] {
  const { values } = parseArgs({ options: { rate: { type: 'string', default: '200' } }, strict: false });
  const rates = String(values.rate).split(',').map(Number);
  if (rates.some((rate) => !Number.isInteger(rate) || rate <= 0))
    throw new Error(`--rate must be whole look-ups a second, comma-separated; got ${values.rate}`);
  return rates;
}

export async function benchEmergency(
  options: BenchOptions & { count?: number },
): Promise<Record<string, unknown>> {
  const rates = ratesOf();
  const patients = options.count ?? (options.engine === 'postgres' ? FULL_PATIENTS : FULL_PATIENTS / 10);
  log('Starting the server once to migrate and load the demo city…');
  await stopLoudly(await startTsunagu(options.database, 1));
  log(`Writing the data (${patients} patients with sheets and kits)…`);
  const loadSeconds = await generate(options, patients);
  // The per-address limit of the EMS path (60 a minute by default) would refuse a load generator
  // that is one address; the lockout is untouched (no look-up here fails).
  const server = await startTsunagu(options.database, options.workers, {
    EMS_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  try {
    const cookie = await signIn(server.baseUrl, 'ems');
    const url = `${server.baseUrl}/api/emergency/lookup`;
    const problems = await check(url, cookie, patients);
    const pacedRuns = [];
    for (const rate of rates) {
      log(
        `paced: ${rate} requests/s over ${options.connections} connections for ${options.durationSeconds} s…`,
      );
      pacedRuns.push(await paced(url, cookie, patients, options, rate));
    }
    log(`saturated: ${options.connections} requests always in flight for ${options.durationSeconds} s…`);
    const { statusCodes, ...saturatedRun } = await saturated(url, cookie, patients, options);
    for (const run of pacedRuns)
      if (run.errors > 0 || run.non2xx > 0)
        problems.push(`paced ${run.rate}/s: ${run.non2xx} non-2xx answers and ${run.errors} errors`);
    if (saturatedRun.errors > 0 || saturatedRun.non2xx > 0)
      problems.push(
        `saturated: ${saturatedRun.non2xx} non-2xx answers and ${saturatedRun.errors} errors; ${JSON.stringify(statusCodes)}`,
      );
    reportProblems(problems);
    const [goalRun] = pacedRuns as [(typeof pacedRuns)[number]];
    // The highest rate up to which every rate measured met the goal.
    const ascending = [...pacedRuns].sort((a, b) => a.rate - b.rate);
    const firstMissed = ascending.findIndex((run) => run.p99 > goal.p99Ms);
    const lastMet = firstMissed === -1 ? ascending.at(-1) : ascending[firstMissed - 1];
    return {
      ...measuredOn('emergency', options),
      patients,
      loadSeconds,
      paced: pacedRuns,
      saturated: saturatedRun,
      goal: {
        ...goal,
        pacedRate: goalRun.rate,
        pacedMet: goalRun.p99 <= goal.p99Ms,
        pacedMetUpTo: lastMet?.rate ?? null,
        saturatedMet: saturatedRun.p99 <= goal.p99Ms,
        atGoalScale:
          options.engine === goal.engine &&
          patients >= goal.patients &&
          options.connections >= goal.connections,
      },
      ...(problems.length > 0 ? { problems } : {}),
    };
  } finally {
    await stopLoudly(server);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
