import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp } from '../../../../tests/support/test-app';
import { DEMO_PASSWORD } from '../../demo/accounts';

describe.each(engines())('my account (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('updates the profile and rejects non-katakana kana', async () => {
    const me = await t.signIn('caremanager');
    const res = await me.patch('/api/me', { displayName: '青空 ひろし（主任）' });
    expect(res.json().user.displayName).toBe('青空 ひろし（主任）');
    expect((await me.patch('/api/me', { kana: 'あおぞら' })).statusCode).toBe(400);
  });

  it('changes the password, signing out other browsers but not this one', async () => {
    const here = await t.signIn('pharmacist');
    const there = await t.signIn('pharmacist');
    const wrong = await here.post('/api/me/password', {
      currentPassword: 'nope',
      newPassword: 'hikari-no-michi-2026',
    });
    expect(wrong.json().error.code).toBe('wrong_password');
    const weak = await here.post('/api/me/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'pharmacist-1',
    });
    expect(weak.json().error.code).toBe('weak_password');
    expect(
      (
        await here.post('/api/me/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'hikari-no-michi-2026',
        })
      ).statusCode,
    ).toBe(200);
    expect((await here.get('/api/me')).statusCode).toBe(200);
    expect((await there.get('/api/me')).statusCode).toBe(401);
    await expect(t.signIn('pharmacist', 'hikari-no-michi-2026')).resolves.toBeTruthy();
  });

  it('lists sessions and ends one, but never another user’s', async () => {
    const a = await t.signIn('msw');
    await t.signIn('msw');
    const list = (await a.get('/api/me/sessions')).json().sessions;
    expect(list).toHaveLength(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    const stranger = await t.signIn('doctor');
    expect((await stranger.delete(`/api/me/sessions/${other.id}`)).statusCode).toBe(404);
    expect((await a.delete(`/api/me/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await a.get('/api/me/sessions')).json().sessions).toHaveLength(1);
    await t.signIn('msw');
    expect((await a.post('/api/me/sessions/revoke-others')).statusCode).toBe(200);
    expect((await a.get('/api/me/sessions')).json().sessions).toHaveLength(1);
  });

  it('re-enrols the authenticator: the old one works until the new one is confirmed', async () => {
    const me = await t.signIn('houkatsu');
    expect((await me.post('/api/me/totp/reenrol', { password: 'wrong' })).statusCode).toBe(400);
    const start = (await me.post('/api/me/totp/reenrol', { password: DEMO_PASSWORD })).json();
    await expect(t.signIn('houkatsu')).resolves.toBeTruthy(); // old secret still valid
    const confirm = await me.post('/api/auth/totp/enrolment/confirm', {
      code: authenticator.generate(start.secret),
    });
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    await expect(t.signIn('houkatsu')).rejects.toThrow(/totp houkatsu/); // old secret gone
    const codes = (await me.post('/api/me/recovery-codes', { password: DEMO_PASSWORD })).json().recoveryCodes;
    expect(codes[0]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  });

  it('refuses confirming an enrolment that was never started', async () => {
    const me = await t.signIn('city');
    const res = await me.post('/api/auth/totp/enrolment/confirm', { code: '123456' });
    expect(res.json().error.code).toBe('no_pending_enrolment');
  });
});
