// The participation register: every hospital and care-management office is listed whether it has
// declared or not; an organisation's admins declare for their own entries and the center for any;
// the rate by kind and area follows each declaration; stale, bad and foreign writes are refused.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type { ParticipationEntry, ParticipationRates } from '../../../shared/schemas/admission-participation';
import { servicePoints } from '../../db/schema';

describe.each(engines())('admission rule participation (%s)', (engine) => {
  let t: TestApp;
  let msw: TestClient;
  let center: TestClient;
  let careManager: TestClient;
  let doctor: TestClient;
  let hospitals: ParticipationEntry[];

  const entry = (name: string) => {
    const found = hospitals.find((e) => e.name === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  const declaration = (version: number | null, change: Record<string, unknown> = {}) => ({
    participates: true,
    windowDepartment: '患者支援センター',
    windowPhone: '099-100-7001',
    windowFax: '０９９-１００-７００２',
    windowHours: '平日 9:00〜17:00',
    socialWorkerOnStaff: true,
    dischargeNurseOnStaff: false,
    notes: '',
    version,
    ...change,
  });
  const hospitalRate = async (client: TestClient) => {
    const rates = (await client.get('/api/admission/participation/rates')).json() as ParticipationRates;
    return rates.total.find((rate) => rate.kind === 'hospital');
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [msw, center, careManager, doctor] = await Promise.all([
      t.signIn('msw'),
      t.signIn('center'),
      t.signIn('caremanager'),
      t.signIn('doctor'),
    ]);
    hospitals = (await careManager.get('/api/admission/participation?kind=hospital')).json().entries;
  });
  afterAll(() => t.close());

  it('lists every hospital, declared or not, participating first, with the window and who may change it', async () => {
    expect(hospitals.map((e) => [e.name, e.status])).toEqual([
      ['みらい中央病院', 'participating'],
      ['ひだまり台リハビリテーション病院', 'unanswered'],
    ]);
    expect(entry('みらい中央病院')).toMatchObject({
      onPlatform: true,
      mayDeclare: false,
      declaration: { windowPhone: '099-100-5001', socialWorkerOnStaff: true, version: 1 },
    });
    // The rehabilitation hospital has no accounts: only the center can answer for it.
    expect(entry('ひだまり台リハビリテーション病院')).toMatchObject({ onPlatform: false, declaration: null });
    const offices = (await careManager.get('/api/admission/participation?kind=430')).json().entries;
    expect(offices.map((e: ParticipationEntry) => [e.status, e.mayDeclare])).toEqual([
      ['participating', true],
      ['not_participating', false],
    ]);
    const declined = await careManager.get('/api/admission/participation?kind=430&status=not_participating');
    expect(declined.json().entries).toHaveLength(1);
    expect((await t.client().get('/api/admission/participation')).statusCode).toBe(401);
    expect((await careManager.get('/api/admission/participation?kind=clinic')).statusCode).toBe(400);
    expect(await hospitalRate(careManager)).toMatchObject({
      entries: 2,
      participating: 1,
      notParticipating: 0,
    });
  });

  it("lets the hospital's admin change its window and the center answer for a hospital without accounts", async () => {
    const central = entry('みらい中央病院').servicePointId;
    const changed = await msw.put(`/api/admission/participation/${central}`, declaration(1));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().entry.declaration).toMatchObject({
      windowDepartment: '患者支援センター',
      windowFax: '099-100-7002',
      notes: null,
      version: 2,
    });
    // The center had read version 1 meanwhile: told, not overwritten.
    const stale = await center.put(
      `/api/admission/participation/${central}`,
      declaration(1, { notes: '古い' }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('participation_stale');

    const hidamari = entry('ひだまり台リハビリテーション病院').servicePointId;
    const [first, second] = await Promise.all([
      center.put(`/api/admission/participation/${hidamari}`, declaration(null)),
      center.put(`/api/admission/participation/${hidamari}`, declaration(null, { participates: false })),
    ]);
    expect([first?.statusCode, second?.statusCode].sort()).toEqual([200, 409]);
    const rate = await hospitalRate(doctor);
    expect(rate?.participating).toBe((first?.statusCode === 200 ? 1 : 0) + 1);
    expect(rate?.entries).toBe(2);
    const rates = (await doctor.get('/api/admission/participation/rates')).json() as ParticipationRates;
    expect(rates.byArea.filter((r) => r.kind === 'hospital').map((r) => r.areaName)).toEqual([
      '北部圏域',
      '南部圏域',
    ]);
  });

  it('refuses other organisations, clinics, unknown ids and bad input, and keeps what was there', async () => {
    const central = entry('みらい中央病院').servicePointId;
    const before = (await msw.get('/api/admission/participation?kind=hospital')).json().entries[0];
    expect(
      (await careManager.put(`/api/admission/participation/${central}`, declaration(2))).statusCode,
    ).toBe(403);
    expect((await t.client().put(`/api/admission/participation/${central}`, declaration(2))).statusCode).toBe(
      401,
    );
    const unknown = await center.put(
      '/api/admission/participation/00000000-0000-4000-8000-000000000000',
      declaration(null),
    );
    expect(unknown.statusCode).toBe(404);

    const [sakura] = await t.database.db
      .select({ id: servicePoints.id })
      .from(servicePoints)
      .where(eq(servicePoints.name, 'さくら在宅クリニック'));
    const clinic = await doctor.put(`/api/admission/participation/${sakura?.id}`, declaration(null));
    expect(clinic.statusCode).toBe(400);
    expect(clinic.json().error.code).toBe('not_participant_kind');

    for (const [body, field] of [
      [declaration(2, { windowPhone: 'でんわ' }), 'windowPhone'],
      [declaration(2, { windowDepartment: 'あ'.repeat(101) }), 'windowDepartment'],
      [declaration(2, { participates: undefined }), 'participates'],
      [declaration(2, { participates: 'yes' }), 'participates'],
      [declaration(2, { version: '2' }), 'version'],
      [declaration(2, { notes: 'x'.repeat(501) }), 'notes'],
    ] as const) {
      const response = await msw.put(`/api/admission/participation/${central}`, body);
      expect(response.statusCode, field).toBe(400);
      expect(JSON.stringify(response.json().error), field).toContain(field);
    }
    const after = (await msw.get('/api/admission/participation?kind=hospital')).json().entries[0];
    expect(after).toEqual(before);
  });
});
