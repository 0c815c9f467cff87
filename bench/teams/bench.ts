// Benchmark "teams": the care-team timeline at the size of a city (bench/teams/generate.ts: 1,000,000
// posts on PostgreSQL, a tenth on PGlite). Three measures against the real server in its own process:
// - timeline: GET /api/teams/:id/posts (the first page, 20 posts with replies, mentions, receipts),
//   as the demo physician, across 40 of their teams, closed loop at the given concurrency;
// - home: GET /api/home/care (40 teams with unread counts, urgent posts, mentions, polls), one user;
// - live: `subscribers` members hold GET /api/live open; the physician posts to their team, and each
//   post's event is timed from the POST being sent to its arrival on every stream.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { closedLoop, get } from '../directory/closed-loop';
import { type BenchOptions, log, reportProblems, signIn, stopLoudly } from '../me';
import { startTsunagu } from '../server';
import {
  DOCTOR_TEAMS,
  doctorTeamsSql,
  fullScale,
  generationStatements,
  liveTeamSql,
  type Scale,
  subscriberUsersSql,
  tenthScale,
} from './generate';

const SESSION_COOKIE = 'tsunagu_session';
const LIVE_POSTS = 50;
const LIVE_INTERVAL_MS = 100;
const HOME_CONCURRENCY = 1;
const goals = { timelinePerSecond: 3000, homeP95Ms: 20, liveP99Ms: 100 };

export type Sql = {
  query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>;
  close: () => Promise<void>;
};

/** One connection to the benchmark's database (the server stopped, on PGlite: it has one user). */
export async function openSql(options: BenchOptions): Promise<Sql> {
  const { database } = options;
  if (database.engine === 'postgres') {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return { query: (text) => client.query(text), close: () => client.end() };
  }
  const client = await PGlite.create(path.join(database.dataDir, 'pglite'));
  return {
    query: async (text) => {
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => client.close(),
  };
}

/** Writes the data and a session for each subscriber (the server stopped: PGlite has one user). */
async function generate(options: BenchOptions, scale: Scale): Promise<{ seconds: number; tokens: string[] }> {
  const sql = await openSql(options);
  const started = performance.now();
  try {
    for (const statement of generationStatements(scale)) {
      const t0 = performance.now();
      await sql.query(statement.sql);
      log(`  ${statement.what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const users = (await sql.query(subscriberUsersSql(scale.subscribers))).rows.map((row) => String(row.id));
    const tokens = users.map(() => randomBytes(32).toString('base64url'));
    const values = users.map((userId, i) => {
      const hash = createHash('sha256')
        .update(tokens[i] as string)
        .digest('hex');
      return `('${hash}', '${userId}', 'active', now() + interval '1 day')`;
    });
    await sql.query(`INSERT INTO sessions (id, user_id, stage, expires_at) VALUES ${values.join(',')};`);
    return { seconds: round((performance.now() - started) / 1000), tokens };
  } finally {
    await sql.close();
  }
}

async function ids(options: BenchOptions, text: string): Promise<string[]> {
  const sql = await openSql(options);
  try {
    return (await sql.query(text)).rows.map((row) => String(row.id));
  } finally {
    await sql.close();
  }
}

/** One subscriber's stream: the time each post id arrived. */
function subscribe(baseUrl: string, token: string, arrivals: Map<string, number[]>): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${baseUrl}/api/live`,
      { headers: { cookie: `${SESSION_COOKIE}=${token}`, accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200)
          return reject(new Error(`GET /api/live answered ${response.statusCode}`));
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .find((line) => line.startsWith('data:'));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            const postId = data ? (JSON.parse(data.slice(5)) as { postId?: string }).postId : undefined;
            if (postId) arrivals.set(postId, [...(arrivals.get(postId) ?? []), at]);
          }
        });
        resolve(() => request.destroy());
      },
    );
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}

