// Several server processes on one port: messages reach the other workers and never the sender; a
// worker that dies is replaced; SIGTERM stops them all.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const fixture = path.join(import.meta.dirname, 'workers.fixture.ts');

function waitFor(read: () => string, pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const match = read().match(pattern);
      if (match) resolve(match);
      else if (Date.now() - started > ms) reject(new Error(`not seen: ${pattern}\n${read()}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** A fresh connection each time, so that the primary hands it to the next worker. */
const fetchNew = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });

describe('server workers', () => {
  let child: ChildProcess;
  let output = '';
  afterAll(() => child?.kill('SIGKILL'));

  it('pass messages to the other workers, replace one that dies, and stop together', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', fixture], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const [, url] = (await waitFor(() => output, /listening (\S+)/)) as string[];
    const answered = new Set<string>();
    for (let i = 0; i < 6 && answered.size < 2; i++) answered.add(await fetchNew(url as string));
    expect(answered).toEqual(new Set(['1', '2']));
    await waitFor(() => output, /worker 2 received from worker 1/);
    await waitFor(() => output, /worker 1 received from worker 2/);
    expect(output).not.toMatch(/worker (\d) received from worker \1\b/);

    const [, pid] = (await waitFor(() => output, /worker 1 pid (\d+)/)) as string[];
    process.kill(Number(pid), 'SIGKILL');
    await waitFor(() => output, /A worker stopped .*: starting another/);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/SIGTERM: the workers finish their requests in flight/);
  });
});
