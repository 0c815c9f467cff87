// Starts servers for benchmarks as separate processes, so that the load generator (this process) does
// not share an event loop with the server it measures: the real Tsunagu server, and a bare Fastify app
// as the baseline. Their output goes to our stderr; stdout stays for the benchmark's JSON.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the Tsunagu server keeps its data for this run. */
export type DatabaseTarget = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };

export type RunningServer = {
  name: string;
  baseUrl: string;
  /** SIGTERM, then wait for the process to exit (SIGKILL after a grace period). Resolves to the exit code. */
  stop: () => Promise<number | null>;
};

const running = new Set<RunningServer>();

/** Stops every server still running (on Ctrl-C or SIGTERM of the benchmark). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The real server: `node --import tsx src/server/main.ts serve`, with the demo city loaded. */
export async function startTsunagu(
  database: DatabaseTarget,
  workers = 1,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    TSUNAGU_SEED_DEMO: 'true',
    TSUNAGU_WORKERS: String(workers),
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.TSUNAGU_DATA_DIR;
  if (database.engine === 'pglite') env.TSUNAGU_DATA_DIR = database.dataDir;
  else env.DATABASE_URL = database.url;
  return startProcess({
    name: 'tsunagu',
    args: ['--import', 'tsx', 'src/server/main.ts', 'serve'],
    env,
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/api/health',
  });
}

/** The baseline: bench/bare-server.ts, one route and nothing else. */
export async function startBare(): Promise<RunningServer> {
  const port = await freePort();
  return startProcess({
    name: 'bare',
    args: ['--import', 'tsx', 'bench/bare-server.ts'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/bare',
  });
}

type ProcessSpec = {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  baseUrl: string;
  readyPath: string;
};

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 15_000;

async function startProcess(spec: ProcessSpec): Promise<RunningServer> {
  const child = spawn(process.execPath, spec.args, {
    cwd: repoRoot,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forwardOutput(child, spec.name);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0))),
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const stop = async (): Promise<number | null> => {
    running.delete(server);
    if (!hasExited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        console.error(`[${spec.name}] did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM: killing it.`);
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    }
    return exited;
  };

  const server: RunningServer = { name: spec.name, baseUrl: spec.baseUrl, stop };
  running.add(server);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (hasExited)
      throw new Error(`${spec.name} server exited with code ${await exited} before it was ready`);
    try {
      const response = await fetch(spec.baseUrl + spec.readyPath, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${spec.name} server not ready after ${READY_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}

function forwardOutput(child: ChildProcess, name: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stderr.write(`[${name}] ${line}\n`);
    });
    stream?.on('end', () => {
      if (pending) process.stderr.write(`[${name}] ${pending}\n`);
    });
  }
}
