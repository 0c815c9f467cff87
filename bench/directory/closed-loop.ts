// A closed-loop load generator: N workers, each sending its next request as soon as the previous one
// answered, for a fixed time. Every latency is kept, so percentiles (p95 included) are exact.
import http from 'node:http';

export type LoopResult = {
  requests: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  byKind: Record<string, { requests: number; p50: number; p95: number }>;
  failures: number;
  firstFailure?: string;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : 0;
const round = (n: number) => Math.round(n * 100) / 100;

/** Runs `task(i)` in `workers` loops for `seconds`; task i cycles through `kinds.length` items. */
export async function closedLoop(
  kinds: string[],
  workers: number,
  seconds: number,
  task: (index: number) => Promise<void>,
): Promise<LoopResult> {
  const latencies: number[] = [];
  const perKind = new Map<string, number[]>();
  let failures = 0;
  let firstFailure: string | undefined;
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const index = next++ % kinds.length;
        const t0 = performance.now();
        try {
          await task(index);
          const ms = performance.now() - t0;
          latencies.push(ms);
          const kind = kinds[index] as string;
          const list = perKind.get(kind) ?? [];
          list.push(ms);
          perKind.set(kind, list);
        } catch (error) {
          failures++;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const byKind: LoopResult['byKind'] = {};
  for (const [kind, list] of perKind) {
    const s = list.sort((a, b) => a - b);
    byKind[kind] = { requests: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)) };
  }
  return {
    requests: sorted.length,
    perSecond: round(sorted.length / elapsed),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? 0),
    },
    byKind,
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** GET a URL on a kept-alive connection; rejects on anything but 200. */
export function get(url: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`${response.statusCode} for ${url}`)),
      );
    });
    request.on('error', reject);
  });
}
