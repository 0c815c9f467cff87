// ケアマネタイム: the clinic's replace-all (checked, versioned) and the search care managers use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type {
  CareManagerTimeResult,
  CareManagerTimesUpdate,
} from '../../../shared/schemas/directory-maintenance';
import { detailMessages, expiredClient, maintenance, pointId } from './maintenance-fixtures';

describe.each(engines())('ケアマネタイム (%s)', (engine) => {
  let t: TestApp;
  let doctor: TestClient;
  let sakura: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    doctor = await t.signIn('doctor');
    sakura = await pointId(t, 'さくら在宅クリニック');
  });
  afterAll(async () => t?.close());

  const windows: CareManagerTimesUpdate['windows'] = [
    { physicianName: '桜井 一郎', weekday: 'tue', startTime: '13:00', endTime: '14:00', channels: ['phone'] },
    { physicianName: '桜井 一郎', weekday: 'tue', startTime: '14:00', endTime: '15:00', channels: ['fax'] },
    {
      physicianName: '桜井 花子',
      weekday: 'tue',
      startTime: '13:30',
      endTime: '14:30',
      channels: ['meeting'],
    },
    {
      physicianName: '',
      weekday: 'fri',
      startTime: '08:30',
      endTime: '09:00',
      channels: ['platform'],
      notes: '',
    },
  ];
  const put = async (client: TestClient, id: string, body: Partial<CareManagerTimesUpdate>) => {
    const { version } = (await maintenance(doctor, sakura)).point;
    return client.put(`/api/directory/points/${id}/care-manager-times`, {
      version,
      careManagerTimePublic: true,
      windows,
      ...body,
    });
  };
  const search = async (query: string, client = t.client()) => {
    const res = await client.get(`/api/directory/care-manager-times?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CareManagerTimeResult;
  };
  const who = (result: CareManagerTimeResult) =>
    result.items.map((item) => `${item.pointName}/${item.physicianName}/${item.startTime}`);

  it('replaces all windows at once; search shows them at once; a version row keeps before and after', async () => {
    const res = await put(doctor, sakura, {});
    expect(res.statusCode, res.body).toBe(200);
    const view = await maintenance(doctor, sakura);
    expect(view.careManagerTimes).toHaveLength(4);
    // 「火曜 13:30 に連絡できる医師」: both physicians; the window ending at 13:30 would not count.
    expect(who(await search('weekday=tue&time=13:30'))).toEqual([
      'さくら在宅クリニック/桜井 一郎/13:00',
      'さくら在宅クリニック/桜井 花子/13:30',
    ]);
    expect(who(await search('weekday=tue&time=14:30'))).toEqual(['さくら在宅クリニック/桜井 一郎/14:00']);
    const [latest] = (await doctor.get(`/api/directory/points/${sakura}/versions`)).json().versions;
    expect(latest).toMatchObject({ source: 'edit' });
    expect(latest.before.careManagerTimes).toHaveLength(2);
    expect(latest.after.careManagerTimes).toHaveLength(4);
  });

  it('shows the public only the clinics that made theirs public; professionals see all', async () => {
    const publicResult = await search('weekday=wed');
    expect(publicResult.publicOnly).toBe(true);
    expect(publicResult.items).toHaveLength(0); // あおば内科 keeps its Wednesday window for professionals
    const caremanager = await t.signIn('caremanager');
    const professional = await search('weekday=wed', caremanager);
    expect(professional.publicOnly).toBe(false);
    expect(who(professional)).toEqual(['あおば内科クリニック//12:30']);
    expect((await put(doctor, sakura, { careManagerTimePublic: false })).statusCode).toBe(200);
    expect((await search('weekday=tue')).items).toHaveLength(0);
    expect((await search('weekday=tue', caremanager)).items).toHaveLength(3);
    expect((await put(doctor, sakura, { careManagerTimePublic: true })).statusCode).toBe(200);
  });

  it('narrows by area', async () => {
    const areas = (await t.client().get('/api/areas')).json().areas as { id: string; name: string }[];
    const south = areas.find((area) => area.name === '南部圏域')?.id;
    const caremanager = await t.signIn('caremanager');
    const result = await search(`area=${south}`, caremanager);
    expect(new Set(result.items.map((item) => item.pointName))).toEqual(new Set(['あおば内科クリニック']));
  });

  it('refuses overlaps, start ≥ end and other bad windows, naming the problem', async () => {
    const base = windows[0] as CareManagerTimesUpdate['windows'][number];
    const cases: [Partial<CareManagerTimesUpdate>, RegExp][] = [
      [
        { windows: [base, { ...base, physicianName: '桜井　一郎', startTime: '13:30', endTime: '15:00' }] },
        /桜井 一郎 医師の火曜 13:00〜14:00 と 13:30〜15:00 が重なっています/,
      ],
      [{ windows: [{ ...base, startTime: '14:00', endTime: '14:00' }] }, /終了時刻は開始時刻より後/],
      [{ windows: [{ ...base, startTime: '15:00', endTime: '14:00' }] }, /終了時刻は開始時刻より後/],
      [{ windows: [{ ...base, endTime: '24:30' }] }, /24:00まで/],
      [{ windows: [{ ...base, startTime: '1:00' }] }, /09:30 のように/],
      [{ windows: [{ ...base, channels: [] }] }, /連絡方法を1つ以上/],
      [{ windows: [{ ...base, channels: ['pigeon' as never] }] }, /連絡方法の指定が正しくありません/],
      [{ windows: [{ ...base, weekday: 'someday' as never }] }, /曜日の指定/],
      [{ windows: [{ ...base, notes: 'あ'.repeat(201) }] }, /200文字以内/],
      [{ windows: [{ ...base, physicianName: 'あ'.repeat(51) }] }, /50文字以内/],
      [{ windows: Array(101).fill(base) }, /100件まで/],
      [{ careManagerTimePublic: 'yes' as never }, /一般公開するかどうか/],
    ];
    for (const [body, message] of cases) {
      const res = await put(doctor, sakura, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(detailMessages(res.json()), JSON.stringify(body).slice(0, 200)).toMatch(message);
    }
    expect((await maintenance(doctor, sakura)).careManagerTimes).toHaveLength(4);
    for (const query of ['time=25:00', 'weekday=funday', 'area=north'])
      expect((await t.client().get(`/api/directory/care-manager-times?${query}`)).statusCode, query).toBe(
        400,
      );
  });

  it('refuses a stale version, another organisation, a plain member, no session and a pharmacy', async () => {
    const stale = await doctor.put(`/api/directory/points/${sakura}/care-manager-times`, {
      version: 1,
      careManagerTimePublic: true,
      windows,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/読み込み直して/);
    expect((await put(await t.signIn('nurse'), sakura, {})).statusCode).toBe(403);
    expect((await put(t.client(), sakura, {})).statusCode).toBe(401);
    expect((await put(await expiredClient(t, 'doctor'), sakura, {})).statusCode).toBe(401);
    const tsubasa = await pointId(t, 'つばさ訪問看護ステーション');
    const nurse2 = await t.signIn('nurse2');
    expect((await nurse2.put(`/api/directory/points/${tsubasa}/care-manager-times`, {})).statusCode).toBe(
      400,
    );
    const member = await nurse2.put(`/api/directory/points/${tsubasa}/care-manager-times`, {
      version: 1,
      careManagerTimePublic: false,
      windows: [],
    });
    expect(member.statusCode).toBe(403);
    const pharmacy = await pointId(t, 'みどり薬局');
    const pharmacist = await t.signIn('pharmacist');
    const { version } = (await maintenance(pharmacist, pharmacy)).point;
    const refused = await pharmacist.put(`/api/directory/points/${pharmacy}/care-manager-times`, {
      version,
      careManagerTimePublic: true,
      windows,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/病院・診療所・歯科診療所/);
  });
});
