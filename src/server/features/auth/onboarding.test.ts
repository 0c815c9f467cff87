import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { auditLog, invites } from '../../db/schema';

const newNurse = {
  loginId: 'hoshino.nurse',
  displayName: '星野 あかり',
  kana: 'ホシノ アカリ',
  profession: 'nurse',
  password: 'kirakira-hoshi-2026',
};

async function enrolTotp(client: TestClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await client.post('/api/auth/totp/enrolment');
  expect(start.statusCode).toBe(200);
  const { secret, otpauthUri, qrSvg } = start.json();
  expect(otpauthUri).toContain(`secret=${secret}`);
  expect(qrSvg).toContain('<svg');
  const confirm = await client.post('/api/auth/totp/enrolment/confirm', {
    code: authenticator.generate(secret),
  });
  expect(confirm.statusCode).toBe(200);
  return { secret, recoveryCodes: confirm.json().recoveryCodes };
}

describe.each(engines())('onboarding without e-mail (%s)', (engine) => {
  let t: TestApp;
  let admin: TestClient;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.signIn('nurse'); // admin of つばさ訪問看護ステーション
    orgId = (await admin.get('/api/me')).json().memberships[0].organisationId;
  });
  afterAll(() => t.close());

  it('takes a new member from invite link to signed in, then out again when removed', async () => {
    const created = await admin.post(`/api/orgs/${orgId}/invites`, { role: 'member', note: '4月入職' });
    expect(created.statusCode).toBe(200);
    const { url, token } = created.json();
    expect(url).toMatch(new RegExp(`/invite/${token}$`));
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits

    const member = t.client();
    const preview = await member.get(`/api/invites/${token}`);
    expect(preview.json()).toMatchObject({
      organisationName: 'つばさ訪問看護ステーション',
      status: 'valid',
      role: 'member',
    });
    const accepted = await member.post(`/api/invites/${token}/accept`, newNurse);
    expect(accepted.json()).toEqual({ stage: 'totp_enrolment_required' });
    // Before enrolment nothing but enrolment is open.
    expect((await member.get(`/api/orgs/${orgId}`)).statusCode).toBe(401);
    const { secret, recoveryCodes } = await enrolTotp(member);
    expect(recoveryCodes).toHaveLength(10);
    const me = (await member.get('/api/me')).json();
    expect(me.user).toMatchObject({ loginId: 'hoshino.nurse', totpEnabled: true });
    expect(me.memberships[0].organisationId).toBe(orgId);
    expect((await member.get(`/api/orgs/${orgId}`)).statusCode).toBe(200);

    // A fresh sign-in works with the authenticator, and once with a recovery code.
    const later = t.client();
    expect(
      (await later.post('/api/auth/login', { loginId: newNurse.loginId, password: newNurse.password })).json()
        .stage,
    ).toBe('totp_required');
    expect((await later.post('/api/auth/totp', { recoveryCode: recoveryCodes[0] })).statusCode).toBe(200);
    const again = t.client();
    await again.post('/api/auth/login', { loginId: newNurse.loginId, password: newNurse.password });
    expect((await again.post('/api/auth/totp', { recoveryCode: recoveryCodes[0] })).statusCode).toBe(401);
    expect(secret).toBeTruthy();

    const userId = me.user.id;
    expect((await admin.delete(`/api/orgs/${orgId}/members/${userId}`)).statusCode).toBe(200);
    expect((await member.get('/api/me')).statusCode).toBe(401);
    expect((await later.get(`/api/orgs/${orgId}`)).statusCode).toBe(401);
    const actions = (await t.database.db.select({ action: auditLog.action }).from(auditLog)).map(
      (r) => r.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'organisation.invite_created',
        'invite.accepted',
        'auth.totp_enrolled',
        'organisation.member_removed',
      ]),
    );
  });

  it('refuses a used invite, an expired one and a revoked one, saying why', async () => {
    const used = (await admin.post(`/api/orgs/${orgId}/invites`, {})).json().token;
    await t.client().post(`/api/invites/${used}/accept`, { ...newNurse, loginId: 'first.user' });
    const reuse = await t
      .client()
      .post(`/api/invites/${used}/accept`, { ...newNurse, loginId: 'second.user' });
    expect(reuse.statusCode).toBe(410);
    expect(reuse.json().error.code).toBe('invite_used');
    expect(reuse.json().error.message).toMatch(/一度しか使えません/);

    const expired = (await admin.post(`/api/orgs/${orgId}/invites`, {})).json();
    await t.database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, expired.invite.id));
    expect((await t.client().get(`/api/invites/${expired.token}`)).json().status).toBe('expired');
    const late = await t
      .client()
      .post(`/api/invites/${expired.token}/accept`, { ...newNurse, loginId: 'late.user' });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('invite_expired');

    const revoked = (await admin.post(`/api/orgs/${orgId}/invites`, {})).json();
    expect((await admin.delete(`/api/orgs/${orgId}/invites/${revoked.invite.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/orgs/${orgId}/invites/${revoked.invite.id}`)).statusCode).toBe(404);
    expect((await t.client().post(`/api/invites/${revoked.token}/accept`, newNurse)).json().error.code).toBe(
      'invite_revoked',
    );
    expect((await t.client().get('/api/invites/not-a-real-token-at-all-xxxxx')).statusCode).toBe(404);
  });

  it('refuses weak passwords, taken login IDs and bad fields without using up the invite', async () => {
    const { token } = (await admin.post(`/api/orgs/${orgId}/invites`, {})).json();
    const weak = await t
      .client()
      .post(`/api/invites/${token}/accept`, { ...newNurse, loginId: 'weak.user', password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const taken = await t.client().post(`/api/invites/${token}/accept`, { ...newNurse, loginId: 'doctor' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('login_id_taken');
    const bad = await t.client().post(`/api/invites/${token}/accept`, {
      ...newNurse,
      kana: 'ほしの',
      loginId: 'x'.repeat(65),
      profession: 'wizard',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['kana', 'loginId', 'profession']));
    expect((await t.client().get(`/api/invites/${token}`)).json().status).toBe('valid');
    const ok = await t
      .client()
      .post(`/api/invites/${token}/accept`, { ...newNurse, loginId: 'finally.user' });
    expect(ok.statusCode).toBe(200);
  });

  it('lets one accepting request win when the same link is used twice at once', async () => {
    const { token } = (await admin.post(`/api/orgs/${orgId}/invites`, {})).json();
    const [a, b] = await Promise.all([
      t.client().post(`/api/invites/${token}/accept`, { ...newNurse, loginId: 'race.one' }),
      t.client().post(`/api/invites/${token}/accept`, { ...newNurse, loginId: 'race.two' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 410]);
  });

  it('resets a member’s password and authenticator through a one-time link (audited)', async () => {
    const memberId = await t.userId('nurse2');
    const old = await t.signIn('nurse2');
    const reset = await admin.post(`/api/orgs/${orgId}/members/${memberId}/password-reset`);
    expect(reset.statusCode).toBe(200);
    const { token } = reset.json();
    expect((await old.get('/api/me')).statusCode).toBe(401);
    // The old password stops working as soon as the link exists, not when it is used.
    const oldPassword = await t
      .client()
      .post('/api/auth/login', { loginId: 'nurse2', password: 'tsunagu-demo-2026' });
    expect(oldPassword.statusCode).toBe(401);
    const member = t.client();
    expect((await member.get(`/api/password-resets/${token}`)).json()).toMatchObject({
      loginId: 'nurse2',
      status: 'valid',
    });
    expect(
      (await member.post(`/api/password-resets/${token}`, { password: 'qwertyuiop' })).json().error.code,
    ).toBe('weak_password');
    const done = await member.post(`/api/password-resets/${token}`, { password: 'mori-no-kaze-2026' });
    expect(done.json()).toEqual({ stage: 'totp_enrolment_required' });
    await enrolTotp(member);
    expect((await member.get('/api/me')).json().session.stage).toBe('active');
    expect(
      (await t.client().post(`/api/password-resets/${token}`, { password: 'mori-no-kaze-2027' })).statusCode,
    ).toBe(410);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organisation.member_password_reset_issued'));
    expect(audited[0]).toMatchObject({ targetId: memberId, organisationId: orgId });
  });

  it('lets a signed-in professional join a second organisation with the same account', async () => {
    const doctor = await t.signIn('doctor');
    const { token } = (await admin.post(`/api/orgs/${orgId}/invites`, { role: 'member' })).json();
    expect((await t.client().post(`/api/invites/${token}/join`)).statusCode).toBe(401);
    const joined = await doctor.post(`/api/invites/${token}/join`);
    expect(joined.json()).toEqual({ organisationId: orgId });
    const names = (await doctor.get('/api/me'))
      .json()
      .memberships.map((m: { organisationName: string }) => m.organisationName);
    expect(names).toEqual(expect.arrayContaining(['さくら在宅クリニック', 'つばさ訪問看護ステーション']));
    expect((await doctor.post(`/api/invites/${token}/join`)).json().error.code).toBe('invite_used');
    const again = (await admin.post(`/api/orgs/${orgId}/invites`, {})).json().token;
    expect((await doctor.post(`/api/invites/${again}/join`)).json().error.code).toBe('already_member');
    expect((await t.client().get(`/api/invites/${again}`)).json().status).toBe('valid');
  });
});
