import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

describe('PGlite data directory lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opener while a live process holds the lock, naming its PID', () => {
    const dir = tempDir();
    // PID 1 is always alive: it stands for another Tsunagu process.
    fs.writeFileSync(path.join(dir, 'tsunagu.lock'), '1\n');
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another Tsunagu process \(PID 1\)/);
  });

  it('takes over a stale lock left by a process that has died', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'tsunagu.lock'), '999999999\n');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'tsunagu.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'tsunagu.lock'))).toBe(false);
  });

  it('holds the lock for as long as the database is open', async () => {
    const dir = tempDir();
    const handle = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'tsunagu.lock'), 'utf8').trim()).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(path.join(dir, 'tsunagu.lock'))).toBe(false);
  });
});
