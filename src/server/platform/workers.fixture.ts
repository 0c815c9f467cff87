// Run by workers.test.ts: a primary with two workers, each a small HTTP server on a shared port.
// The first worker to listen sends on a channel; the others print what they receive.
import cluster from 'node:cluster';
import http from 'node:http';
import { runWorkers, workerChannel } from './workers';

const channel = workerChannel<{ from: number }>('test');

if (cluster.isPrimary) {
  runWorkers({ count: 2, onListening: (url) => console.log(`listening ${url}`), log: console.log });
} else {
  const id = cluster.worker?.id ?? 0;
  channel.receive(({ from }) => console.log(`worker ${id} received from worker ${from}`));
  const server = http.createServer((_request, response) => {
    channel.send({ from: id });
    response.end(String(id));
  });
  server.listen(0, '127.0.0.1', () => console.log(`worker ${id} pid ${process.pid}`));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}
