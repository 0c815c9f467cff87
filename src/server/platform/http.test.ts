import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

describe('HTTP defences and error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { bodyLimitBytes: 2048 });
  });
  afterAll(() => t.close());

  it('refuses a mutation without the CSRF header', async () => {
    const res = await t
      .client()
      .request('POST', '/api/auth/login', { loginId: 'admin', password: 'x' }, { 'x-tsunagu-csrf': '' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'csrf_header_missing', message: expect.stringMatching(/中止/) },
    });
  });

  it('refuses an oversized body with 413', async () => {
    const res = await t.client().post('/api/auth/login', { loginId: 'admin', password: 'x'.repeat(5000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers unknown API paths with 404 JSON', async () => {
    const res = await t.client().get('/api/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('answers broken JSON with 400 in words', async () => {
    const res = await t
      .client()
      .request('POST', '/api/auth/login', '{"loginId":', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('sends a strict CSP and no-store on API answers', async () => {
    const res = await t.client().get('/api/public/settings');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves OpenAPI generated from the route schemas', async () => {
    const res = await t.client().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeTruthy();
    expect(spec.paths['/api/admin/users'].get.description).toBe('Access: system role system_admin');
    expect(Object.keys(spec.paths).length).toBeGreaterThan(25);
    expect((await t.client().get('/api/docs')).statusCode).toBeLessThan(400);
  });
});

describe('serving the built web client', () => {
  let t: TestApp;
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-web-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(
      path.join(webDist, 'index.html'),
      '<!doctype html><html lang="ja"><title>つなぐ</title></html>',
    );
    fs.writeFileSync(path.join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await createTestApp('pglite', { webDist });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('answers client-side routes with index.html, not cached', async () => {
    for (const url of ['/', '/login', '/orgs/123/members']) {
      const res = await t.client().get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('つなぐ');
    }
  });

  it('serves hashed assets as immutable, and keeps API misses as JSON', async () => {
    const asset = await t.client().get('/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await t.client().get('/api/nothing-here')).json().error.code).toBe('route_not_found');
  });
});
