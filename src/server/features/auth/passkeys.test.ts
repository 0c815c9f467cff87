import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePasskey } from '../../../../tests/support/fake-passkey';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { DEMO_PASSWORD } from '../../demo/accounts';

// app.inject sends Host: localhost:80, so the relying party is http://localhost:80 → rpID localhost.
const ORIGIN = 'http://localhost:80';

async function register(client: TestClient, passkey: FakePasskey, name = 'iPhone') {
  const options = (await client.post('/api/me/passkeys/options', { password: DEMO_PASSWORD })).json();
  return client.post('/api/me/passkeys', { name, response: passkey.register(options) });
}

describe.each(engines())('passkeys as a second factor (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { publicUrl: ORIGIN });
  });
  afterAll(() => t.close());

  it('registers a passkey and signs in with it instead of a TOTP code', async () => {
    const doctor = await t.signIn('doctor');
    const passkey = new FakePasskey(ORIGIN);
    const registered = await register(doctor, passkey);
    expect(registered.statusCode).toBe(200);
    expect(registered.json()).toMatchObject({ name: 'iPhone', lastUsedAt: null });
    expect((await doctor.get('/api/me/passkeys')).json().passkeys).toHaveLength(1);

    const browser = t.client();
    const login = await browser.post('/api/auth/login', { loginId: 'doctor', password: DEMO_PASSWORD });
    expect(login.json()).toEqual({ stage: 'totp_required', passkeyAvailable: true });
    const options = (await browser.post('/api/auth/passkey/options')).json();
    const signedIn = await browser.post('/api/auth/passkey', { response: passkey.authenticate(options) });
    expect(signedIn.json()).toEqual({ stage: 'active' });
    expect((await browser.get('/api/me')).json().session.stage).toBe('active');
    expect((await doctor.get('/api/me/passkeys')).json().passkeys[0].lastUsedAt).not.toBeNull();
  });

  it('refuses a replayed answer, another key, and a wrong password at registration', async () => {
    const nurse = await t.signIn('nurse');
    const passkey = new FakePasskey(ORIGIN);
    await register(nurse, passkey);
    const browser = t.client();
    await browser.post('/api/auth/login', { loginId: 'nurse', password: DEMO_PASSWORD });
    const options = (await browser.post('/api/auth/passkey/options')).json();
    const answer = passkey.authenticate(options);
    const stranger = new FakePasskey(ORIGIN);
    const forged = await browser.post('/api/auth/passkey', { response: stranger.authenticate(options) });
    expect(forged.statusCode).toBe(401);
    // The challenge was used up by the failed attempt: the genuine answer to it is refused too.
    const replay = await browser.post('/api/auth/passkey', { response: answer });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('no_pending_passkey');
    expect((await nurse.post('/api/me/passkeys/options', { password: 'wrong' })).json().error.code).toBe(
      'wrong_password',
    );
  });

  it('refuses a passkey answer made for another site', async () => {
    const city = await t.signIn('city');
    const options = (await city.post('/api/me/passkeys/options', { password: DEMO_PASSWORD })).json();
    const phishing = new FakePasskey('https://evil.example');
    const res = await city.post('/api/me/passkeys', { name: '偽物', response: phishing.register(options) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('passkey_not_verified');
  });

  it('removes only one’s own passkeys, and says when there is none to use', async () => {
    const pharmacist = await t.signIn('pharmacist');
    const id = (await register(pharmacist, new FakePasskey(ORIGIN), 'セキュリティキー')).json().id;
    const other = await t.signIn('msw');
    expect((await other.delete(`/api/me/passkeys/${id}`)).statusCode).toBe(404);
    expect((await pharmacist.delete(`/api/me/passkeys/${id}`)).statusCode).toBe(200);
    const browser = t.client();
    const login = await browser.post('/api/auth/login', { loginId: 'pharmacist', password: DEMO_PASSWORD });
    expect(login.json().passkeyAvailable).toBe(false);
    expect((await browser.post('/api/auth/passkey/options')).json().error.code).toBe('no_passkeys');
  });
});
