// A paced load: `clients` crews, each on its own kept-alive connection, each sending one look-up every
// `clients ÷ rate` seconds (their first at a random moment of that interval, so they do not all start
// together). Unlike autocannon's overallRate, which releases each second's quota at once, the requests
// arrive evenly. Every latency is kept (from sending the request to the end of its answer).
import http from 'node:http';

export type PacedResult = {
  requests: number;
  requestsPerSecond: number;
  latencies: number[];
  non2xx: number;
  errors: number;
  /** Requests that started later than planned because the client's previous answer was not yet in. */
  late: number;
};

export async function pacedLoad(options: {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  clients: number;
  rate: number;
  durationSeconds: number;
}): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const target = new URL(options.url);
  const intervalMs = (options.clients / options.rate) * 1000;
  const started = performance.now();
  const end = started + options.durationSeconds * 1000;
  const result: PacedResult = {
    requests: 0,
    requestsPerSecond: 0,
    latencies: [],
    non2xx: 0,
    errors: 0,
    late: 0,
  };

  const send = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  const client = async () => {
    let next = started + Math.random() * intervalMs;
    while (next < end) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else if (wait < -1) result.late++;
      const t0 = performance.now();
      try {
        const status = await send(options.body());
        if (status >= 200 && status < 300) result.latencies.push(performance.now() - t0);
        else result.non2xx++;
      } catch {
        result.errors++;
      }
      result.requests++;
      next += intervalMs;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  agent.destroy();
  result.latencies.sort((a, b) => a - b);
  result.requestsPerSecond =
    Math.round((result.requests / ((performance.now() - started) / 1000)) * 100) / 100;
  return result;
}