async function measureLive(baseUrl: string, cookie: string, teamId: string, tokens: string[]) {
  const arrivals = new Map<string, number[]>();
  const closers = await Promise.all(tokens.map((token) => subscribe(baseUrl, token, arrivals)));
  await sleep(1000);
  const sent = new Map<string, number>();
  try {
    for (let i = 0; i < LIVE_POSTS; i++) {
      const t0 = performance.now();
      const response = await fetch(`${baseUrl}/api/teams/${teamId}/posts`, {
        method: 'POST',
        headers: {
          cookie: `${SESSION_COOKIE}=${cookie}`,
          'content-type': 'application/json',
          'x-tsunagu-csrf': '1',
        },
        body: JSON.stringify({ body: `ライブ配信の計測 ${i + 1}` }),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 201 || !body.id) throw new Error(`POST answered ${response.status}`);
      sent.set(body.id, t0);
      await sleep(LIVE_INTERVAL_MS);
    }
    await sleep(1000);
  } finally {
    for (const close of closers) close();
  }
  const latencies: number[] = [];
  let missing = 0;
  for (const [postId, t0] of sent) {
    const times = arrivals.get(postId) ?? [];
    missing += tokens.length - times.length;
    for (const at of times) latencies.push(at - t0);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return {
    subscribers: tokens.length,
    posts: LIVE_POSTS,
    deliveries: latencies.length,
    missing,
    latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: round(latencies.at(-1) ?? 0) },
  };
}

export async function benchTeams(options: BenchOptions): Promise<Record<string, unknown>> {
  const scale = options.engine === 'postgres' ? fullScale : tenthScale;
  log('Starting the server once to migrate and load the demo city…');
  await stopLoudly(await startTsunagu(options.database, 1));
  log(`Writing the data (${scale.posts} posts)…`);
  const generated = await generate(options, scale);
  const teams = await ids(options, doctorTeamsSql());
  const [liveTeam] = await ids(options, liveTeamSql);
  const server = await startTsunagu(options.database, options.workers);
  try {
    const cookie = await signIn(server.baseUrl);
    const headers = { cookie: `${SESSION_COOKIE}=${cookie}` };
    const timelineUrl = (i: number) => `${server.baseUrl}/api/teams/${teams[i]}/posts`;
    const kinds = teams.map((_, i) => `team${i}`);
    log('Warming up…');
    await closedLoop(kinds, options.connections, 2, (i) => get(timelineUrl(i), headers));
    log(`Timeline: ${options.durationSeconds} s at concurrency ${options.connections}…`);
    const timeline = await closedLoop(kinds, options.connections, options.durationSeconds, (i) =>
      get(timelineUrl(i), headers),
    );
    log('Home page…');
    const home = await closedLoop(['home'], HOME_CONCURRENCY, options.durationSeconds, () =>
      get(`${server.baseUrl}/api/home/care`, headers),
    );
    log(`Live: ${generated.tokens.length} subscribers, ${LIVE_POSTS} posts…`);
    const live = await measureLive(server.baseUrl, cookie, liveTeam as string, generated.tokens);
    const problems = [
      ...(timeline.failures ? [`timeline: ${timeline.failures} failures (${timeline.firstFailure})`] : []),
      ...(home.failures ? [`home: ${home.failures} failures (${home.firstFailure})`] : []),
      ...(live.missing ? [`live: ${live.missing} events did not arrive`] : []),
    ];
    reportProblems(problems);
    const { byKind: _timelineKinds, ...timelineResult } = timeline;
    const { byKind: _homeKinds, ...homeResult } = home;
    return {
      benchmark: 'teams',
      engine: options.engine,
      node: process.version,
      cpus: os.cpus().length,
      workers: options.workers,
      scale,
      generateSeconds: generated.seconds,
      timeline: { connections: options.connections, teams: DOCTOR_TEAMS, ...timelineResult },
      home: { connections: HOME_CONCURRENCY, ...homeResult },
      live,
      goals: {
        ...goals,
        met: {
          timeline: timeline.perSecond >= goals.timelinePerSecond,
          home: home.latencyMs.p95 <= goals.homeP95Ms,
          live: live.latencyMs.p99 <= goals.liveP99Ms,
        },
      },
      ...(problems.length ? { problems } : {}),
    };
  } finally {
    await stopLoudly(server);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n * 100) / 100;
