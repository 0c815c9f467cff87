import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, testConfig } from '../../../tests/support/test-app';
import { buildApp } from '../app';
import { openDatabase } from '../db/client';
import { access } from './access';

describe('every route declares its access rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('lists all registered routes, each with a rule', () => {
    const routes = t.app.listRouteAccess();
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((route) => !route.access);
    expect(missing).toEqual([]);
    // Spot-check that the rules say what they should.
    const rule = (method: string, url: string) =>
      routes.find((r) => r.method === method && r.url === url)?.access?.describe;
    expect(rule('GET', '/api/health')).toBe('public');
    expect(rule('GET', '/api/admin/users')).toBe('system role system_admin');
    expect(rule('POST', '/api/orgs/:orgId/invites')).toContain('organisation admin of :orgId');
    expect(rule('GET', '/api/me')).toContain('session in stage');
  });

  it('refuses to start when a route has no rule', async () => {
    const database = await openDatabase({ engine: 'pglite' });
    const app = await buildApp(testConfig(), database);
    app.get('/api/forgotten', async () => ({ leaked: true }));
    await expect(app.ready()).rejects.toThrow(/Routes without an access rule: GET \/api\/forgotten/);
    await database.close();
  });
});

describe.each(engines())('access checks (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    t.app.log.level = 'silent';
  });
  afterAll(() => t.close());

  it('answers 401 without a session and 403 for the wrong role, before looking at the body', async () => {
    const anonymous = t.client();
    const noSession = await anonymous.post('/api/admin/organisations', { name: 1 });
    expect(noSession.statusCode).toBe(401);
    expect(noSession.json().error.code).toBe('unauthenticated');
    const nurse = await t.signIn('nurse');
    const wrongRole = await nurse.get('/api/admin/users');
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.message).toMatch(/権限/);
  });

  it('keeps half-signed-in sessions (password only) out of signed-in routes', async () => {
    const client = t.client();
    await client.post('/api/auth/login', { loginId: 'doctor', password: 'tsunagu-demo-2026' });
    const res = await client.get('/api/me/sessions');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('stage_totp_required');
    expect((await client.get('/api/me')).json().session.stage).toBe('totp_required');
  });

  it('offers rule builders that describe themselves', () => {
    expect(access.orgRole('orgId', ['admin']).describe).toBe('organisation admin of :orgId');
    expect(access.policy('own record', () => true).describe).toBe('policy: own record');
  });
});
