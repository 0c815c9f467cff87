// `main.ts import` as an operator runs it: a separate process on a PGlite data directory, a summary
// on stdout, progress on stderr (a line every 10 % when stderr is no terminal), exit code 1 on failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../../tests/support/import-files';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-import-cli-'));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'import', ...args], {
      env: { ...process.env, TSUNAGU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each case starts Node with tsx and opens PGlite: seconds on a busy machine.
const SLOW = 120_000;

describe('import command', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it(
    'imports files, prints a summary each, and says which rows it refused',
    async () => {
      const result = await cli([
        fixturePath('jigyosho_130.csv'),
        fixturePath('jigyosho_110_messy.csv'),
        '--mode',
        'valid_rows',
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('jigyosho_130.csv: succeeded — 5 rows read: 5 added, 0 updated');
      expect(result.stdout).toContain('jigyosho_110_messy.csv: succeeded — 12 rows read: 8 added');
      expect(result.stdout).toContain('  line 11: 事業所番号「99A0000001」が正しくありません。');
      expect(result.stdout).toContain(
        'repair (1): 緯度と経度が入れ替わっていたため、入れ替えて取り込みました。',
      );
      expect(result.stderr).toContain('jigyosho_130.csv: 100% (5 rows)');
    },
    SLOW,
  );

  it(
    'exits with 1 when a run failed (all or nothing, refused rows), and on a wrong mode',
    async () => {
      const failed = await cli([fixturePath('jigyosho_110_messy.csv')]);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('jigyosho_110_messy.csv: failed — 12 rows read: 0 added');
      expect(failed.stdout).toMatch(/error: 4行を取り込めなかったため/);
      const usage = await cli([fixturePath('jigyosho_130.csv'), '--mode', 'some']);
      expect(usage.code).toBe(1);
      expect(usage.stderr).toContain('Usage: import <file.csv...> [--mode all_or_nothing|valid_rows]');
    },
    SLOW,
  );
});
