import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../../tests/support/test-app';
import { auditLog, sessions, users } from '../../db/schema';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../demo/accounts';

describe.each(engines())('sign-in (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { loginMaxFailures: 3, loginLockSeconds: 600 });
  });
  afterAll(() => t.close());

  const resetTotpStep = (loginId: string) =>
    t.database.db.update(users).set({ totpLastStep: null }).where(eq(users.loginId, loginId));

  it('takes password then TOTP, and sets a strict httpOnly cookie', async () => {
    const client = t.client();
    const login = await client.post('/api/auth/login', { loginId: 'Doctor', password: DEMO_PASSWORD });
    expect(login.json()).toEqual({ stage: 'totp_required', passkeyAvailable: false });
    const cookie = login.cookies.find((c) => c.name === 'tsunagu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    await resetTotpStep('doctor');
    const totp = await client.post('/api/auth/totp', { code: authenticator.generate(DEMO_TOTP_SECRET) });
    expect(totp.json()).toEqual({ stage: 'active' });
    const me = (await client.get('/api/me')).json();
    expect(me.user.loginId).toBe('doctor');
    expect(me.memberships[0]).toMatchObject({ organisationName: 'さくら在宅クリニック', role: 'admin' });
  });

  it('refuses a TOTP code used once already (replay)', async () => {
    const code = authenticator.generate(DEMO_TOTP_SECRET);
    const first = t.client();
    await first.post('/api/auth/login', { loginId: 'pharmacist', password: DEMO_PASSWORD });
    await resetTotpStep('pharmacist');
    expect((await first.post('/api/auth/totp', { code })).statusCode).toBe(200);
    const second = t.client();
    await second.post('/api/auth/login', { loginId: 'pharmacist', password: DEMO_PASSWORD });
    const replay = await second.post('/api/auth/totp', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_code');
  });

  it('gives the same answer for an unknown ID and a wrong password, and audits both', async () => {
    const unknown = await t.client().post('/api/auth/login', { loginId: 'nobody', password: 'x' });
    const wrong = await t.client().post('/api/auth/login', { loginId: 'center', password: 'wrong password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe(wrong.json().error.code);
    const failures = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('locks the account after repeated failures and says until when', async () => {
    const client = t.client();
    const attempt = () =>
      client.post('/api/auth/login', { loginId: 'houkatsu', password: 'not the password' });
    expect((await attempt()).statusCode).toBe(401);
    const second = await attempt();
    expect(second.json().error.message).toMatch(/あと1回/);
    const locked = await attempt();
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatchObject({ code: 'account_locked' });
    expect(locked.json().error.message).toMatch(/まで一時的にロック/);
    // Even the right password is refused while locked.
    const right = await client.post('/api/auth/login', { loginId: 'houkatsu', password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(423);
    const lockouts = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.lockout'));
    expect(lockouts).toHaveLength(1);
  });

  it('counts wrong TOTP codes toward the lockout and ends the session when it locks', async () => {
    const client = t.client();
    await client.post('/api/auth/login', { loginId: 'msw', password: DEMO_PASSWORD });
    expect((await client.post('/api/auth/totp', { code: '000000' })).statusCode).toBe(401);
    expect((await client.post('/api/auth/totp', { code: '000001' })).statusCode).toBe(401);
    expect((await client.post('/api/auth/totp', { code: '000002' })).statusCode).toBe(423);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('rejects malformed input with field messages', async () => {
    const res = await t.client().post('/api/auth/login', { loginId: 12, password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.length).toBeGreaterThan(0);
    const code = await t.client().post('/api/auth/totp', { code: '12' });
    expect(code.statusCode).toBe(401); // no session: refused before the body is read
  });

  it('ends sessions after the idle timeout and the absolute lifetime', async () => {
    const idle = await t.signIn('nurse2');
    const absolute = await t.signIn('caremanager');
    const db = t.database.db;
    const longAgo = new Date(Date.now() - (t.config.sessionIdleSeconds + 60) * 1000);
    await db
      .update(sessions)
      .set({ lastSeenAt: longAgo })
      .where(eq(sessions.userId, await t.userId('nurse2')));
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, await t.userId('caremanager')));
    expect((await idle.get('/api/me')).statusCode).toBe(401);
    expect((await absolute.get('/api/me')).statusCode).toBe(401);
  });

  it('signs out here, and everywhere', async () => {
    const a = await t.signIn('city');
    const b = await t.signIn('city');
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect((await b.get('/api/me')).statusCode).toBe(200);
    const c = await t.signIn('city');
    expect((await c.post('/api/auth/logout-all')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a disabled account', async () => {
    await t.database.db.update(users).set({ disabled: true }).where(eq(users.loginId, 'ems'));
    const res = await t.client().post('/api/auth/login', { loginId: 'ems', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_disabled');
  });
});

describe('rate limit on sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { loginRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 with a message once an address sends too many attempts', async () => {
    const client = t.client();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await client.post('/api/auth/login', { loginId: 'nobody', password: 'x' })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await client.post('/api/auth/login', { loginId: 'nobody', password: 'x' });
    expect(limited.json().error.message).toMatch(/しばらく待って/);
  });
});
