// The forms of an episode: pre-filled from the patient record, the episode and the care manager;
// checked against the form's definition; saved as a draft, sent to the hospital's window (a hospital
// without accounts is offered the FAX path), acknowledged there — closing the step — and changed
// after receipt as a new revision the hospital sees; concurrent and foreign writes refused.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type { DocumentView } from '../../../shared/schemas/admission-documents';
import type { EpisodeView } from '../../../shared/schemas/admission-episodes';
import type { ParticipationEntry } from '../../../shared/schemas/admission-participation';
import { patients } from '../../db/schema';

const NEXT_HOSPITAL = 'ひだまり台リハビリテーション病院';

describe.each(engines())('admission documents (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let nurse: TestClient;
  let msw: TestClient;
  let doctor: TestClient;
  let hospitals: Record<string, string>;
  let episode: EpisodeView;
  let sheet: DocumentView;

  const sheetPath = (rest = '', id = episode.id) =>
    `/api/admission/episodes/${id}/documents/admission_info_sheet${rest}`;
  const openAt = async (teamId: string, hospital: string) => {
    const opened = await careManager.post(`/api/admission/teams/${teamId}/episodes`, {
      hospitalPointId: hospitals[hospital],
      admittedOn: '2026-11-30',
      ward: '5階西',
      needsConference: false,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json() as EpisodeView;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [careManager, nurse, msw, doctor] = await Promise.all([
      t.signIn('caremanager'),
      t.signIn('nurse'),
      t.signIn('msw'),
      t.signIn('doctor'),
    ]);
    const team = await setUpTeam(t, careManager, [
      { client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' },
    ]);
    await t.database.db
      .update(patients)
      .set({
        careLevel: 'care_2',
        livesAlone: true,
        physicalIndependence: 'A2',
        dementiaIndependence: 'IIa',
        keyPersons: [{ name: '秋山 一郎', relation: 'child', phone: '090-1111-2222' }],
        medication: 'アムロジピン 5mg 朝1錠',
        address: 'さくら県みらい市きた町3丁目4番',
      })
      .where(eq(patients.id, team.patientId));
    const list = (await careManager.get('/api/admission/participation?kind=hospital')).json();
    hospitals = Object.fromEntries(list.entries.map((e: ParticipationEntry) => [e.name, e.servicePointId]));
    episode = await openAt(team.teamId, 'みらい中央病院');
  });
  afterAll(() => t.close());

  it('pre-fills the admission sheet from the record, the episode and the care manager', async () => {
    const response = await careManager.get(sheetPath());
    expect(response.statusCode).toBe(200);
    sheet = response.json();
    expect(sheet).toMatchObject({
      current: null,
      mayEdit: true,
      atHospital: false,
      hospitalOnPlatform: true,
    });
    expect(sheet.prefill).toMatchObject({
      name: '秋山 とめ',
      kana: 'アキヤマ トメ',
      birthDate: '1935-10-01',
      sex: '女',
      careLevel: '要介護2',
      physicalIndependence: 'A2',
      dementiaIndependence: 'Ⅱa',
      household: '独居',
      keyPerson: '秋山 一郎',
      keyPersonRelation: '子',
      medication: 'アムロジピン 5mg 朝1錠',
      admittedOn: '2026-11-30',
      hospital: 'みらい中央病院',
      ward: '5階西',
      careManager: '青空 ひろし',
      office: 'あおぞらケアプランセンター',
    });
    expect(Number(sheet.prefill.age)).toBeGreaterThanOrEqual(91);
    expect((await msw.get(sheetPath())).json()).toMatchObject({ mayEdit: false, atHospital: true });
    expect((await doctor.get(sheetPath())).statusCode).toBe(404);
    expect(
      (await careManager.get(`/api/admission/episodes/${episode.id}/documents/referral`)).statusCode,
    ).toBe(400);
  });

  it('refuses values the form does not have or allow, and a stale or foreign save', async () => {
    for (const [values, path] of [
      [{ nickname: 'とめさん' }, 'values'],
      [{ careLevel: '要介護6' }, 'values.careLevel'],
      [{ lifeHistory: 'あ'.repeat(2001) }, 'values.lifeHistory'],
      [{ admittedOn: '11/30' }, 'values.admittedOn'],
      [{ mealsPerDay: '3' }, 'values.mealsPerDay'],
      [{ procedures: ['点滴', '祈祷'] }, 'values.procedures'],
    ] as const) {
      const refused = await careManager.put(sheetPath(), { values, revision: null, version: null });
      expect(refused.statusCode, path).toBe(400);
      expect(JSON.stringify(refused.json().error), path).toContain(path);
    }
    const values = { ...sheet.prefill, services: '訪問看護（週2回）、通所介護（週3回）', mealsPerDay: 3 };
    expect((await msw.put(sheetPath(), { values, revision: null, version: null })).statusCode).toBe(403);
    const [a, b] = await Promise.all([
      careManager.put(sheetPath(), { values, revision: null, version: null }),
      careManager.put(sheetPath(), {
        values: { ...values, services: '別の内容' },
        revision: null,
        version: null,
      }),
    ]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    sheet = (a?.statusCode === 200 ? a : b)?.json();
    expect(sheet.current).toMatchObject({ revision: 1, sentAt: null });
    const draft = await careManager.put(sheetPath(), {
      values: { ...sheet.current?.values, services: '訪問看護（週2回）、通所介護（週3回）' },
      revision: 1,
      version: sheet.current?.version,
    });
    expect(draft.statusCode).toBe(200);
    sheet = draft.json();
    // A draft changes in place.
    expect(sheet.current?.revision).toBe(1);
  });

  it('sends it to the window, which acknowledges it: the step is done inside the platform and received', async () => {
    // Before it is sent the hospital sees neither the draft nor anything of the record.
    const early: DocumentView = (await msw.get(sheetPath())).json();
    expect(early).toMatchObject({ current: null, revisions: [], prefill: {}, mayEdit: false });
    const sent = await careManager.post(sheetPath('/send'), { revision: 1, version: sheet.current?.version });
    expect(sent.statusCode, sent.body).toBe(200);
    const sentVersion = sent.json().current.version;
    const twice = await careManager.post(sheetPath('/send'), { revision: 1, version: sentVersion });
    expect(twice.json().error.code).toBe('document_already_sent');
    const view: EpisodeView = (await careManager.get(`/api/admission/episodes/${episode.id}`)).json();
    expect(view.steps.find((s) => s.step === 'admission_info')).toMatchObject({
      status: 'done',
      method: 'platform',
    });

    const byNurse = await nurse.post(sheetPath('/receive'), { revision: 1, version: sentVersion });
    expect(byNurse.json().error.code).toBe('not_at_hospital');
    const received = await msw.post(sheetPath('/receive'), { revision: 1, version: sentVersion });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().current.receivedBy).toBe('港 ゆかり');
    expect(
      (await msw.post(sheetPath('/receive'), { revision: 1, version: sentVersion + 1 })).statusCode,
    ).toBe(409);
    const step = (await msw.get(`/api/admission/episodes/${episode.id}`)).json().steps[0];
    expect(step.receivedAt).toEqual(expect.any(String));
    sheet = (await careManager.get(sheetPath())).json();
  });

  it('keeps what the hospital received: a later change is revision 2, and the hospital sees which fields changed', async () => {
    const changed = await careManager.put(sheetPath(), {
      values: { ...sheet.current?.values, medication: 'アムロジピン 5mg 朝1錠、マグミット 330mg 毎食後' },
      revision: 1,
      version: sheet.current?.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const draft = changed.json().current;
    expect(draft.revision).toBe(2);
    // A draft of the correction is not the hospital's yet.
    const meanwhile: DocumentView = (await msw.get(sheetPath())).json();
    expect(meanwhile.current?.revision).toBe(1);
    expect(meanwhile.changedSinceReceived).toEqual([]);
    const stale = await careManager.post(sheetPath('/send'), { revision: 1, version: draft.version });
    expect(stale.json().error.code).toBe('document_stale');
    expect(
      (await careManager.post(sheetPath('/send'), { revision: 2, version: draft.version })).statusCode,
    ).toBe(200);

    const atHospital: DocumentView = (await msw.get(sheetPath())).json();
    expect(atHospital.received?.revision).toBe(1);
    expect(atHospital.received?.values.medication).toBe('アムロジピン 5mg 朝1錠');
    expect(atHospital.changedSinceReceived).toEqual(['medication']);
    expect(atHospital.revisions.map((r) => r.revision)).toEqual([2, 1]);
    // The hospital acknowledges the correction too.
    const again = await msw.post(sheetPath('/receive'), {
      revision: 2,
      version: atHospital.current?.version,
    });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('offers the FAX path for a hospital without accounts, and lets the window confirm the discharge record', async () => {
    const team = await setUpTeam(t, careManager, [], '夏川 すず');
    const elsewhere = await openAt(team.teamId, 'ひだまり台リハビリテーション病院');
    const saved = await careManager.put(sheetPath('', elsewhere.id), {
      values: { name: '夏川 すず' },
      revision: null,
      version: null,
    });
    expect(saved.statusCode).toBe(200);
    const refused = await careManager.post(sheetPath('/send', elsewhere.id), {
      revision: 1,
      version: saved.json().current.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('hospital_off_platform');
    expect(refused.json().error.message).toContain('FAX');

    const record = `/api/admission/episodes/${episode.id}/documents/discharge_info_record`;
    const filled = await msw.put(record, {
      values: { nursingPoints: ['服薬指導', '排泄'], prognosis: '在宅での療養が可能' },
      revision: null,
      version: null,
    });
    expect(filled.statusCode, filled.body).toBe(200);
    const confirmed = await msw.post(`${record}/send`, {
      revision: 1,
      version: filled.json().current.version,
    });
    expect(confirmed.statusCode).toBe(200);
    const view: EpisodeView = (await careManager.get(`/api/admission/episodes/${episode.id}`)).json();
    expect(view.steps.find((s) => s.step === 'discharge_info')).toMatchObject({
      status: 'done',
      method: 'platform',
    });
  });

  it('hands the sheet on at a transfer: the next stay starts with it as a draft naming the next hospital', async () => {
    const moved = await careManager.post(`/api/admission/episodes/${episode.id}/discharge`, {
      dischargedOn: '2026-12-01',
      outcome: 'transfer',
      transferHospitalPointId: hospitals[NEXT_HOSPITAL],
      version: (await careManager.get(`/api/admission/episodes/${episode.id}`)).json().version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const next: DocumentView = (await careManager.get(sheetPath('', moved.json().transferredToId))).json();
    expect(next.current).toMatchObject({ revision: 1, sentAt: null });
    expect(next.current?.values).toMatchObject({
      name: '秋山 とめ',
      medication: 'アムロジピン 5mg 朝1錠、マグミット 330mg 毎食後',
      hospital: NEXT_HOSPITAL,
      admittedOn: '2026-12-01',
    });
  });
});
