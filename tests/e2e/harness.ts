// Shared machinery of the browser journeys: a real server on a fresh database, a real Chromium,
// accessibility checks with axe-core, TOTP codes, and screenshots of failures.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { authenticator } from 'otplib';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  request,
} from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';

export const root = path.resolve(import.meta.dirname, '../..');
export const artifactsDir = path.join(root, 'tests/e2e/artifacts');

export type Server = { baseUrl: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `src/server/main.ts serve` on a free port with a fresh data directory and the demo city. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tsunagu-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TSUNAGU_DATA_DIR: dataDir,
      TSUNAGU_SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited (code ${child.exitCode}) before answering:\n${output}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false, // not listening yet
    );
    if (healthy) {
      await expectWebClient(baseUrl, stop, () => output);
      return { baseUrl, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server did not answer /api/health within 90 s:\n${output}`);
}

/** The journeys need the built client on every page URL; say so plainly when it is not served. */
async function expectWebClient(baseUrl: string, stop: () => Promise<void>, log: () => string): Promise<void> {
  for (const page of ['/', '/login']) {
    const response = await fetch(`${baseUrl}${page}`);
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !type.includes('text/html')) {
      const body = (await response.text()).slice(0, 300);
      await stop();
      throw new Error(
        `GET ${page} did not return the web client (index.html): ${response.status} ${type}\n${body}\n` +
          `Server output:\n${log()}`,
      );
    }
  }
}

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium when installed, else the one bundled by @sparticuz/chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (fs.existsSync('/usr/bin/chromium')) {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  }
  const bundled = (await import('@sparticuz/chromium')).default;
  // Its flags are tuned for serverless functions; one process per browser and normal web security
  // suit a test run better.
  const dropped = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
  const args = bundled.args.filter((arg) => !dropped.has(arg) && !arg.startsWith('--headless'));
  return chromium.launch({
    executablePath: await bundled.executablePath(),
    args: [...args, ...chromiumFlags],
  });
}

/** A fresh browser profile (cookies, storage) as a phone or a desktop. */
export async function newContext(browser: Browser, baseUrl: string, phone = false): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    permissions: ['clipboard-read', 'clipboard-write'],
    // The app turns its transitions off then (and axe never sees a half-faded dialog).
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  // Problems the eye does not see: a script error, or anything the Content-Security-Policy refused.
  const problems: string[] = [];
  pageProblems.set(context, problems);
  context.on('weberror', (error) => problems.push(`uncaught error: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      problems.push(`CSP violation: ${message.text()}`);
    }
  });
  return context;
}

const pageProblems = new WeakMap<BrowserContext, string[]>();

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on serious or
 * critical violations (and on any script error or CSP refusal seen in the browser so far). axe is injected through the DevTools protocol (page.evaluate), which the page's
 * Content-Security-Policy does not apply to, so the app is tested under its real CSP.
 */
