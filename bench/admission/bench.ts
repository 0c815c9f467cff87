// Benchmark "admission": the overdue and due-soon lists of admission and discharge support over
// 100,000 episodes (issue 6: "Overdue lists over 100,000 episodes: ≤ 50 ms p95 on PostgreSQL"; on
// PGlite a tenth by default). The data (admission/generate.ts) is written by SQL after the server has
// migrated and seeded the demo city; then the real server, in its own process, is loaded by autocannon
// from this one, each list on its own run after a warm-up, signed in as the demo account that reads it:
// - centerOverdue: GET /api/admission/center/overdue as `center` (every overdue step of the city, the
//   longest overdue 100, and the total; no patients);
// - careManagerDue: GET /api/admission/due as `caremanager` (her office's steps overdue or due within
//   two days, in the episodes she may see: patient access checked row by row, audited);
// - mswDue: GET /api/admission/due as `msw` (the window of みらい中央病院: its steps, under consent);
// - performance: GET /api/admission/center/performance as `center` (on-time rates of twelve months;
//   reported, no goal).
// Each list is fetched once first: its items are checked against counts made directly in the database.
import { todayInJapan } from '../../src/shared/dates';
import { type BenchOptions, closedLoop, log, measuredOn, reportProblems, signIn, stopLoudly } from '../me';
import { startTsunagu } from '../server';
import { openSql } from '../teams/bench';
import { type Demo, generationStatements, readDemo, type Scale, scaleOf, summarySql } from './generate';

const SESSION_COOKIE = 'tsunagu_session';

import { CENTER_LIST_LIMIT, MY_LIST_LIMIT } from '../../src/server/features/admission/due-lists';

const FULL_EPISODES = 100_000;
const goal = { p95Ms: 50, engine: 'postgres', episodes: FULL_EPISODES };
const GOAL_LISTS = ['centerOverdue', 'careManagerDue', 'mswDue'] as const;

type ListName = (typeof GOAL_LISTS)[number] | 'performance';

type Summary = {
  episodes: number;
  openEpisodes: number;
  steps: number;
  pendingSteps: number;
  overdueSteps: number;
  dueSoonSteps: number;
  careManagerTeams: number;
  careManagerDue: number;
  mswDue: number;
};

