// Before any journey: make sure dist/web holds the current web client (built only when sources changed),
// and that the bundled Chromium is unpacked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: the journeys
  // must run the same production client that `npm start` serves.
  execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  // @sparticuz/chromium unpacks its browser into /tmp on first use; journeys starting in parallel on a
  // fresh machine would race on that and launch a half-written binary. Unpack once, here.
  if (!fs.existsSync('/usr/bin/chromium')) {
    const bundled = (await import('@sparticuz/chromium')).default;
    await bundled.executablePath();
  }
}
