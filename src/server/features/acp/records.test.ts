// 人生会議 (ACP) records: a draft changes in place, a confirmed version never does (a change is the next
// version, with what changed shown), one draft at a time, stale versions refused, and nobody outside
// the patient's care team reaches any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type { AcpOverview } from '../../../shared/schemas/acp';

describe.each(engines())('ACP records (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let nurse: TestClient;
  let doctor: TestClient;
  let patientId: string;
  const url = (rest = '') => `/api/patients/${patientId}/acp${rest}`;
  const overview = async (client = careManager): Promise<AcpOverview> => (await client.get(url())).json();

  beforeAll(async () => {
    t = await createTestApp(engine);
    [careManager, nurse, doctor] = await Promise.all([
      t.signIn('caremanager'),
      t.signIn('nurse'),
      t.signIn('doctor'),
    ]);
    ({ patientId } = await setUpTeam(t, careManager, [
      { client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' },
    ]));
  });
  afterAll(() => t.close());

  it('records a discussion as a draft, confirms it, and keeps it as it was said', async () => {
    const empty = await overview();
    expect(empty).toMatchObject({ current: null, draft: null, versions: [] });
    expect(empty.prefill.discussedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const created = await careManager.post(url(), {
      values: { discussedOn: '2026-11-20', personPresent: true, cpr: '希望しない', placeOfDeath: '自宅' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ draft: 1, current: null });

    // The nurse of the team adds to the draft; it changes in place.
    const draft = (await overview(nurse)).versions[0];
    const saved = await nurse.put(url('/1'), {
      values: { ...draft?.values, values: '家で猫と過ごしたい' },
      version: draft?.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().versions).toHaveLength(1);

    const confirmed = await careManager.post(url('/1/confirm'), { version: 2 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ current: 1, draft: null });
    expect(confirmed.json().versions[0]).toMatchObject({
      status: 'confirmed',
      discussedOn: '2026-11-20',
      confirmedBy: '青空 ひろし',
    });
  });

  it('makes a change to a confirmed version the next version, with what changed', async () => {
    const [first] = (await overview()).versions;
    const changed = await careManager.put(url('/1'), {
      values: { ...first?.values, discussedOn: '2026-11-28', cpr: '決めていない' },
      version: first?.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const view: AcpOverview = changed.json();
    expect(view).toMatchObject({ current: 1, draft: 2 });
    expect(view.versions[0]?.changed.sort()).toEqual(['cpr', 'discussedOn']);
    // Version 1 stays as it was said.
    expect(view.versions[1]?.values.cpr).toBe('希望しない');

    // One draft at a time: starting another, or changing version 1 again, is refused.
    expect((await careManager.post(url(), { values: {} })).statusCode).toBe(409);
    const again = await careManager.put(url('/1'), { values: first?.values, version: first?.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('acp_draft_exists');

    const confirmed = await careManager.post(url('/2/confirm'), { version: view.versions[0]?.version });
    expect(confirmed.json()).toMatchObject({ current: 2, draft: null });
    // An earlier version is not where the next one starts from: what the person says now is.
    const earlier = (confirmed.json() as AcpOverview).versions[1];
    const fromOld = await careManager.put(url('/1'), { values: earlier?.values, version: earlier?.version });
    expect(fromOld.statusCode).toBe(409);
    expect(fromOld.json().error.code).toBe('acp_not_current');
  });

  it('refuses stale versions, bad values, confirming twice and a draft without its date', async () => {
    const view = await overview();
    const latest = view.versions[0];
    const stale = await careManager.put(url('/2'), {
      values: latest?.values,
      version: (latest?.version ?? 0) - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('acp_stale');
    expect((await careManager.post(url('/2/confirm'), { version: latest?.version })).json().error.code).toBe(
      'acp_already_confirmed',
    );

    const bad = [
      { values: { cpr: 'たぶん' } },
      { values: { unknownField: 'x' } },
      { values: { values: 'あ'.repeat(2001) } },
      { values: { discussedOn: '2026-02-30' } },
      { values: { personPresent: 'はい' } },
      { values: 'not an object' },
    ];
    for (const body of bad)
      expect((await careManager.post(url(), body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await overview()).versions).toHaveLength(2);

    const created = await careManager.post(url(), { values: { discussedOn: '' } });
    expect(created.statusCode).toBe(201);
    const draft = created.json().versions[0];
    const undated = await careManager.post(url(`/${draft.number}/confirm`), { version: draft.version });
    expect(undated.statusCode).toBe(400);
    expect(undated.json().error.code).toBe('acp_date_missing');
    expect((await careManager.put(url('/99'), { values: {}, version: 1 })).statusCode).toBe(404);
  });

  it('is seen by nobody outside the care team', async () => {
    for (const client of [doctor, await t.signIn('ems'), await t.signIn('center')]) {
      expect((await client.get(url())).statusCode).toBe(404);
      expect((await client.post(url(), { values: {} })).statusCode).toBe(404);
      expect((await client.put(url('/1'), { values: {}, version: 1 })).statusCode).toBe(404);
      expect((await client.post(url('/1/confirm'), { version: 1 })).statusCode).toBe(404);
    }
    expect((await t.client().get(url())).statusCode).toBe(401);
  });

  it('lets two first drafts at once end as one draft and one 409', async () => {
    const other = await setUpTeam(t, careManager, [], '冬木 さだ');
    const [a, b] = await Promise.all([
      careManager.post(`/api/patients/${other.patientId}/acp`, { values: {} }),
      careManager.post(`/api/patients/${other.patientId}/acp`, { values: { cpr: '希望する' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const view: AcpOverview = (await careManager.get(`/api/patients/${other.patientId}/acp`)).json();
    expect(view.versions).toHaveLength(1);
  });
});
