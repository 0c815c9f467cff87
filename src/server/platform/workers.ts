// Several server processes on one port (node:cluster, TSUNAGU_WORKERS > 1, PostgreSQL only): the
// primary prepares the database once and keeps the workers running; each worker is a whole server,
// with its own directory search index kept in step through the database. What one worker must tell
// the others at once (its directory writes, an import's progress) goes through the primary, which
// passes every message on to the other workers. In a single process every message stays unsent.
import cluster, { type Worker } from 'node:cluster';

type Envelope = { tsunaguChannel: string; payload: unknown };

const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' && message !== null && 'tsunaguChannel' in message;

const receivers = new Map<string, (payload: unknown) => void>();

if (cluster.isWorker) {
  process.on('message', (message: unknown) => {
    if (isEnvelope(message)) receivers.get(message.tsunaguChannel)?.(message.payload);
  });
}

/** A named channel to the other workers: `send` reaches each of them once, never this process. */
export function workerChannel<T>(name: string) {
  return {
    send(payload: T): void {
      if (cluster.isWorker && process.send)
        process.send({ tsunaguChannel: name, payload } satisfies Envelope);
    },
    receive(handler: (payload: T) => void): void {
      receivers.set(name, handler as (payload: unknown) => void);
    },
  };
}

export const isWorkerProcess = (): boolean => cluster.isWorker;

type WorkersOptions = {
  count: number;
  /** Once every worker listens: the address they share. */
  onListening: (address: string) => void;
  log: (message: string) => void;
};

/**
 * The primary: forks `count` workers, relays their messages, starts a new worker when one dies
 * (unless it died before it ever listened: then the configuration is wrong, and all stop), and on
 * SIGTERM or SIGINT stops them all — each finishes its requests in flight — before it exits.
 */
export function runWorkers({ count, onListening, log }: WorkersOptions): void {
  let stopping = false;
  const listening = new Set<number>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: unknown) => {
      if (!isEnvelope(message)) return;
      for (const other of Object.values(cluster.workers ?? {}))
        if (other && other.id !== worker.id && other.isConnected()) other.send(message);
    });
    worker.once('listening', (address) => {
      listening.add(worker.id);
      if (listening.size === count) onListening(`http://localhost:${address.port}`);
    });
    worker.once('exit', (code, signal) => {
      const started = listening.delete(worker.id);
      if (stopping) return;
      if (!started) {
        log(`A worker stopped while starting (exit code ${code ?? signal}): stopping all.`);
        stop(1);
        return;
      }
      log(`A worker stopped (exit code ${code ?? signal}): starting another.`);
      fork();
    });
    return worker;
  };
  const stop = (exitCode: number) => {
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    let left = running.length;
    if (left === 0) process.exit(exitCode);
    for (const worker of running) {
      worker.once('exit', () => {
        if (--left === 0) process.exit(exitCode);
      });
      worker.process.kill('SIGTERM');
    }
  };
  for (let i = 0; i < count; i++) fork();
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      log(`${signal}: the workers finish their requests in flight, then stop.`);
      stop(0);
    });
}
