// The command line as an operator uses it: separate processes on a real data directory.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Run = { code: number | null; stdout: string; stderr: string };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-cli-'));
const baseEnv = { ...process.env, TSUNAGU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...baseEnv, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function run(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = start(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdin?.end(stdin ?? '');
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('command line', () => {
  beforeAll(async () => {
    const migrated = await run(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    const seeded = await run(['seed-demo']);
    expect(seeded.code, seeded.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to load demo data into a database that has data', async () => {
    const again = await run(['seed-demo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  });

  it('refuses to serve in production while demo accounts exist', async () => {
    const result = await run(['serve'], { NODE_ENV: 'production', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Refusing to start in production: 11 demo accounts/);
  });

  it('refuses several workers on the embedded database, saying what to set', async () => {
    const result = await run(['serve'], { TSUNAGU_WORKERS: '2', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /TSUNAGU_WORKERS: several server processes need PostgreSQL \(DATABASE_URL\)/,
    );
  });

  it('creates a system admin, checking the password', async () => {
    const args = [
      'create-admin',
      '--login-id',
      'operator',
      '--name',
      '運用 花子',
      '--kana',
      'ウンヨウ ハナコ',
      '--password-stdin',
    ];
    const weak = await run(args, {}, 'password123\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/推測されやすい/);
    const ok = await run(args, {}, 'unyou-no-hanako-2026\n');
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('verifies the audit chain', async () => {
    const result = await run(['verify-audit']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('serves, refuses a second process on the same data directory, and shuts down gracefully', async () => {
    const port = await freePort();
    const server = start(['serve'], { PORT: String(port) });
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    const deadline = Date.now() + 60_000;
    while (!output.includes('Tsunagu is running') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain(`http://localhost:${port}`);
    expect(output).toContain('README.md');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, engine: 'pglite' });

    const second = await run(['migrate']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by another Tsunagu process \(PID \d+\)/);

    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/Audit chain head at shutdown: #\d+ [0-9a-f]{64}/);
    expect(fs.existsSync(path.join(dataDir, 'tsunagu.lock'))).toBe(false);
  });
});
