// Files on an episode: attached by the team or the hospital's window, read back only through the
// episode (another episode's file is a 404), typed by content, and refused to anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, upload } from '../../../../tests/support/files';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import type { EpisodeView } from '../../../shared/schemas/admission-episodes';
import type { ParticipationEntry } from '../../../shared/schemas/admission-participation';

describe.each(engines())('admission episode files (%s)', (engine) => {
  let t: TestApp;
  let careManager: TestClient;
  let msw: TestClient;
  let doctor: TestClient;
  const episodes: EpisodeView[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    [careManager, msw, doctor] = await Promise.all([
      t.signIn('caremanager'),
      t.signIn('msw'),
      t.signIn('doctor'),
    ]);
    const list = (await careManager.get('/api/admission/participation?kind=hospital')).json();
    const central = list.entries.find((e: ParticipationEntry) => e.name === 'みらい中央病院').servicePointId;
    for (const name of ['秋山 とめ', '春田 はな']) {
      const team = await setUpTeam(t, careManager, [], name);
      const opened = await careManager.post(`/api/admission/teams/${team.teamId}/episodes`, {
        hospitalPointId: central,
        admittedOn: '2026-11-30',
        needsConference: false,
      });
      episodes.push(opened.json());
    }
  });
  afterAll(() => t.close());

  const filesUrl = (index: number, rest = '') =>
    `/api/admission/episodes/${episodes[index]?.id}/files${rest}`;

  it("attaches the hospital's nursing summary and lets the care manager read it", async () => {
    const attached = await upload(msw, filesUrl(0, '?kind=nursing_summary'), PDF, '看護サマリー.pdf');
    expect(attached.statusCode, attached.body).toBe(201);
    const [file] = attached.json().files;
    expect(file).toMatchObject({
      name: '看護サマリー.pdf',
      mediaType: 'application/pdf',
      kind: 'nursing_summary',
      attachedBy: '港 ゆかり',
    });
    const view: EpisodeView = (await careManager.get(`/api/admission/episodes/${episodes[0]?.id}`)).json();
    expect(view.files.map((f) => f.id)).toEqual([file.id]);
    const read = await careManager.get(filesUrl(0, `/${file.id}`));
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.headers['content-disposition']).toContain('attachment');

    // Through another episode, or by someone outside: the same 404.
    expect((await careManager.get(filesUrl(1, `/${file.id}`))).statusCode).toBe(404);
    expect((await doctor.get(filesUrl(0, `/${file.id}`))).statusCode).toBe(404);
    expect((await upload(doctor, filesUrl(0, '?kind=other'), PDF, 'x.pdf')).statusCode).toBe(404);
    expect((await t.client().get(filesUrl(0, `/${file.id}`))).statusCode).toBe(401);
  });

  it('refuses a file that is not a PDF or photo, an empty one, and a missing kind', async () => {
    expect(
      (await upload(careManager, filesUrl(0, '?kind=referral'), Buffer.from('hello'), 'a.txt')).statusCode,
    ).toBe(415);
    expect(
      (await upload(careManager, filesUrl(0, '?kind=referral'), Buffer.alloc(0), 'a.pdf')).statusCode,
    ).toBe(400);
    expect((await upload(careManager, filesUrl(0), PDF, 'a.pdf')).statusCode).toBe(400);
    expect((await upload(careManager, filesUrl(0, '?kind=x'), PDF, 'a.pdf')).statusCode).toBe(400);
    const view: EpisodeView = (await careManager.get(`/api/admission/episodes/${episodes[0]?.id}`)).json();
    expect(view.files).toHaveLength(1);
  });
});