export async function checkA11y(page: Page, what = page.url()): Promise<void> {
  const problems = pageProblems.get(page.context()) ?? [];
  if (problems.length > 0) throw new Error(`Problems in the browser before ${what}:\n${problems.join('\n')}`);
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  const serious = (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length > 0) {
    const text = serious
      .map(
        (v) =>
          `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes
            .slice(0, 5)
            .map(
              (node) =>
                `    ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
            )
            .join('\n')}`,
      )
      .join('\n');
    throw new Error(`Accessibility violations on ${what}:\n${text}`);
  }
}

/**
 * The TOTP code an authenticator app would show. `stepsAhead` = 1 gives the next 30-second window's
 * code (the server accepts one step of drift), for a second sign-in within the same window, which
 * replay protection would otherwise refuse.
 */
export function totpCode(secret: string, stepsAhead = 0): string {
  const generator = authenticator.clone({ epoch: Date.now() + stepsAhead * 30_000 });
  return generator.generate(secret.replace(/\s+/g, ''));
}

const STEP_MS = 30_000;

/**
 * TOTP codes for one account that signs in several times within a minute. The server accepts the
 * previous, current and next 30-second step but never a step not newer than the last one used
 * (replay protection), so each code is for the oldest step still usable; only when all three are used
 * up does it wait for the next window.
 */
export class TotpSequence {
  private lastStep = Number.NEGATIVE_INFINITY;

  constructor(private readonly secret: string) {}

  /** Records a step used elsewhere (e.g. the code that confirmed an enrolment). */
  used(step: number): void {
    this.lastStep = Math.max(this.lastStep, step);
  }

  /** The code of the current step, for a form that takes any valid code (enrolment). */
  current(): string {
    const step = Math.floor(Date.now() / STEP_MS);
    this.used(step);
    return codeAt(this.secret, step);
  }

  async next(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / STEP_MS);
      const leftInStep = (current + 1) * STEP_MS - now;
      // The previous step stops being accepted when this one ends: not in its last seconds.
      const usable = [current - 1, current, current + 1].filter(
        (step) => step > this.lastStep && (step !== current - 1 || leftInStep > 5_000),
      );
      const step = usable[0];
      if (step !== undefined) {
        this.lastStep = step;
        return codeAt(this.secret, step);
      }
      await new Promise((resolve) => setTimeout(resolve, leftInStep + 50));
    }
  }
}

function codeAt(secret: string, step: number): string {
  return authenticator.clone({ epoch: step * STEP_MS + 1_000 }).generate(secret.replace(/\s+/g, ''));
}

/**
 * One code sequence per demo account, made on first use: the server refuses a code's step twice for
 * the same account, however many pages of a journey sign in as it.
 */
export function totpSequences(secret = DEMO_TOTP_SECRET): (loginId: string) => TotpSequence {
  const sequences = new Map<string, TotpSequence>();
  return (loginId) => {
    const sequence = sequences.get(loginId) ?? new TotpSequence(secret);
    sequences.set(loginId, sequence);
    return sequence;
  };
}

/** The page printed to a PDF under tests/e2e/artifacts (print media, fonts loaded): its size and pages. */
export async function printToPdf(page: Page, name: string): Promise<{ size: number[]; pages: number }> {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({ path: path.join(artifactsDir, `${name}.pdf`), preferCSSPageSize: true });
  const text = pdf.toString('latin1');
  const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text) ?? [];
  return {
    size: [Math.round(Number(width)), Math.round(Number(height))],
    pages: (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length,
  };
}

/** Signs in on /login and /login/totp (checking both with axe) and waits for /home, or `landing`. */
export async function signIn(
  page: Page,
  loginId: string,
  password: string,
  totp: TotpSequence,
  landing = '**/home',
): Promise<void> {
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
  await checkA11y(page, '/login');
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL('**/login/totp');
  await page.getByLabel('確認コード（6桁の数字）').waitFor();
  await checkA11y(page, '/login/totp');
  await page.getByLabel('確認コード（6桁の数字）').fill(await totp.next());
  await page.getByRole('button', { name: '確認する' }).click();
  await page.waitForURL(landing);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** No sideways scrolling of the whole page (tables scroll inside their own region). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs a journey step by step; when it fails, every open page of the given contexts is saved as a
 * screenshot under tests/e2e/artifacts before the error is passed on.
 */
export async function withFailureScreenshots(
  name: string,
  contexts: () => BrowserContext[],
  journey: () => Promise<void>,
): Promise<void> {
  try {
    await journey();
  } catch (error) {
    const pages = contexts().flatMap((context) => context.pages());
    await Promise.all(
      pages.map((page, index) => screenshot(page, `${name}-failure-${index + 1}`).catch(() => undefined)),
    );
    throw error;
  }
}

/**
 * An API client as the web client would be (with the CSRF header), signed in with password and TOTP
 * when `loginId` names a demo account.
 */
export async function apiClient(baseURL: string, loginId?: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-tsunagu-csrf': '1' } });
  if (loginId !== undefined) {
    const login = await api.post('/api/auth/login', { data: { loginId, password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const totp = await api.post('/api/auth/totp', { data: { code: totpCode(DEMO_TOTP_SECRET) } });
    expect(totp.status()).toBe(200);
  }
  return api;
}

export type Journey = {
  /** This file's server; started before its first test. */
  readonly server: Server;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A fresh browser profile, screenshotted by `run` if the current test fails. */
  context(phone?: boolean, baseUrl?: string): Promise<BrowserContext>;
  /** An API client (see `apiClient`), disposed after the file's last test. */
  api(loginId?: string): Promise<APIRequestContext>;
  /** Runs a journey with `withFailureScreenshots` over the contexts the current test made. */
  run(name: string, body: () => Promise<void>): Promise<void>;
};

/**
 * The setup every journey file shares, called at describe level: a server and a browser for the
 * file (vitest beforeAll/afterAll hooks), and the contexts and API clients its tests make. `env` is
 * read when the server starts (after the file's earlier beforeAll hooks): settings for the server.
 */
export function useJourney(options: { env?: () => Record<string, string> } = {}): Journey {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  const apis: APIRequestContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options.env?.()), launchBrowser()]);
  });
  beforeEach(() => {
    contexts = [];
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.dispose()));
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in beforeAll: use it inside a test`);
    return value;
  };
  const theServer = () => started(server, 'The server');
  const theBrowser = () => started(browser, 'The browser');

  return {
    get server() {
      return theServer();
    },
    get baseUrl() {
      return theServer().baseUrl;
    },
    get browser() {
      return theBrowser();
    },
    async context(phone = false, baseUrl = theServer().baseUrl) {
      const context = await newContext(theBrowser(), baseUrl, phone);
      contexts.push(context);
      return context;
    },
    async api(loginId) {
      const api = await apiClient(theServer().baseUrl, loginId);
      apis.push(api);
      return api;
    },
    run(name, body) {
      return withFailureScreenshots(name, () => contexts, body);
    },
  };
}
