// Before any journey: make sure dist/web holds the current web client (built only when sources changed).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: the journeys
  // must run the same production client that `npm start` serves.
  execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
