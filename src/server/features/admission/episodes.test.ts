// Admission episodes from opening to discharge: deadlines from the rule in force on the admission date
// (business days, with 勤労感謝の日), steps recorded once with their method, the hospital's window
// acknowledging receipt, the expected discharge moving the hospital's deadlines, a transfer opening a
// linked episode, the due lists and the center's view without patients; access for the team and the
// hospital's window only, ended by a withdrawn consent; bad and stale input refused with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type { EpisodeView } from '../../../shared/schemas/admission-episodes';
import type { ParticipationEntry } from '../../../shared/schemas/admission-participation';
import { demoRule } from '../../demo/admission-rule';

describe.each(engines())('admission episodes (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let nurse: TestClient;
  let msw: TestClient;
  let doctor: TestClient;
  let center: TestClient;
  let city: TestClient;
  let team: { patientId: string; teamId: string };
  let hospitals: Record<string, string>;
  let episode: EpisodeView;

  const hospitalId = (name: string) => hospitals[name];
  const path = (rest = '') => `/api/admission/episodes/${episode.id}${rest}`;
  const step = (view: EpisodeView, name: string) => view.steps.find((s) => s.step === name);
  const opening = (change: Record<string, unknown> = {}) => ({
    hospitalPointId: hospitalId('みらい中央病院'),
    admittedOn: '2026-11-20',
    ward: '4階東病棟',
    needsConference: false,
    notes: '',
    ...change,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    [careManager, nurse, msw, doctor, center, city] = await Promise.all([
      t.signIn('caremanager'),
      t.signIn('nurse'),
      t.signIn('msw'),
      t.signIn('doctor'),
      t.signIn('center'),
      t.signIn('city'),
    ]);
    team = await setUpTeam(t, careManager, [{ client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' }]);
    const list = (await careManager.get('/api/admission/participation?kind=hospital')).json();
    hospitals = Object.fromEntries(list.entries.map((e: ParticipationEntry) => [e.name, e.servicePointId]));
  });
  afterAll(() => t.close());

  it('opens an episode with the admission information due three business days on (a holiday skipped)', async () => {
    const opened = await careManager.post(`/api/admission/teams/${team.teamId}/episodes`, opening());
    expect(opened.statusCode, opened.body).toBe(201);
    episode = opened.json();
    expect(episode).toMatchObject({
      admittedOn: '2026-11-20',
      rule: { version: 1 },
      // The window's numbers from the participation register, not the switchboard's.
      hospital: { name: 'みらい中央病院', onPlatform: true, phone: '099-100-5001', fax: '099-100-5002' },
      careOffice: { name: 'あおぞらケアプランセンター' },
      atHospital: false,
    });
    // Fri 20 Nov; Mon 23 Nov is 勤労感謝の日: 24, 25, 26.
    expect(step(episode, 'admission_info')).toMatchObject({ dueOn: '2026-11-26', status: 'pending' });
    // The fees of the rule: (I) the admission day itself, (II) two business days on (25 Nov).
    expect(step(episode, 'admission_info')?.fees).toEqual([
      { label: '入院時情報連携加算(I)', units: 250, by: '2026-11-20', earned: false },
      { label: '入院時情報連携加算(II)', units: 200, by: '2026-11-25', earned: false },
    ]);
    expect(step(episode, 'discharge_notice')).toMatchObject({ dueOn: null, timing: 'no_date' });
    expect(step(episode, 'conference')?.status).toBe('not_needed');

    const again = await careManager.post(`/api/admission/teams/${team.teamId}/episodes`, opening());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('episode_already_open');
    const list = (await nurse.get(`/api/admission/teams/${team.teamId}/episodes`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].next).toMatchObject({ step: 'admission_info', dueOn: '2026-11-26' });
  });

  it("shows the episode to the team and the hospital's window, and to nobody else", async () => {
    const atHospital = await msw.get(path());
    expect(atHospital.statusCode).toBe(200);
    expect(atHospital.json().atHospital).toBe(true);
    expect((await nurse.get(path())).json().atHospital).toBe(false);
    // Another organisation: the same 404 as an episode that does not exist.
    const outsider = await doctor.get(path());
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().error.code).toBe('episode_not_found');
    expect((await center.get(path())).statusCode).toBe(404);
    expect(
      (await doctor.get('/api/admission/episodes/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await doctor.get(`/api/admission/teams/${team.teamId}/episodes`)).statusCode).toBe(404);
    expect(
      (
        await doctor.post(
          `/api/admission/teams/${team.teamId}/episodes`,
          opening({ admittedOn: '2026-11-01' }),
        )
      ).statusCode,
    ).toBe(404);
    // Every route of the episode answers another organisation the same 404, whatever the body.
    const step = { doneOn: '2026-11-21', method: 'fax', version: 1 };
    for (const [method, url, body] of [
      ['POST', path('/discharge'), { dischargedOn: '2026-11-30', outcome: 'home', version: 1 }],
      [
        'PUT',
        path('/expected-discharge'),
        { expectedDischargeOn: '2026-12-10', needsConference: true, version: 1 },
      ],
      ['POST', path('/steps/admission_info'), step],
      ['POST', path('/receipt'), {}],
      ['PUT', path('/conference'), { scheduledAt: '2026-12-08T14:00:00+09:00', version: 1 }],
      ['GET', path('/documents/admission_info_sheet'), undefined],
      ['PUT', path('/documents/admission_info_sheet'), { values: {}, revision: null, version: null }],
      ['POST', path('/documents/admission_info_sheet/send'), { revision: 1, version: 1 }],
      ['POST', path('/documents/admission_info_sheet/receive'), { revision: 1, version: 1 }],
    ] as const) {
      const refused = await doctor.request(method, url, body);
      expect(refused.statusCode, `${method} ${url}`).toBe(404);
    }
    // …and nothing it sent was kept.
    expect((await careManager.get(path())).json().version).toBe(episode.version);
    expect((await t.client().get(path())).statusCode).toBe(401);
  });

  it('lists the overdue step for the care manager with the name, and for the center without it', async () => {
    const mine = (await careManager.get('/api/admission/due')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ step: 'admission_info', timing: 'overdue', patientName: '秋山 とめ' }),
    ]);
    expect((await msw.get('/api/admission/due')).json().items).toEqual([]);
    const overdue = await center.get('/api/admission/center/overdue');
    expect(overdue.statusCode).toBe(200);
    expect(overdue.json()).toMatchObject({
      total: 1,
      items: [
        {
          step: 'admission_info',
          hospitalName: 'みらい中央病院',
          careOfficeName: 'あおぞらケアプランセンター',
        },
      ],
    });
    expect(overdue.body).not.toContain('秋山');
    expect((await careManager.get('/api/admission/center/overdue')).statusCode).toBe(403);
    expect((await careManager.get('/api/admission/center/performance')).statusCode).toBe(403);
  });

  it('records a step once, with its method; the hospital acknowledges receipt', async () => {
    const info = step(episode, 'admission_info');
    const record = {
      doneOn: '2026-11-27',
      method: 'fax',
      counterpart: '地域医療連携室 山下',
      notes: '',
      version: info?.version,
    };
    for (const [body, code] of [
      [{ ...record, doneOn: '2026-10-01' }, 'done_before_admission'],
      [{ ...record, doneOn: '2099-01-01' }, 'done_in_future'],
    ] as const) {
      const refused = await careManager.post(path('/steps/admission_info'), body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe(code);
    }
    expect(
      (await careManager.post(path('/steps/admission_info'), { ...record, method: 'pigeon' })).statusCode,
    ).toBe(400);
    expect((await careManager.post(path('/steps/admission'), record)).statusCode).toBe(400);
    expect(
      (await careManager.post(path('/steps/admission_info'), { ...record, counterpart: 'x'.repeat(101) }))
        .statusCode,
    ).toBe(400);
    expect((await msw.post(path('/receipt'))).json().error.code).toBe('not_yet_provided');

    const done = await careManager.post(path('/steps/admission_info'), record);
    expect(done.statusCode, done.body).toBe(200);
    episode = done.json();
    expect(step(episode, 'admission_info')).toMatchObject({
      status: 'done',
      timing: 'late',
      method: 'fax',
      counterpart: '地域医療連携室 山下',
      recordedBy: expect.any(String),
    });
    // Given on the 27th: after both fees' days.
    expect(step(episode, 'admission_info')?.fees.some((fee) => fee.earned)).toBe(false);
    const twice = await careManager.post(path('/steps/admission_info'), {
      ...record,
      version: step(episode, 'admission_info')?.version,
    });
    expect(twice.json().error.code).toBe('step_already_done');
    expect((await careManager.post(path('/steps/admission_info'), record)).json().error.code).toBe(
      'step_stale',
    );

    expect((await nurse.post(path('/receipt'))).json().error.code).toBe('not_at_hospital');
    const received = await msw.post(path('/receipt'));
    expect(received.statusCode).toBe(200);
    expect(step(received.json(), 'admission_info')?.receivedAt).toEqual(expect.any(String));
    expect((await msw.post(path('/receipt'))).statusCode).toBe(409);
    episode = received.json();
  });

  it('moves the hospital deadlines with the expected discharge; a stale write is a 409', async () => {
    const set = await msw.put(path('/expected-discharge'), {
      expectedDischargeOn: '2026-12-10',
      needsConference: true,
      version: episode.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    const view: EpisodeView = set.json();
    // Three business days before Thu 10 Dec: Mon 7 Dec.
    expect(step(view, 'discharge_notice')).toMatchObject({ dueOn: '2026-12-07', status: 'pending' });
    expect(step(view, 'conference')).toMatchObject({ dueOn: '2026-12-10', status: 'pending' });
    const stale = await careManager.put(path('/expected-discharge'), {
      expectedDischargeOn: '2026-12-11',
      needsConference: true,
      version: episode.version,
    });
    expect(stale.json().error.code).toBe('episode_stale');
    const early = await msw.put(path('/expected-discharge'), {
      expectedDischargeOn: '2026-11-01',
      needsConference: true,
      version: view.version,
    });
    expect(early.json().error.code).toBe('discharge_before_admission');
    expect(
      (
        await msw.put(path('/expected-discharge'), {
          expectedDischargeOn: '12/10',
          needsConference: true,
          version: view.version,
        })
      ).statusCode,
    ).toBe(400);

    const scheduled = await msw.put(path('/conference'), {
      scheduledAt: '2026-12-08T14:00:00+09:00',
      participants: '主治医、病棟看護師、MSW、ケアマネジャー、訪問看護',
      version: step(view, 'conference')?.version,
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const conference = step(scheduled.json(), 'conference');
    expect(conference?.scheduledAt).toBe('2026-12-08T05:00:00.000Z');
    const held = await msw.post(path('/steps/conference'), {
      doneOn: '2026-12-01',
      method: 'in_person',
      participants: '主治医、MSW、ケアマネジャー',
      minutes: '退院後は訪問看護を週2回。ベッドを手配。',
      version: conference?.version,
    });
    expect(held.statusCode, held.body).toBe(200);
    episode = held.json();
    expect(step(episode, 'conference')).toMatchObject({
      status: 'done',
      minutes: '退院後は訪問看護を週2回。ベッドを手配。',
    });
  });

  it('records a transfer: the discharge information falls due and a linked episode opens at the next hospital', async () => {
    const discharge = (change: Record<string, unknown>) =>
      careManager.post(path('/discharge'), {
        dischargedOn: '2026-12-01',
        outcome: 'transfer',
        version: episode.version,
        ...change,
      });
    for (const [change, code] of [
      [{ dischargedOn: '2026-11-19' }, 'discharge_before_admission'],
      [{ dischargedOn: '2099-12-01' }, 'discharge_in_future'],
      [{}, 'transfer_hospital_missing'],
      [{ transferHospitalPointId: hospitalId('みらい中央病院') }, 'transfer_same_hospital'],
    ] as const) {
      const refused = await discharge(change);
      expect(refused.statusCode, code).toBe(400);
      expect(refused.json().error.code).toBe(code);
    }
    const moved = await discharge({
      transferHospitalPointId: hospitalId('ひだまり台リハビリテーション病院'),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const view: EpisodeView = moved.json();
    expect(view).toMatchObject({
      dischargedOn: '2026-12-01',
      outcome: 'transfer',
      transferredToId: expect.any(String),
    });
    // Tue 1 Dec + 5 business days: Tue 8 Dec.
    expect(step(view, 'discharge_info')).toMatchObject({ dueOn: '2026-12-08', status: 'pending' });
    // The hospital's notice, due 7 Dec, never came before the patient left: missed, off the lists.
    expect(step(view, 'discharge_notice')).toMatchObject({ status: 'missed', timing: 'missed' });
    expect((await msw.get('/api/admission/due')).json().items).toEqual([]);
    expect(
      (
        await discharge({
          transferHospitalPointId: hospitalId('ひだまり台リハビリテーション病院'),
          version: view.version,
        })
      ).json().error.code,
    ).toBe('already_discharged');

    const next = await careManager.get(`/api/admission/episodes/${view.transferredToId}`);
    expect(next.json()).toMatchObject({
      transferredFromId: episode.id,
      admittedOn: '2026-12-01',
      hospital: { name: 'ひだまり台リハビリテーション病院', onPlatform: false },
    });
    // The central hospital's window sees its own episode, not the next hospital's.
    expect((await msw.get(`/api/admission/episodes/${view.transferredToId}`)).statusCode).toBe(404);
    expect((await msw.get(path())).statusCode).toBe(200);
  });

  it('keeps each episode on the rule in force when it began; a new version applies to later admissions', async () => {
    const rule = (await city.get('/api/admission/rule')).json();
    const added = await city.post('/api/admission/rule/versions', {
      title: '入退院支援ルール（改定）',
      body: '入院時情報提供は入院の翌営業日までとします。',
      effectiveFrom: '2026-11-25',
      parameters: { ...demoRule.parameters, admissionInfoDays: 1 },
      basedOn: rule.versions[0].version,
    });
    expect(added.statusCode, added.body).toBe(201);
    const second = await setUpTeam(t, careManager, [], '春田 はな');
    const later = await careManager.post(
      `/api/admission/teams/${second.teamId}/episodes`,
      opening({ admittedOn: '2026-11-27' }),
    );
    expect(later.statusCode, later.body).toBe(201);
    // Fri 27 Nov + 1 business day: Mon 30 Nov, under version 2.
    expect(later.json().rule.version).toBe(2);
    expect(step(later.json(), 'admission_info')?.dueOn).toBe('2026-11-30');
    const old = (await careManager.get(path())).json();
    expect(old.rule.version).toBe(1);
    expect(step(old, 'admission_info')?.dueOn).toBe('2026-11-26');

    const performance = (
      await center.get('/api/admission/center/performance?from=2026-11&to=2026-12')
    ).json();
    expect(performance.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          month: '2026-11',
          step: 'admission_info',
          organisationName: 'あおぞらケアプランセンター',
          due: 2,
          late: 1,
          overdue: 1,
        }),
      ]),
    );
    expect((await center.get('/api/admission/center/performance?from=2026-13')).statusCode).toBe(400);

    // The prefecture's survey, from the episodes: November's two admissions (one given late), and
    // December's transfer (discharged with its conference held; the new stay begun).
    const november = (await city.get('/api/admission/center/survey?month=2026-11')).json();
    expect(november.byOffice).toEqual([
      expect.objectContaining({
        name: 'あおぞらケアプランセンター',
        admitted: 2,
        infoProvided: 1,
        infoOnTime: 0,
        discharged: 0,
      }),
    ]);
    const december = (await center.get('/api/admission/center/survey?month=2026-12')).json();
    expect(december.byHospital).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'みらい中央病院', discharged: 1, conferenceHeld: 1, noticeGiven: 0 }),
        expect.objectContaining({ name: 'ひだまり台リハビリテーション病院', admitted: 1 }),
      ]),
    );
    expect(JSON.stringify(december)).not.toContain('秋山');
    const csv = await city.get('/api/admission/center/survey.csv?month=2026-11');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF区分,名称,入院した利用者')).toBe(true);
    expect(csv.body).toContain('居宅介護支援事業所,あおぞらケアプランセンター,2,1,0,0,0,0,0');
    const sjis = await city.get('/api/admission/center/survey.csv?month=2026-11&encoding=shift_jis');
    expect(new TextDecoder('shift_jis').decode(sjis.rawPayload)).toContain('あおぞらケアプランセンター');
    expect((await careManager.get('/api/admission/center/survey?month=2026-11')).statusCode).toBe(403);
    expect((await city.get('/api/admission/center/survey?month=2026/11')).statusCode).toBe(400);
  });

  it("ends the hospital's view when the consent is withdrawn; the recording office keeps its own", async () => {
    const patient = (await careManager.get(`/api/patients/${team.patientId}`)).json();
    const consent = patient.consents.find((c: { scope: string }) => c.scope === 'care_team');
    const withdrawn = await careManager.post(
      `/api/patients/${team.patientId}/consents/${consent.id}/withdraw`,
      {
        reason: 'ご本人の申し出',
      },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await msw.get(path())).statusCode).toBe(404);
    expect((await careManager.get(path())).statusCode).toBe(200);
    const bad = await careManager.post(
      `/api/admission/teams/${team.teamId}/episodes`,
      opening({ admittedOn: '2026-02-30' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('admittedOn');
    for (const change of [
      { needsConference: undefined },
      { ward: 'x'.repeat(101) },
      { hospitalPointId: 'nope' },
    ]) {
      expect(
        (await careManager.post(`/api/admission/teams/${team.teamId}/episodes`, opening(change))).statusCode,
      ).toBe(400);
    }
  });
});
