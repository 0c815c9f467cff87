// Attachments (photos inline, PDF downloaded; typed by content, size-limited), the scanned consent
// form, and the structured posts: vitals with their chart series, and visit reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyPhone } from '../../../../tests/support/family';
import { PDF, PNG, upload } from '../../../../tests/support/files';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';

const LIMIT = 4096;

const now = () => new Date().toISOString();

describe.each(engines())('attachments and structured posts (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let nurse: TestClient;
  let outsider: TestClient;
  let patientId: string;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { attachmentMaxBytes: LIMIT });
    careManager = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    outsider = await t.signIn('doctor');
    ({ patientId, teamId } = await setUpTeam(t, careManager, [
      { client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' },
    ]));
  });
  afterAll(() => t.close());

  const files = () => `/api/teams/${teamId}/files`;

  it('attaches a photo and a PDF; the photo is shown inline, the PDF downloaded, both safely', async () => {
    const photo = await upload(nurse, files(), PNG, '褥瘡 2026-12-01.png');
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({
      name: '褥瘡 2026-12-01.png',
      mediaType: 'image/png',
      size: PNG.length,
    });
    const pdf = await upload(nurse, files(), PDF, 'C:\\報告\\訪問看護報告書.pdf');
    const post = await nurse.post(`/api/teams/${teamId}/posts`, {
      body: '仙骨部の写真と報告書です。',
      attachmentIds: [photo.json().id, pdf.json().id],
    });
    expect(post.statusCode, post.body).toBe(201);
    const attachments = post.json().attachments;
    expect(attachments.map((a: { name: string }) => a.name)).toEqual([
      '褥瘡 2026-12-01.png',
      '訪問看護報告書.pdf',
    ]);

    const image = await careManager.get(
      `/api/teams/${teamId}/posts/${post.json().id}/files/${photo.json().id}`,
    );
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-disposition']).toMatch(/^inline;/);
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toContain('sandbox');
    expect(image.headers['cache-control']).toBe('no-store');
    expect(image.rawPayload.equals(PNG)).toBe(true);
    const document = await careManager.get(
      `/api/teams/${teamId}/posts/${post.json().id}/files/${pdf.json().id}`,
    );
    expect(document.headers['content-disposition']).toMatch(/^attachment;.*filename\*=UTF-8''/);

    // A photo alone is a post too.
    const alone = await upload(nurse, files(), PNG, 'a.png');
    const only = await nurse.post(`/api/teams/${teamId}/posts`, { attachmentIds: [alone.json().id] });
    expect(only.statusCode, only.body).toBe(201);
    // …and stays one when its words are taken off again.
    const reworded = await nurse.put(`/api/teams/${teamId}/posts/${only.json().id}`, {
      body: '',
      version: 1,
    });
    expect(reworded.statusCode, reworded.body).toBe(200);
  });

  it('refuses disguised, empty and oversized files, and anonymous uploads before reading them', async () => {
    const disguised = await upload(
      nurse,
      files(),
      Buffer.from('MZ\x90\x00 this is a program'),
      '検査結果.pdf',
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.code).toBe('file_type_not_allowed');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(nurse, files(), svg, 'x.png')).statusCode).toBe(415);
    expect((await upload(nurse, files(), Buffer.alloc(0), 'x.png')).json().error.code).toBe('file_empty');
    const big = Buffer.concat([PNG, Buffer.alloc(LIMIT)]);
    const oversized = await upload(nurse, files(), big, 'big.png');
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json().error.message).toContain('上限');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: files(),
      payload: PNG,
      headers: { 'content-type': 'application/octet-stream', 'x-tsunagu-csrf': '1' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await upload(outsider, files(), PNG, 'x.png')).statusCode).toBe(404);
  });

  it('ties an upload to one post of its uploader only', async () => {
    const mine = (await upload(nurse, files(), PNG, 'a.png')).json().id;
    const taken = await careManager.post(`/api/teams/${teamId}/posts`, { body: 'x', attachmentIds: [mine] });
    expect(taken.json().error.code).toBe('attachment_unavailable');
    expect(
      (await nurse.post(`/api/teams/${teamId}/posts`, { body: 'x', attachmentIds: [mine] })).statusCode,
    ).toBe(201);
    const again = await nurse.post(`/api/teams/${teamId}/posts`, { body: 'y', attachmentIds: [mine] });
    expect(again.json().error.code).toBe('attachment_unavailable');
    const tooMany = await nurse.post(`/api/teams/${teamId}/posts`, {
      body: 'x',
      attachmentIds: Array.from({ length: 6 }, () => crypto.randomUUID()),
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('shows a file to nobody outside the team, and to nobody once its post is retracted', async () => {
    const id = (await upload(nurse, files(), PNG, 'a.png')).json().id;
    const post = (
      await nurse.post(`/api/teams/${teamId}/posts`, { body: '写真', attachmentIds: [id] })
    ).json();
    const url = `/api/teams/${teamId}/posts/${post.id}/files/${id}`;
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // The right file through the wrong post is no way in either.
    const other = (await nurse.post(`/api/teams/${teamId}/posts`, { body: '別' })).json();
    expect((await careManager.get(`/api/teams/${teamId}/posts/${other.id}/files/${id}`)).statusCode).toBe(
      404,
    );
    const retracted = await nurse.post(`/api/teams/${teamId}/posts/${post.id}/retract`, {
      reason: '別の方の写真',
    });
    expect(retracted.json().attachments).toEqual([]);
    expect((await careManager.get(url)).statusCode).toBe(404);
  });

  it('lets the family open the files of posts shared with them only', async () => {
    await careManager.post(`/api/patients/${patientId}/consents`, {
      scopes: ['family'],
      method: 'written',
      consentedOn: '2026-11-01',
    });
    const code = (
      await careManager.post(`/api/teams/${teamId}/family`, { name: '秋山 花子', relation: 'child' })
    ).json().code;
    const family = familyPhone(t);
    expect((await family.post('/api/family/join', { code })).statusCode).toBe(200);
    const shared = (await upload(nurse, files(), PNG, 'shared.png')).json().id;
    const hidden = (await upload(nurse, files(), PNG, 'hidden.png')).json().id;
    const sharedPost = (
      await nurse.post(`/api/teams/${teamId}/posts`, {
        body: '共有',
        forFamily: true,
        attachmentIds: [shared],
      })
    ).json();
    const hiddenPost = (
      await nurse.post(`/api/teams/${teamId}/posts`, { body: '内部', attachmentIds: [hidden] })
    ).json();
    const home = (await family.get('/api/family/home')).json();
    expect(home.posts[0].attachments).toMatchObject([{ id: shared, name: 'shared.png' }]);
    expect((await family.get(`/api/family/posts/${sharedPost.id}/files/${shared}`)).statusCode).toBe(200);
    expect((await family.get(`/api/family/posts/${hiddenPost.id}/files/${hidden}`)).statusCode).toBe(404);
    expect((await family.get(`/api/teams/${teamId}/posts/${hiddenPost.id}/files/${hidden}`)).statusCode).toBe(
      401,
    );
  });

  it('keeps a scan of the consent form with the consent', async () => {
    const uploadUrl = `/api/patients/${patientId}/files`;
    const scan = await upload(careManager, uploadUrl, PDF, '同意書.pdf');
    expect(scan.statusCode, scan.body).toBe(201);
    const recorded = await careManager.post(`/api/patients/${patientId}/consents`, {
      scopes: ['ems'],
      method: 'written',
      consentedOn: '2026-11-20',
      documentFileId: scan.json().id,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const ems = recorded.json().consents.find((c: { scope: string }) => c.scope === 'ems');
    expect(ems.document).toMatchObject({ name: '同意書.pdf', mediaType: 'application/pdf' });
    const url = `/api/patients/${patientId}/consents/${ems.id}/document`;
    const document = await careManager.get(url);
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await outsider.get(url)).statusCode).toBe(404);

    // Attached afterwards to a consent recorded without one; not replaced.
    const first = recorded.json().consents.find((c: { scope: string }) => c.scope === 'care_team');
    const later = (await upload(careManager, uploadUrl, PNG, '同意書（写真）.png')).json().id;
    const attached = await careManager.put(`/api/patients/${patientId}/consents/${first.id}/document`, {
      fileId: later,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const another = (await upload(careManager, uploadUrl, PNG, 'x.png')).json().id;
    const replaced = await careManager.put(`/api/patients/${patientId}/consents/${first.id}/document`, {
      fileId: another,
    });
    expect(replaced.json().error.code).toBe('consent_document_exists');
    // A team upload is no consent form.
    const teamFile = (await upload(careManager, files(), PNG, 'x.png')).json().id;
    const wrong = await careManager.post(`/api/patients/${patientId}/consents`, {
      scopes: ['care_team'],
      method: 'oral',
      consentedOn: '2026-11-21',
      documentFileId: teamFile,
    });
    expect(wrong.json().error.code).toBe('attachment_unavailable');
  });

  it('records vitals, checks their ranges, and gives the chart its series', async () => {
    const post = (vitals: Record<string, unknown>) =>
      nurse.post(`/api/teams/${teamId}/posts`, { kind: 'vitals', body: '', vitals, urgent: true });
    const good = await post({
      measuredAt: now(),
      systolic: 168,
      diastolic: 96,
      pulse: 88,
      temperature: 37.8,
      spo2: 93,
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({
      kind: 'vitals',
      vitals: { systolic: 168, temperature: 37.8 },
      urgent: true,
    });

    const issues = async (vitals: Record<string, unknown>) => {
      const res = await post(vitals);
      expect(res.statusCode).toBe(400);
      return res
        .json()
        .error.details.map((d: { message: string }) => d.message)
        .join(' / ');
    };
    expect(await issues({ measuredAt: now(), systolic: 1200, diastolic: 80 })).toContain('300mmHg以下');
    expect(await issues({ measuredAt: now(), systolic: 80, diastolic: 120 })).toContain('下は上より小さい');
    expect(await issues({ measuredAt: now(), systolic: 120 })).toContain('両方');
    expect(await issues({ measuredAt: now(), temperature: 36.55 })).toContain('小数第1位');
    expect(await issues({ measuredAt: now(), pulse: '88' })).toContain('数字');
    expect(await issues({ measuredAt: now() })).toContain('1つ以上');
    expect(await issues({ measuredAt: new Date(Date.now() + 3600_000).toISOString(), pulse: 70 })).toContain(
      '未来',
    );
    const textAsVitals = await nurse.post(`/api/teams/${teamId}/posts`, { body: 'x', vitals: { pulse: 70 } });
    expect(textAsVitals.statusCode).toBe(400);

    await post({
      measuredAt: new Date(Date.now() - 86400_000).toISOString(),
      weight: 41.2,
      mealIntake: 6,
      bowel: 'soft',
    });
    const old = await post({ measuredAt: new Date(Date.now() - 40 * 86400_000).toISOString(), pulse: 70 });
    const series = (await careManager.get(`/api/teams/${teamId}/vitals?days=30`)).json().items;
    expect(
      series.map((i: { vitals: { weight?: number; pulse?: number } }) => i.vitals.weight ?? i.vitals.pulse),
    ).toEqual([41.2, 88]);
    expect(series[0].recordedBy).toBeTruthy();
    expect((await careManager.get(`/api/teams/${teamId}/vitals?days=60`)).json().items).toHaveLength(3);
    expect((await outsider.get(`/api/teams/${teamId}/vitals`)).statusCode).toBe(404);
    await nurse.post(`/api/teams/${teamId}/posts/${old.json().id}/retract`, { reason: '別の方の値' });
    expect((await careManager.get(`/api/teams/${teamId}/vitals?days=60`)).json().items).toHaveLength(2);

    // A correction keeps the old values as a revision; the kind does not change.
    const corrected = await nurse.put(`/api/teams/${teamId}/posts/${good.json().id}`, {
      body: '再検',
      version: 1,
      vitals: { measuredAt: now(), systolic: 158, diastolic: 92 },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().vitals).toMatchObject({ systolic: 158 });
    const mismatch = await nurse.put(`/api/teams/${teamId}/posts/${good.json().id}`, {
      body: '',
      version: 2,
      visitReport: { visitedOn: '2026-11-30', care: 'x' },
    });
    expect(mismatch.json().error.code).toBe('kind_mismatch');
  });

  it('records visit reports with their checks', async () => {
    const report = (visitReport: Record<string, unknown>) =>
      nurse.post(`/api/teams/${teamId}/posts`, { kind: 'visit_report', body: '', visitReport });
    const res = await report({
      visitedOn: '2026-11-30',
      startTime: '10:00',
      endTime: '10:45',
      condition: '食欲やや低下。表情は穏やか。',
      care: '清拭、褥瘡処置（仙骨部）',
      handover: '次回、ご家族に水分量の記録をお願いしています。',
      nextVisitOn: '2026-12-03',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().visitReport).toMatchObject({
      care: '清拭、褥瘡処置（仙骨部）',
      nextVisitOn: '2026-12-03',
    });
    expect((await report({ visitedOn: '2026-11-30' })).json().error.details[0].message).toContain('どちらか');
    expect((await report({ visitedOn: '2099-01-01', care: 'x' })).statusCode).toBe(400);
    expect(
      (await report({ visitedOn: '2026-11-30', care: 'x', startTime: '11:00', endTime: '10:00' })).statusCode,
    ).toBe(400);
    expect((await report({ visitedOn: '2026-11-30', care: 'x', nextVisitOn: '2026-11-01' })).statusCode).toBe(
      400,
    );
    expect((await report({ visitedOn: '2026-11-30', care: 'x', nextVisitOn: '2026-13-45' })).statusCode).toBe(
      400,
    );
  });
});
