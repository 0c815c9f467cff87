import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';

describe.each(engines())('city settings and areas (%s)', (engine) => {
  let t: TestApp;
  let city: TestClient;
  let northCenterId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    city = await t.signIn('city');
    northCenterId = (await city.get('/api/orgs?kind=community_center')).json().organisations[1].id;
  });
  afterAll(() => t.close());

  it('shows the city name to anyone', async () => {
    const res = await t.client().get('/api/public/settings');
    expect(res.json()).toMatchObject({
      cityName: 'みらい市（デモ）',
      municipalityCode: '990001',
      demoMode: true,
    });
  });

  it('lets city staff change settings, checking the municipality code’s check digit', async () => {
    const good = {
      cityName: '鹿児島市',
      prefectureName: '鹿児島県',
      municipalityCode: '462012',
      supportCenterName: '鹿児島市在宅医療・介護連携支援センター',
    };
    expect((await city.put('/api/settings', good)).statusCode).toBe(200);
    expect((await t.client().get('/api/public/settings')).json().cityName).toBe('鹿児島市');
    const bad = await city.put('/api/settings', { ...good, municipalityCode: '462011' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toMatch(/検査数字/);
    const doctor = await t.signIn('doctor');
    expect((await doctor.put('/api/settings', good)).statusCode).toBe(403);
    expect((await t.client().put('/api/settings', good)).statusCode).toBe(401);
  });

  it('adds, edits and deletes areas with a responsible 包括 center', async () => {
    const created = await city.post('/api/areas', {
      name: '東部圏域',
      kana: 'トウブケンイキ',
      kind: 'daily_life_area',
      responsibleCenterId: northCenterId,
      sortOrder: 3,
    });
    expect(created.statusCode).toBe(200);
    const area = created.json();
    expect(area).toMatchObject({ responsibleCenterName: 'みらい北部地域包括支援センター', version: 1 });
    const edited = await city.put(`/api/areas/${area.id}`, { ...area, name: '東部・中央圏域', version: 1 });
    expect(edited.json()).toMatchObject({ name: '東部・中央圏域', version: 2 });
    // Someone who read version 1 loses the race with a clear answer.
    const stale = await city.put(`/api/areas/${area.id}`, { ...area, name: '古い編集', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await t.client().get('/api/areas')).json().areas).toHaveLength(3);
    expect((await city.delete(`/api/areas/${area.id}`)).statusCode).toBe(200);
    expect((await city.delete(`/api/areas/${area.id}`)).statusCode).toBe(404);
  });

  it('refuses a responsible center that is not a 包括, and deleting an area in use', async () => {
    const clinicId = (await city.get('/api/orgs?kind=clinic')).json().organisations[0].id;
    const wrong = await city.post('/api/areas', {
      name: '西部',
      kana: 'セイブ',
      kind: 'school_district',
      responsibleCenterId: clinicId,
    });
    expect(wrong.json().error.code).toBe('invalid_responsible_center');
    const inUse = (await t.client().get('/api/areas')).json().areas[0];
    const res = await city.delete(`/api/areas/${inUse.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('area_in_use');
    const tooLong = await city.post('/api/areas', {
      name: 'あ'.repeat(101),
      kana: 'ア',
      kind: 'daily_life_area',
      responsibleCenterId: null,
    });
    expect(tooLong.statusCode).toBe(400);
  });
});
