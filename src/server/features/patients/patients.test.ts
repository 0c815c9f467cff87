// Patients and consent through the API: registration with the duplicate guard, search, changes with
// the revision check, consent and its withdrawal; who else gets nothing; every access audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { auditLog, memberships, sessions } from '../../db/schema';

const hanako = {
  name: '春野 花子',
  kana: 'ハルノ ハナコ',
  birthDate: '1942-05-03',
  sex: 'female',
  address: 'みらい市中央町1-2-3',
  insuredNumber: '0123456789',
  careLevel: 'care_2',
  physicalIndependence: 'A1',
  dementiaIndependence: 'IIa',
  livesAlone: true,
  keyPersons: [{ name: '春野 一郎', relation: 'child', phone: '090-1234-5678' }],
  careManager: { servicePointId: null, name: '介護 ゆり' },
  allergies: 'ペニシリン',
};

describe.each(engines())('patients and consent (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient; // 居宅介護支援事業所 of the demo city
  let nurse: TestClient; // another organisation
  let orgId: string;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    careManager = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    orgId = (await careManager.get('/api/me')).json().memberships[0].organisationId;
  });
  afterAll(() => t.close());

  const auditActions = async (targetId: string) =>
    (
      await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetType, 'patient'), eq(auditLog.targetId, targetId)))
    ).map((row) => row.action);

  it('registers a patient for the user’s organisation, and audits it', async () => {
    const res = await careManager.post('/api/patients', { ...hanako, organisationId: orgId });
    expect(res.statusCode, res.body).toBe(201);
    const patient = res.json();
    patientId = patient.id;
    expect(patient).toMatchObject({
      name: '春野 花子',
      version: 1,
      careLevel: 'care_2',
      keyPersons: [{ name: '春野 一郎', relation: 'child' }],
      careManager: { name: '介護 ゆり', servicePointName: null },
      consents: [],
    });
    expect(await auditActions(patientId)).toEqual(['patient.create']);
  });

  it('warns of a patient with the same reading and birth date, and registers on confirmation', async () => {
    // Half-width katakana without the space: the same reading.
    const same = await careManager.post('/api/patients', {
      ...hanako,
      kana: 'ﾊﾙﾉﾊﾅｺ',
      organisationId: orgId,
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('possible_duplicate');
    expect(same.json().error.details.duplicates.map((d: { id: string }) => d.id)).toEqual([patientId]);
    const confirmed = await careManager.post('/api/patients', {
      ...hanako,
      organisationId: orgId,
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it('finds patients by name, reading (any script) or birth date, among those the user may see', async () => {
    for (const q of ['春野', 'はるの', 'ハルノハナコ']) {
      const found = (await careManager.get(`/api/patients?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.length, q).toBe(2);
    }
    const byBirth = (await careManager.get('/api/patients?birthDate=1942-05-03')).json();
    expect(byBirth.items).toHaveLength(2);
    expect((await nurse.get('/api/patients?q=%E6%98%A5%E9%87%8E')).json().items).toEqual([]);
    // A typed % matches itself, not any text (春% once found 春野).
    expect((await careManager.get(`/api/patients?q=${encodeURIComponent('春%')}`)).json().items).toEqual([]);
  });

  it('gives a user of another organisation nothing, whatever the route', async () => {
    const body = { ...hanako, version: 1 };
    expect((await nurse.get(`/api/patients/${patientId}`)).statusCode).toBe(404);
    expect((await nurse.put(`/api/patients/${patientId}`, body)).statusCode).toBe(404);
    const consent = { scopes: ['care_team'], method: 'oral', consentedOn: '2026-11-01' };
    expect((await nurse.post(`/api/patients/${patientId}/consents`, consent)).statusCode).toBe(404);
    expect(
      (await nurse.post('/api/patients', { ...hanako, organisationId: orgId, confirmDuplicate: true }))
        .statusCode,
    ).toBe(403);
    const admin = await t.signIn('admin'); // a system admin sees no patient on this path either
    expect((await admin.get(`/api/patients/${patientId}`)).statusCode).toBe(404);
  });

  it('changes the record with a revision check: an edit made meanwhile answers 409 with the current one', async () => {
    const first = await careManager.put(`/api/patients/${patientId}`, {
      ...hanako,
      careLevel: 'care_3',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ careLevel: 'care_3', version: 2 });
    const stale = await careManager.put(`/api/patients/${patientId}`, {
      ...hanako,
      careLevel: 'care_1',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ careLevel: 'care_3', version: 2 });
    const updates = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patient.update'), eq(auditLog.targetId, patientId)));
    expect(updates.map((row) => JSON.parse(row.details ?? '{}'))).toEqual([
      { changed: ['careLevel'] },
      { conflict: true },
    ]);
  });

  it('refuses bad input with messages a person can act on, changing nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ birthDate: '2999-01-01' }, /未来の日付/],
      [{ birthDate: '1942-02-30' }, /存在しない日付/],
      [{ insuredNumber: '12345' }, /10桁/],
      [{ kana: 'はるの' }, /カタカナ/],
      [{ name: 'あ'.repeat(51) }, /50文字以内/],
      [{ name: 42 }, /./],
      [{ sex: undefined }, /./],
      [{ careLevel: 'care_9' }, /./],
      [{ areaId: '00000000-0000-4000-8000-000000000000' }, /./],
    ];
    for (const [change, message] of cases) {
      const res = await careManager.put(`/api/patients/${patientId}`, { ...hanako, ...change, version: 2 });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(JSON.stringify(res.json().error), JSON.stringify(change)).toMatch(message);
    }
    expect((await careManager.get(`/api/patients/${patientId}`)).json().version).toBe(2);
    expect((await careManager.get('/api/patients/not-a-uuid')).statusCode).toBe(400);
  });

  it('records consent per scope, withdraws it with a reason and keeps the history', async () => {
    const recorded = await careManager.post(`/api/patients/${patientId}/consents`, {
      scopes: ['care_team', 'ems'],
      method: 'written',
      consentedOn: '2026-11-20',
      notes: '本人と長男が同席',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const consents = recorded.json().consents as { id: string; scope: string; inForce: boolean }[];
    expect(consents.map((c) => [c.scope, c.inForce]).sort()).toEqual([
      ['care_team', true],
      ['ems', true],
    ]);
    const ems = consents.find((c) => c.scope === 'ems') as { id: string };
    const url = `/api/patients/${patientId}/consents/${ems.id}/withdraw`;
    expect((await careManager.post(url, { reason: '' })).statusCode).toBe(400);
    const withdrawn = await careManager.post(url, { reason: '本人の申し出' });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().consents.find((c: { id: string }) => c.id === ems.id)).toMatchObject({
      inForce: false,
      withdrawalReason: '本人の申し出',
      withdrawnBy: { name: expect.any(String) },
    });
    expect((await careManager.post(url, { reason: 'もう一度' })).statusCode).toBe(409);
    expect((await nurse.post(url, { reason: '他組織' })).statusCode).toBe(404);
    const bad = await careManager.post(`/api/patients/${patientId}/consents`, {
      scopes: ['care_team', 'care_team'],
      method: 'written',
      consentedOn: '2026-11-20',
    });
    expect(bad.statusCode).toBe(400);
    expect(await auditActions(patientId)).toEqual(
      expect.arrayContaining(['patient.read', 'consent.record', 'consent.withdraw']),
    );
  });

  it('ends access at once when the user leaves the organisation, and for an expired session', async () => {
    const other = await t.signIn('caremanager');
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, await t.userId('caremanager')));
    expect((await other.get(`/api/patients/${patientId}`)).statusCode).toBe(401);
    const again = await t.signIn('caremanager');
    expect((await again.get(`/api/patients/${patientId}`)).statusCode).toBe(200);
    await t.database.db.delete(memberships).where(eq(memberships.userId, await t.userId('caremanager')));
    expect((await again.get(`/api/patients/${patientId}`)).statusCode).toBe(404);
    expect((await again.get('/api/patients?q=%E6%98%A5%E9%87%8E')).json().items).toEqual([]);
  });
});
