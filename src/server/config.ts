// Runtime configuration, read once from the environment and validated.
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => ['1', 'true', 'yes'].includes(value));

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  TSUNAGU_DATA_DIR: z.string().default('./data'),
  TSUNAGU_SEED_DEMO: flag.optional(),
  TSUNAGU_ALLOW_DEMO_ACCOUNTS: flag.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  EMS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  TRUST_PROXY: flag.default(false),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  DIRECTORY_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  DIRECTORY_INDEX_SYNC_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, 'an https URL template with {z}, {x} and {y}')
    .default('https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z
    .string()
    .default('<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>'),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2048).default(200),
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  TSUNAGU_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  // Outgoing mail (the daily digest): e.g. smtp://user:password@mail.example.jp:587. Unset: no mail.
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('つなぐ <no-reply@tsunagu.invalid>'),
  DIGEST_CHECK_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});

export type Config = {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load the fictional demo city into an empty database, and accept the demo TOTP code. */
  demoMode: boolean;
  allowDemoAccounts: boolean;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  loginRateLimitPerMinute: number;
  /** EMS look-ups and searches per IP address and minute (a fire station's crews may share one). */
  emsRateLimitPerMinute: number;
  trustProxy: boolean;
  publicUrl: string | undefined;
  logLevel: string;
  bodyLimitBytes: number;
  /** scrypt cost parameter N (a power of two); tests lower it, production keeps the default. */
  scryptCost: number;
  webDist: string;
  /** Directory entries not confirmed by their organisation for this long show as stale. */
  directoryStaleDays: number;
  /** How old the search index's view of other processes' writes may be (this process's own: none). */
  directoryIndexSyncMs: number;
  /** How often a live stream checks its session and sends a keep-alive (tests shorten it). */
  liveHeartbeatMs: number;
  /** Map tiles (the one network access the browser makes) and their required attribution. */
  mapTileUrl: string;
  mapTileAttribution: string;
  /** Largest open-data file the import accepts (bytes). */
  importMaxBytes: number;
  /** Largest attachment (photo, PDF) of a post or consent (bytes). */
  attachmentMaxBytes: number;
  /** Server processes sharing the port (PostgreSQL only; platform/workers.ts). */
  workers: number;
  /** Where mail goes out (platform/mail.ts); unset, nothing is mailed and the digest is not offered. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How often each process looks for digests due (0: never, as in tests that send them by hand). */
  digestCheckSeconds: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.TSUNAGU_WORKERS > 1 && !e.DATABASE_URL)
    throw new Error(
      'Invalid configuration:\n  TSUNAGU_WORKERS: several server processes need PostgreSQL (DATABASE_URL); ' +
        'the embedded database serves one process. Set TSUNAGU_WORKERS=1 or configure DATABASE_URL.',
    );
  const production = e.NODE_ENV === 'production';
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.TSUNAGU_DATA_DIR),
    demoMode: e.TSUNAGU_SEED_DEMO ?? !production,
    allowDemoAccounts: e.TSUNAGU_ALLOW_DEMO_ACCOUNTS,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_HOURS * 3600,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockSeconds: e.LOGIN_LOCK_MINUTES * 60,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    emsRateLimitPerMinute: e.EMS_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    scryptCost: 2 ** 15,
    webDist: path.resolve('dist/web'),
    directoryStaleDays: e.DIRECTORY_STALE_DAYS,
    directoryIndexSyncMs: e.DIRECTORY_INDEX_SYNC_MS,
    liveHeartbeatMs: 20_000,
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
    attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024,
    workers: e.TSUNAGU_WORKERS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    digestCheckSeconds: e.DIGEST_CHECK_SECONDS,
  };
}
