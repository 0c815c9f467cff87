// The rule as data: every signed-in user reads the version in force; city and center staff add
// versions from the latest one (a stale one is a 409), with bad deadlines refused and nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { demoRule } from '../../demo/admission-rule';

describe.each(engines())('admission and discharge support rule (%s)', (engine) => {
  let t: TestApp;
  let city: TestClient;
  let center: TestClient;
  let careManager: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    city = await t.signIn('city');
    center = await t.signIn('center');
    careManager = await t.signIn('caremanager');
  });
  afterAll(() => t.close());

  const next = (basedOn: number | null, change: Partial<typeof demoRule.parameters> = {}) => ({
    title: '入退院支援ルール（令和9年度）',
    body: '入院時情報提供は入院から2営業日以内とします。',
    effectiveFrom: '2027-04-01',
    parameters: { ...demoRule.parameters, ...change },
    basedOn,
  });

  it('shows the example rule in force, with deadlines counted in business days', async () => {
    const response = await careManager.get('/api/admission/rule');
    expect(response.statusCode).toBe(200);
    const overview = response.json();
    expect(overview.current).toMatchObject({
      version: 1,
      isExample: true,
      parameters: { admissionInfoDays: 3 },
    });
    expect(overview.mayEdit).toBe(false);
    expect(overview.exampleDeadlines.admissionInfoDue > overview.exampleDeadlines.admittedOn).toBe(true);
    expect((await t.client().get('/api/admission/rule')).statusCode).toBe(401);
  });

  it('lets city and center staff add versions; the old one stays, a future one waits for its date', async () => {
    expect((await careManager.post('/api/admission/rule/versions', next(1))).statusCode).toBe(403);
    expect((await t.client().post('/api/admission/rule/versions', next(1))).statusCode).toBe(401);

    const added = await city.post('/api/admission/rule/versions', next(1, { admissionInfoDays: 2 }));
    expect(added.statusCode, added.body).toBe(201);
    const overview = added.json();
    expect(overview.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(overview.mayEdit).toBe(true);
    // Dated next April: version 1 is still the one in force today.
    expect(overview.current.version).toBe(1);
    expect(overview.versions[0]).toMatchObject({ isExample: false, parameters: { admissionInfoDays: 2 } });

    // The center wrote from version 1 meanwhile: told, not overwritten.
    const stale = await center.post('/api/admission/rule/versions', next(1, { dischargeInfoDays: 7 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('rule_version_stale');
    const again = await center.post('/api/admission/rule/versions', next(2, { dischargeInfoDays: 7 }));
    expect(again.statusCode).toBe(201);
    expect((await careManager.get('/api/admission/rule')).json().versions).toHaveLength(3);
  });

  it('refuses negative or fractional days, a bad date or closure, and a date before the previous version', async () => {
    for (const [body, path] of [
      [next(3, { admissionInfoDays: -1 }), 'admissionInfoDays'],
      [next(3, { dischargeNoticeDaysBefore: 1.5 }), 'dischargeNoticeDaysBefore'],
      [next(3, { dischargeInfoDays: 400 }), 'dischargeInfoDays'],
      [next(3, { yearEndClosure: { from: '13-01', to: '01-03' } }), 'yearEndClosure'],
      [{ ...next(3), effectiveFrom: '2027-02-30' }, 'effectiveFrom'],
      [{ ...next(3), title: '' }, 'title'],
      [next(3, { admissionInfoFees: [{ label: '(I)', units: -250, withinDays: 0 }] }), 'admissionInfoFees'],
      [{ ...next(3), body: 'x'.repeat(20_001) }, 'body'],
    ] as const) {
      const response = await city.post('/api/admission/rule/versions', body);
      expect(response.statusCode, path).toBe(400);
      expect(JSON.stringify(response.json().error)).toContain(path);
    }
    const early = await city.post('/api/admission/rule/versions', {
      ...next(3),
      effectiveFrom: '2026-05-01',
    });
    expect(early.json().error.code).toBe('effective_before_previous');
    expect((await city.get('/api/admission/rule')).json().versions).toHaveLength(3);
  });
});
