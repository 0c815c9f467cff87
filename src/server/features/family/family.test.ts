// Family members (家族): invited with a one-time code under the family consent, they see only the
// posts shared with the family and write their own; their session opens no professional route, and
// it ends with their place or the consent.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyPhone } from '../../../../tests/support/family';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { auditLog } from '../../db/schema';

describe.each(engines())('family members (%s)', (engine) => {
  let t: TestApp;
  let owner: TestClient;
  let nurse: TestClient;
  let patientId: string;
  let teamId: string;
  let family: ReturnType<typeof familyPhone>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    family = familyPhone(t);
    owner = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    ({ patientId, teamId } = await setUpTeam(t, owner, [
      { client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' },
    ]));
  });
  afterAll(() => t.close());

  const invite = (name: string) => owner.post(`/api/teams/${teamId}/family`, { name, relation: 'child' });
  let code: string;

  it('invites a family member only under the family consent, and only by the owner', async () => {
    expect((await invite('秋山 一郎')).json().error.code).toBe('family_consent_required');
    await owner.post(`/api/patients/${patientId}/consents`, {
      scopes: ['family'],
      method: 'written',
      consentedOn: '2026-11-01',
    });
    expect(
      (await nurse.post(`/api/teams/${teamId}/family`, { name: 'x', relation: 'child' })).statusCode,
    ).toBe(403);
    expect(
      (await owner.post(`/api/teams/${teamId}/family`, { name: '', relation: 'cousin' })).statusCode,
    ).toBe(400);
    const res = await invite('秋山 一郎');
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect((await owner.get(`/api/teams/${teamId}`)).json().family).toMatchObject([
      { name: '秋山 一郎', status: 'invited' },
    ]);
  });

  it('joins once with the code (typed loosely), and sees only what is shared with the family', async () => {
    await nurse.post(`/api/teams/${teamId}/posts`, { body: '褥瘡の処置: ガーゼ交換（専門職のみ）' });
    await nurse.post(`/api/teams/${teamId}/posts`, { body: '明日は10時に伺います。', forFamily: true });
    expect((await family.post('/api/family/join', { code: 'WRONG-CODE1' })).json().error.code).toBe(
      'family_code_invalid',
    );
    const joined = await family.post('/api/family/join', {
      code: ` ${code.toLowerCase().replace('-', '')} `,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect((await familyPhone(t).post('/api/family/join', { code })).json().error.code).toBe(
      'family_code_invalid',
    );

    const home = (await family.get('/api/family/home')).json();
    expect(home).toMatchObject({ name: '秋山 一郎', teamOpen: true });
    expect(home.posts.map((p: { body: string }) => p.body)).toEqual(['明日は10時に伺います。']);
    expect(JSON.stringify(home)).not.toContain('褥瘡');

    expect(
      (await family.post('/api/family/posts', { body: '了解しました。鍵は玄関横です。' })).statusCode,
    ).toBe(201);
    const seen = (await nurse.get(`/api/teams/${teamId}/posts`)).json().items[0];
    expect(seen).toMatchObject({
      body: '了解しました。鍵は玄関横です。',
      forFamily: true,
      author: { userId: null, displayName: '秋山 一郎', familyRelation: 'child' },
    });
    // The nurse can mark the family's post read; it counts as unread until then.
    expect((await nurse.get('/api/home/care')).json().teams[0].unread).toBe(1);
  });

  it('opens no professional route with a family session, and no family route without one', async () => {
    for (const url of [
      `/api/teams/${teamId}`,
      `/api/teams/${teamId}/posts`,
      `/api/patients/${patientId}`,
      '/api/home/care',
    ])
      expect((await family.get(url)).statusCode, url).toBe(401);
    expect((await family.post(`/api/teams/${teamId}/posts`, { body: 'x' })).statusCode).toBe(401);
    expect((await nurse.get('/api/family/home')).statusCode).toBe(401);
    expect((await t.client().post('/api/family/posts', { body: 'x' })).statusCode).toBe(401);
    expect((await family.post('/api/family/posts', { body: '' })).statusCode).toBe(400);
  });

  it('ends with the consent, and with the place', async () => {
    const consent = (await owner.get(`/api/patients/${patientId}`))
      .json()
      .consents.find((c: { scope: string }) => c.scope === 'family');
    await owner.post(`/api/patients/${patientId}/consents/${consent.id}/withdraw`, {
      reason: '家族の申し出',
    });
    expect((await family.get('/api/family/home')).json().error.code).toBe('family_not_shared');
    await owner.post(`/api/patients/${patientId}/consents`, {
      scopes: ['family'],
      method: 'oral',
      consentedOn: '2026-11-30',
    });
    expect((await family.get('/api/family/home')).statusCode).toBe(200);

    const familyId = (await owner.get(`/api/teams/${teamId}`)).json().family[0].id;
    expect((await nurse.post(`/api/teams/${teamId}/family/${familyId}/end`)).statusCode).toBe(403);
    expect((await owner.post(`/api/teams/${teamId}/family/${familyId}/end`)).statusCode).toBe(200);
    expect((await family.get('/api/family/home')).statusCode).toBe(401);

    const actions = (
      await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetType, 'patient'), eq(auditLog.targetId, patientId)))
    ).map((row) => row.action);
    for (const action of ['family.invite', 'family.join', 'family.read', 'family.post', 'family.end'])
      expect(actions, action).toContain(action);
  });
});
