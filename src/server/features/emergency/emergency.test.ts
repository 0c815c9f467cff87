// 救急医療情報キット: the care team keeps the sheet (wishes from the current ACP record), issues and
// revokes kits; an ambulance crew opens a sheet by the QR token or the short code with a reason, or by
// a break-glass search; everything is recorded, audited, told to the team and listed for the center.
// Unknown and revoked cards, patients without EMS consent and people who are not crews get nothing.
import { and, desc, eq, ne, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { addCalendarDays, addYears, todayInJapan } from '../../../shared/dates';
import {
  confirmationDueOn,
  type EmergencySheetView,
  type EmsSheet,
  type KitIssued,
  type ReviewList,
  type SheetToConfirm,
} from '../../../shared/schemas/emergency';
import { queryRows } from '../../db/client';
import { auditLog, emergencyAccesses, emergencySheets } from '../../db/schema';

describe.each(engines())('emergency information and EMS access (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let ems: TestClient;
  let doctor: TestClient;
  let center: TestClient;
  let patientId: string;
  let kit: KitIssued;
  const sheetUrl = (id = patientId, rest = '') => `/api/patients/${id}/emergency${rest}`;
  const reason = { reason: 'transport' as const };

  const consent = (client: TestClient, id: string, scopes: string[]) =>
    client.post(`/api/patients/${id}/consents`, { scopes, method: 'written', consentedOn: '2026-11-01' });

  /** A patient with a team, a saved sheet and a confirmed ACP record (and EMS consent unless told). */
  async function preparedPatient(name: string, withEmsConsent = true): Promise<string> {
    const { patientId: id } = await setUpTeam(t, careManager, [], name);
    if (withEmsConsent) expect((await consent(careManager, id, ['ems'])).statusCode).toBe(201);
    const view: EmergencySheetView = (await careManager.get(sheetUrl(id))).json();
    const saved = await careManager.put(sheetUrl(id), {
      values: { ...view.prefill, bloodType: 'A', kitPlace: '冷蔵庫のドアポケット' },
      version: null,
      confirmedWithPerson: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const acp = await careManager.post(`/api/patients/${id}/acp`, {
      values: {
        discussedOn: '2026-11-25',
        cpr: '希望しない',
        transport: '希望する',
        preferredHospital: 'みらい中央病院',
      },
    });
    expect(
      (
        await careManager.post(`/api/patients/${id}/acp/1/confirm`, {
          version: acp.json().versions[0].version,
        })
      ).statusCode,
    ).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    [careManager, ems, doctor, center] = await Promise.all([
      t.signIn('caremanager'),
      t.signIn('ems'),
      t.signIn('doctor'),
      t.signIn('center'),
    ]);
    patientId = await preparedPatient('秋山 とめ');
  });
  afterAll(() => t.close());

  it('keeps the sheet pre-filled from the record, with the wishes of the current ACP record', async () => {
    const view: EmergencySheetView = (await careManager.get(sheetUrl())).json();
    expect(view.current?.values).toMatchObject({
      name: '秋山 とめ',
      kana: 'アキヤマ トメ',
      birthDate: '1935-10-01',
      sex: '女',
      bloodType: 'A',
    });
    expect(view.current?.confirmedBy).toBe('青空 ひろし');
    expect(view.wishes).toMatchObject({
      acpNumber: 1,
      discussedOn: '2026-11-25',
      values: { cpr: '希望しない', transport: '希望する' },
    });
    expect(view.emsConsent).toBe(true);
    expect(view.kit).toBeNull();

    // A save with the version read; a stale one is refused and changes nothing.
    const stale = await careManager.put(sheetUrl(), {
      values: { bloodType: 'B' },
      version: 0,
      confirmedWithPerson: false,
    });
    expect(stale.statusCode).toBe(409);
    for (const values of [
      { bloodType: 'C' },
      { nope: 1 },
      { conditions: 'x'.repeat(2001) },
      { writtenOn: '2026-13-01' },
    ])
      expect(
        (
          await careManager.put(sheetUrl(), {
            values,
            version: view.current?.version,
            confirmedWithPerson: false,
          })
        ).statusCode,
      ).toBe(400);
    expect(((await careManager.get(sheetUrl())).json() as EmergencySheetView).current?.values.bloodType).toBe(
      'A',
    );
  });

  it('issues a kit whose token is long and whose card opens the sheet for a crew, once per reason', async () => {
    const issued = await careManager.post(sheetUrl(patientId, '/kits'), { eligibility: 'living_alone' });
    expect(issued.statusCode, issued.body).toBe(201);
    kit = issued.json();
    // 256 bits of token (43 base64url characters); a 12-character code in groups of four.
    expect(Buffer.from(kit.token, 'base64url')).toHaveLength(32);
    expect(kit.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const byQr = await ems.post('/api/emergency/lookup', { token: kit.token, ...reason });
    expect(byQr.statusCode, byQr.body).toBe(200);
    expect(byQr.headers['cache-control']).toBe('no-store');
    const sheet: EmsSheet = byQr.json();
    expect(sheet.values).toMatchObject({ name: '秋山 とめ', bloodType: 'A' });
    expect(sheet.wishes?.values).toMatchObject({ cpr: '希望しない', preferredHospital: 'みらい中央病院' });
    expect(sheet.age).toBeGreaterThan(80);

    // The code as a crew types it: lower case, without hyphens.
    const byCode = await ems.post('/api/emergency/lookup', {
      code: kit.code.replaceAll('-', '').toLowerCase(),
      reason: 'other',
      reasonNote: '家族から依頼',
    });
    expect(byCode.statusCode, byCode.body).toBe(200);

    // The care team sees who looked, when and why.
    const view: EmergencySheetView = (await careManager.get(sheetUrl())).json();
    expect(view.accesses.map((a) => [a.method, a.reason, a.crew, a.organisation])).toEqual([
      ['code', 'other', '救急 大地', 'みらい市消防局 中央消防署'],
      ['qr', 'transport', '救急 大地', 'みらい市消防局 中央消防署'],
    ]);
    // And in the team's timeline, as a notice of the platform (no author), unread for the members.
    const [team] = (await careManager.get(`/api/patients/${patientId}/teams`)).json().items;
    // (Posted right after the crew's answer: the crew does not wait for the team's timeline.)
    const notices = await vi.waitFor(async () => {
      const posts = (await careManager.get(`/api/teams/${team.id}/posts`)).json().items;
      const found = posts.filter((post: { kind: string }) => post.kind === 'notice');
      if (found.length < 2) throw new Error('not yet');
      return found;
    });
    expect(notices).toHaveLength(2);
    expect(notices[1].body).toMatch(
      /^救急隊が救急医療情報を閲覧しました（.*みらい市消防局 中央消防署 救急 大地、QRコード、理由: 搬送中）$/,
    );
    expect(notices[0].author).toMatchObject({ userId: null, displayName: '' });
    expect((await careManager.get('/api/home/care')).json().teams[0].unread).toBeGreaterThanOrEqual(2);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'emergency.ems_read'), eq(auditLog.targetId, patientId)));
    expect(audited.map((row) => row.reason).sort()).toEqual(['transport', '家族から依頼']);
    // No patient data in what is logged of the request: the path names no patient.
    expect(audited.every((row) => !JSON.stringify(row.details).includes('秋山'))).toBe(true);
  });

  it('answers a revoked card, an unknown one and a patient without EMS consent alike', async () => {
    const reissued: KitIssued = (
      await careManager.post(sheetUrl(patientId, '/kits'), { eligibility: 'living_alone' })
    ).json();
    const unknown = await ems.post('/api/emergency/lookup', { token: 'x'.repeat(43), ...reason });
    const revoked = await ems.post('/api/emergency/lookup', { token: kit.token, ...reason });
    const revokedCode = await ems.post('/api/emergency/lookup', { code: kit.code, ...reason });
    for (const answer of [unknown, revoked, revokedCode]) {
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error).toEqual(unknown.json().error);
    }
    const found = await ems.post('/api/emergency/lookup', { token: reissued.token, ...reason });
    expect(found.statusCode).toBe(200);

    // The statement that looks up also writes the access row: what was found, or only who asked.
    const rowOf = async (id: string) =>
      (await t.database.db.select().from(emergencyAccesses).where(eq(emergencyAccesses.id, id)))[0];
    const emsUser = await t.userId('ems');
    expect(await rowOf(found.json().accessId)).toMatchObject({
      userId: emsUser,
      patientId,
      kitId: reissued.kit.id,
      method: 'qr',
      reason: 'transport',
      found: true,
    });
    expect((await rowOf(found.json().accessId))?.organisationId).toEqual(expect.any(String));
    const [failed] = await t.database.db
      .select()
      .from(emergencyAccesses)
      .where(and(eq(emergencyAccesses.userId, emsUser), eq(emergencyAccesses.found, false)))
      .orderBy(desc(emergencyAccesses.at))
      .limit(1);
    expect(failed).toMatchObject({ patientId: null, kitId: null, method: 'code', found: false });
    // Its commit did not wait for the disk; that setting ended with it.
    const [setting] = await queryRows<{ synchronous_commit: string }>(
      t.database.db,
      sql`SHOW synchronous_commit`,
    );
    expect(setting?.synchronous_commit).toBe('on');

    // A card is not issued without the consent to EMS access; a consent withdrawn after the card
    // was made ends what the card shows.
    const noConsent = await preparedPatient('春田 はな', false);
    const refusedKit = await careManager.post(sheetUrl(noConsent, '/kits'), { eligibility: 'other' });
    expect(refusedKit.statusCode).toBe(409);
    expect(refusedKit.json().error.code).toBe('emergency_no_consent');
    const consented = await consent(careManager, noConsent, ['ems']);
    const card: KitIssued = (
      await careManager.post(sheetUrl(noConsent, '/kits'), { eligibility: 'other' })
    ).json();
    expect((await ems.post('/api/emergency/lookup', { token: card.token, ...reason })).statusCode).toBe(200);
    const emsConsent = consented.json().consents.find((c: { scope: string }) => c.scope === 'ems');
    expect(
      (
        await careManager.post(`/api/patients/${noConsent}/consents/${emsConsent.id}/withdraw`, {
          reason: '本人の申し出',
        })
      ).statusCode,
    ).toBe(200);
    const refused = await ems.post('/api/emergency/lookup', { token: card.token, ...reason });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toEqual(unknown.json().error);
    expect(((await careManager.get(sheetUrl(noConsent))).json() as EmergencySheetView).emsConsent).toBe(
      false,
    );

    // Revoking: the card stops working; revoking again is a 409.
    expect((await careManager.post(sheetUrl(patientId, '/kits/revoke'))).statusCode).toBe(200);
    expect((await careManager.post(sheetUrl(patientId, '/kits/revoke'))).statusCode).toBe(409);
    expect((await ems.post('/api/emergency/lookup', { token: reissued.token, ...reason })).statusCode).toBe(
      404,
    );
  });

  it('refuses the EMS path to anyone who is not a crew member, and audits the refusal', async () => {
    for (const client of [careManager, doctor, center]) {
      const answer = await client.post('/api/emergency/lookup', { token: kit.token, ...reason });
      expect(answer.statusCode).toBe(403);
      expect(answer.json().error.code).toBe('not_ems_crew');
      expect(
        (
          await client.post('/api/emergency/search', {
            name: '秋山 とめ',
            birthDate: '1935-10-01',
            ...reason,
          })
        ).statusCode,
      ).toBe(403);
    }
    const refusals = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'emergency.refused'));
    expect(refusals.length).toBeGreaterThanOrEqual(6);
    expect((await t.client().post('/api/emergency/lookup', { token: kit.token, ...reason })).statusCode).toBe(
      401,
    );
  });

  it('refuses a look-up without a reason, with both or neither secret', async () => {
    for (const body of [
      { token: kit.token },
      { token: kit.token, reason: 'curious' },
      { token: kit.token, code: kit.code, ...reason },
      { ...reason },
      { token: kit.token, reason: 'other', reasonNote: 'x'.repeat(201) },
      { token: kit.token, reason: 'other' },
    ])
      expect((await ems.post('/api/emergency/lookup', body)).statusCode, JSON.stringify(body)).toBe(400);
  });

  it('finds a person by full name and birth date only, limits searches and queues them for review', async () => {
    const other = await preparedPatient('山田 花子');
    const search = (name: string, birthDate = '1935-10-01') =>
      ems.post('/api/emergency/search', { name, birthDate, reason: 'on_scene' });
    expect((await search('山')).statusCode).toBe(400);
    expect((await search('山田*')).json().error.code).toBe('emergency_search_partial');
    expect((await search('山田')).statusCode).toBe(404);
    const found = await search('山田花子');
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((item: EmsSheet) => item.values.name)).toEqual(['山田 花子']);
    // By the reading, with another birth date: nobody.
    expect((await search('アキヤマトメ', '1935-10-02')).statusCode).toBe(404);
    // The same reading and birth date (setUpTeam gives every patient アキヤマ トメ): both are shown,
    // each a look-up of its own, from one search — the fourth. The fifth is allowed; then a 429.
    const both = await search('アキヤマ トメ');
    expect(
      both
        .json()
        .items.map((item: EmsSheet) => item.values.name)
        .sort(),
    ).toEqual(['山田 花子', '秋山 とめ']);
    expect((await search('山田 花子')).statusCode).toBe(200);
    const limited = await search('アキヤマ トメ');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('emergency_search_limit');

    const list: ReviewList = (await center.get('/api/emergency/accesses')).json();
    expect(list.pending).toBe(6);
    const shown = list.items.find((item) => item.found);
    expect(shown).toMatchObject({
      method: 'search',
      reason: 'on_scene',
      crew: '救急 大地',
      patient: { area: null },
    });
    expect(JSON.stringify(list)).not.toContain('山田');
    expect(other).toBeTruthy();

    const reviewed = await center.put(`/api/emergency/accesses/${shown?.id}/review`, {
      outcome: 'appropriate',
      note: '搬送記録と一致',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((reviewed.json() as ReviewList).pending).toBe(5);
    expect(
      (await center.put(`/api/emergency/accesses/${shown?.id}/review`, { outcome: 'appropriate' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await center.put(`/api/emergency/accesses/${shown?.id}/review`, { outcome: 'fine' })).statusCode,
    ).toBe(400);
    // Only the center reviews; the city reads; crews and care teams do neither.
    const city = await t.signIn('city');
    expect((await city.get('/api/emergency/accesses')).statusCode).toBe(200);
    expect(
      (await city.put(`/api/emergency/accesses/${shown?.id}/review`, { outcome: 'appropriate' })).statusCode,
    ).toBe(403);
    for (const client of [ems, careManager])
      expect((await client.get('/api/emergency/accesses')).statusCode).toBe(403);
  });

  it('locks an address out after repeated failed card look-ups (searches finding nobody do not count)', async () => {
    const crew = await t.signIn('ems');
    const rows = await t.database.db
      .select()
      .from(emergencyAccesses)
      .where(and(eq(emergencyAccesses.found, false), ne(emergencyAccesses.method, 'search')));
    expect(rows.length).toBeLessThan(10);
    let answer = { statusCode: 0 } as Awaited<ReturnType<TestClient['post']>>;
    for (let i = rows.length; i <= 10; i++)
      answer = await crew.post('/api/emergency/lookup', {
        code: `AAAA-AAAA-${String(i).padStart(4, '0')}`,
        ...reason,
      });
    expect(answer.statusCode).toBe(429);
    expect(answer.json().error.code).toBe('emergency_locked');
    const refusals = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'emergency.refused'));
    expect(refusals.some((row) => JSON.stringify(row.details).includes('emergency_locked'))).toBe(true);
  });

  it('lets no more than five searches through when they are sent at once', async () => {
    // A fresh window: no searches, no failures (the lockout test before this one left some).
    await t.database.db
      .delete(emergencyAccesses)
      .where(or(eq(emergencyAccesses.method, 'search'), eq(emergencyAccesses.found, false)));
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        ems.post('/api/emergency/search', { name: '秋山 とめ', birthDate: '1935-10-01', reason: 'on_scene' }),
      ),
    );
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('keeps everything of the sheet from anyone outside the care team', async () => {
    for (const client of [doctor, ems, center]) {
      expect((await client.get(sheetUrl())).statusCode).toBe(404);
      expect(
        (await client.put(sheetUrl(), { values: {}, version: 1, confirmedWithPerson: false })).statusCode,
      ).toBe(404);
      expect((await client.post(sheetUrl(patientId, '/kits'), { eligibility: 'other' })).statusCode).toBe(
        404,
      );
      expect((await client.post(sheetUrl(patientId, '/kits/revoke'))).statusCode).toBe(404);
    }
  });

  it('counts kits, ACP discussions and look-ups per month for the center', async () => {
    const year = new Date().getFullYear();
    const answer = await center.get(`/api/emergency/indicators?year=${year}`);
    expect(answer.statusCode, answer.body).toBe(200);
    const { kits, acp, accesses } = answer.json();
    expect(kits.reduce((n: number, row: { count: number }) => n + row.count, 0)).toBe(3);
    expect(acp).toEqual(expect.arrayContaining([{ month: '2026-11', discussions: 3, patients: 3 }]));
    expect(accesses.length).toBeGreaterThan(0);
    expect((await careManager.get(`/api/emergency/indicators?year=${year}`)).statusCode).toBe(403);
  });

  it('reminds the team of sheets not confirmed for a year, and no one outside it', async () => {
    // Last here: it adds a patient, which the counts above do not expect.
    const today = todayInJapan();
    const toConfirm = async (client: TestClient) => {
      const answer = await client.get('/api/emergency/to-confirm');
      expect(answer.statusCode, answer.body).toBe(200);
      return (answer.json() as { items: SheetToConfirm[] }).items;
    };
    const mine = (items: SheetToConfirm[]) =>
      items.filter((item) => [patientId, other].includes(item.patientId));
    const other = await preparedPatient('冬木 はる');
    // Just confirmed: nothing due.
    expect(mine(await toConfirm(careManager))).toEqual([]);

    // One confirmed thirteen months ago; one never confirmed, saved eleven months and a half ago.
    const longAgo = addYears(addCalendarDays(today, -30), -1);
    const savedOn = addYears(addCalendarDays(today, 14), -1);
    await t.database.db
      .update(emergencySheets)
      .set({ confirmedOn: longAgo })
      .where(eq(emergencySheets.patientId, patientId));
    await t.database.db
      .update(emergencySheets)
      .set({ confirmedOn: null, confirmedBy: null, savedAt: new Date(`${savedOn}T12:00:00+09:00`) })
      .where(eq(emergencySheets.patientId, other));
    expect(mine(await toConfirm(careManager))).toEqual([
      {
        patientId,
        patientName: '秋山 とめ',
        lastCheckedOn: longAgo,
        confirmed: true,
        dueOn: confirmationDueOn(longAgo),
        timing: 'overdue',
      },
      {
        patientId: other,
        patientName: '冬木 はる',
        lastCheckedOn: savedOn,
        confirmed: false,
        dueOn: confirmationDueOn(savedOn),
        timing: 'due_soon',
      },
    ]);
    /** The details of the latest audit record of an action. */
    const latestDetails = async (action: string) => {
      const [audit] = await t.database.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.action, action))
        .orderBy(desc(auditLog.id))
        .limit(1);
      return JSON.parse(audit?.details ?? '{}');
    };
    expect((await latestDetails('emergency.to_confirm')).shown).toEqual(
      expect.arrayContaining([patientId, other]),
    );

    // Outside the teams (another organisation, the crew, the center): not listed.
    for (const outsider of [doctor, ems, center]) expect(mine(await toConfirm(outsider))).toEqual([]);
    expect((await t.client().get('/api/emergency/to-confirm')).statusCode).toBe(401);

    // Gone through with the person on a visit three days ago, entered now: no longer due. A day to
    // come, or one before the last check, is refused and changes nothing.
    const confirmOn = async (confirmedOn: string, confirmedWithPerson = true) => {
      const view: EmergencySheetView = (await careManager.get(sheetUrl())).json();
      return careManager.put(sheetUrl(), {
        values: view.current?.values ?? {},
        version: view.current?.version ?? null,
        confirmedWithPerson,
        confirmedOn,
      });
    };
    for (const [day, message] of [
      [addCalendarDays(today, 1), 'これから先の日付'],
      [addCalendarDays(longAgo, -1), '前回の確認日'],
      ['2026/11/01', '1945-04-01 の形'],
    ] as const) {
      const refused = await confirmOn(day);
      expect(refused.statusCode, day).toBe(400);
      expect(refused.json().error.details[0]).toMatchObject({ path: 'confirmedOn' });
      expect(refused.body).toContain(message);
    }
    const unticked = await confirmOn(today, false);
    expect(unticked.statusCode).toBe(400);
    expect(unticked.json().error.details[0]).toMatchObject({ path: 'confirmedOn' });
    expect(mine(await toConfirm(careManager))).toHaveLength(2);
    const confirmed = await confirmOn(addCalendarDays(today, -3));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().current).toMatchObject({ confirmedOn: addCalendarDays(today, -3) });
    expect(mine(await toConfirm(careManager)).map((item) => item.patientId)).toEqual([other]);
    expect(await latestDetails('emergency.save')).toMatchObject({ confirmedOn: addCalendarDays(today, -3) });
  });
});