/** Writes the data with the server stopped (PGlite has one user); the counts it made. */
async function generate(
  options: BenchOptions,
  scale: Scale,
): Promise<{ seconds: number; demo: Demo; summary: Summary }> {
  const sql = await openSql(options);
  try {
    const demo = await readDemo(sql, todayInJapan());
    const started = performance.now();
    for (const statement of generationStatements(scale, demo)) {
      const t0 = performance.now();
      await sql.query(statement.sql);
      log(`  ${statement.what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const seconds = round((performance.now() - started) / 1000);
    const [row] = (await sql.query(summarySql(demo))).rows;
    return { seconds, demo, summary: row as Summary };
  } finally {
    await sql.close();
  }
}

type ListBody = { items?: unknown[]; total?: number; rows?: unknown[] };

/** One GET of the list, as the measure will send it: its status, size and what it holds. */
async function fetchList(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  const text = await response.text();
  const body = response.status === 200 ? (JSON.parse(text) as ListBody) : {};
  return { status: response.status, bytes: Buffer.byteLength(text), body, text };
}

const measure = (url: string, cookie: string, options: BenchOptions) =>
  closedLoop(url, { cookie: `${SESSION_COOKIE}=${cookie}` }, options);

export async function benchAdmission(
  options: BenchOptions & { count?: number },
): Promise<Record<string, unknown>> {
  const episodes = options.count ?? (options.engine === 'postgres' ? FULL_EPISODES : FULL_EPISODES / 10);
  const scale = scaleOf(episodes);
  log('Starting the server once to migrate and load the demo city…');
  await stopLoudly(await startTsunagu(options.database, 1));
  log(`Writing the data (${scale.episodes} episodes of ${scale.patients} patients)…`);
  const { seconds: loadSeconds, demo, summary } = await generate(options, scale);
  log(`  ${JSON.stringify(summary)}`);

  const server = await startTsunagu(options.database, options.workers);
  try {
    const cookies = {
      center: await signIn(server.baseUrl, 'center'),
      caremanager: await signIn(server.baseUrl, 'caremanager'),
      msw: await signIn(server.baseUrl, 'msw'),
    };
    const lists: Record<
      ListName,
      { path: string; cookie: string; expected?: { items: number; total?: number } }
    > = {
      centerOverdue: {
        path: '/api/admission/center/overdue',
        cookie: cookies.center,
        expected: { items: Math.min(CENTER_LIST_LIMIT, summary.overdueSteps), total: summary.overdueSteps },
      },
      careManagerDue: {
        path: '/api/admission/due',
        cookie: cookies.caremanager,
        expected: { items: Math.min(MY_LIST_LIMIT, summary.careManagerDue) },
      },
      mswDue: {
        path: '/api/admission/due',
        cookie: cookies.msw,
        expected: { items: Math.min(MY_LIST_LIMIT, summary.mswDue) },
      },
      performance: { path: '/api/admission/center/performance', cookie: cookies.center },
    };

    const problems: string[] = [];
    const results: Record<string, Record<string, unknown>> = {};
    for (const [name, list] of Object.entries(lists)) {
      const url = server.baseUrl + list.path;
      const first = await fetchList(url, list.cookie);
      const items = first.body.items?.length ?? first.body.rows?.length ?? 0;
      const shape = {
        ...(first.body.rows ? { rows: items } : { items }),
        ...(first.body.total !== undefined ? { total: first.body.total } : {}),
        bytes: first.bytes,
      };
      if (first.status !== 200) {
        problems.push(`${name}: GET ${list.path} answered ${first.status} ${first.text.slice(0, 300)}`);
      } else if (items === 0) {
        problems.push(`${name}: GET ${list.path} answered an empty list`);
      } else if (list.expected) {
        const { expected } = list;
        if (items !== expected.items || (expected.total !== undefined && first.body.total !== expected.total))
          problems.push(
            `${name}: ${JSON.stringify(shape)}, expected ${JSON.stringify(expected)} from the database`,
          );
      }
      log(
        `${name}: ${JSON.stringify(shape)}; ${options.durationSeconds} s at ${options.connections} connections…`,
      );
      const measured = await measure(url, list.cookie, options);
      if (measured.errors > 0 || measured.non2xx > 0)
        problems.push(
          `${name}: ${measured.non2xx} non-2xx answers and ${measured.errors} errors; status codes ${JSON.stringify(measured.statusCodes)}`,
        );
      const { statusCodes: _codes, ...result } = measured;
      results[name] = { ...result, ...shape };
    }

    reportProblems(problems);
    const byList = Object.fromEntries(
      GOAL_LISTS.map((name) => [name, Number(results[name]?.p95) <= goal.p95Ms]),
    ) as Record<(typeof GOAL_LISTS)[number], boolean>;
    return {
      ...measuredOn('admission', options),
      today: demo.today,
      episodes: summary.episodes,
      steps: summary.steps,
      patients: scale.patients,
      teams: scale.patients,
      loadSeconds,
      data: {
        openEpisodes: summary.openEpisodes,
        pendingSteps: summary.pendingSteps,
        overdueSteps: summary.overdueSteps,
        dueSoonSteps: summary.dueSoonSteps,
        careManagerTeams: summary.careManagerTeams,
        careManagerDue: summary.careManagerDue,
        mswDue: summary.mswDue,
      },
      lists: results,
      goal: {
        ...goal,
        lists: GOAL_LISTS,
        byList,
        met: Object.values(byList).every(Boolean),
        // The goal is for PostgreSQL at 100,000 episodes: a smaller or PGlite run is not its proof.
        atGoalScale: options.engine === goal.engine && summary.episodes >= goal.episodes,
      },
      ...(problems.length > 0 ? { problems } : {}),
    };
  } finally {
    await stopLoudly(server);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
