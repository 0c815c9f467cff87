import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';

describe.each(engines())('system administration (%s)', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let doctor: TestClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.signIn('admin');
    doctor = await t.signIn('doctor');
  });
  afterAll(() => t.close());

  it('creates an organisation and hands its first admin an invite', async () => {
    const created = await admin.post('/api/admin/organisations', {
      name: 'ひかり訪問看護ステーション',
      kana: 'ヒカリホウモンカンゴステーション',
      kind: 'visiting_nurse',
      phone: '099-000-2000',
    });
    expect(created.statusCode).toBe(200);
    const org = created.json();
    expect(org).toMatchObject({ kind: 'visiting_nurse', active: true });
    const invite = await admin.post(`/api/orgs/${org.id}/invites`, { role: 'admin' });
    expect(invite.statusCode).toBe(200);
    expect(invite.json().invite.role).toBe('admin');
    const list = (await admin.get('/api/admin/organisations')).json().organisations;
    expect(list.find((o: { id: string }) => o.id === org.id).memberCount).toBe(0);
    expect(list.length).toBe(23);
  });

  it('validates organisations in Japanese', async () => {
    const res = await admin.post('/api/admin/organisations', { name: '', kana: 'abc', kind: 'castle' });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      res.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath.name).toBe('入力してください');
    expect(byPath.kana).toBe('カタカナで入力してください');
    expect(byPath.kind).toBeTruthy();
    const missing = await admin.patch('/api/admin/organisations/00000000-0000-4000-8000-000000000000', {
      name: 'x',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is closed to everyone but system admins', async () => {
    for (const [method, url] of [
      ['GET', '/api/admin/organisations'],
      ['POST', '/api/admin/organisations'],
      ['GET', '/api/admin/users'],
      ['GET', '/api/admin/audit'],
      ['GET', '/api/admin/audit/verify'],
    ] as const) {
      const body = method === 'POST' ? { name: '乗っ取り', kana: 'ノットリ', kind: 'clinic' } : undefined;
      expect((await doctor.request(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    const city = await t.signIn('city');
    expect((await city.get('/api/admin/users')).statusCode).toBe(403);
  });

  it('finds users and changes their system roles, audited', async () => {
    for (const q of ['さくらい', 'サクライケンイチ', 'ｻｸﾗｲ']) {
      const hits = (await admin.get(`/api/admin/users?q=${encodeURIComponent(q)}`)).json().users;
      expect(
        hits.map((u: { loginId: string }) => u.loginId),
        q,
      ).toEqual(['doctor']);
    }
    const found = (await admin.get('/api/admin/users?q=サクライ')).json().users;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      loginId: 'doctor',
      organisations: [{ name: 'さくら在宅クリニック', role: 'admin' }],
    });
    const updated = await admin.put(`/api/admin/users/${found[0].id}/system-roles`, {
      systemRoles: ['center_staff'],
    });
    expect(updated.json().systemRoles).toEqual(['center_staff']);
    const bad = await admin.put(`/api/admin/users/${found[0].id}/system-roles`, { systemRoles: ['king'] });
    expect(bad.statusCode).toBe(400);
    const self = await admin.put(`/api/admin/users/${await t.userId('admin')}/system-roles`, {
      systemRoles: [],
    });
    expect(self.json().error.code).toBe('cannot_demote_self');
    const audit = (await admin.get('/api/admin/audit?action=admin.system_roles_changed')).json();
    expect(audit.records[0]).toMatchObject({
      targetId: found[0].id,
      actorName: '管理 太郎',
      details: { from: [], to: ['center_staff'] },
    });
  });

  it('disables an account and ends its sessions at once', async () => {
    const pharmacist = await t.signIn('pharmacist');
    const id = await t.userId('pharmacist');
    expect((await admin.put(`/api/admin/users/${id}/disabled`, { disabled: true })).json().disabled).toBe(
      true,
    );
    expect((await pharmacist.get('/api/me')).statusCode).toBe(401);
    expect((await admin.put(`/api/admin/users/${id}/disabled`, { disabled: false })).json().disabled).toBe(
      false,
    );
  });

  it('searches the audit log by date and pages through it', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const first = (await admin.get(`/api/admin/audit?from=${today}&to=${today}&limit=3`)).json();
    expect(first.records).toHaveLength(3);
    expect(first.nextBeforeId).toBe(first.records[2].id);
    const next = (await admin.get(`/api/admin/audit?limit=3&beforeId=${first.nextBeforeId}`)).json();
    expect(next.records[0].id).toBeLessThan(first.nextBeforeId);
    const none = (await admin.get('/api/admin/audit?to=2000-01-01')).json();
    expect(none.records).toEqual([]);
    expect((await admin.get('/api/admin/audit?from=yesterday')).statusCode).toBe(400);
    const logins = (await admin.get('/api/admin/audit?action=auth.login')).json().records;
    expect(logins.length).toBeGreaterThan(0);
    expect(logins[0]).toHaveProperty('ip');
  });

  it('verifies the audit chain from the UI', async () => {
    const result = (await admin.get('/api/admin/audit/verify')).json();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(10);
  });
});
