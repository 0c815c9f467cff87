// Scheduling the care-team meeting: the owner proposes dates, members answer ○△×, the owner fixes
// one; the timeline says so, the home page lists polls waiting for an answer, and the fixed meeting
// downloads as iCalendar without the patient's name. Outsiders get nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';

const inDays = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour - 9, 0, 0, 0); // hour in Japan
  return date.toISOString();
};

describe.each(engines())('meeting polls (%s)', (engine) => {
  let t: TestApp;
  let owner: TestClient;
  let nurse: TestClient;
  let pharmacist: TestClient;
  let teamId: string;
  let meetingId: string;
  let options: { id: string }[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    owner = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    pharmacist = await t.signIn('pharmacist');
    ({ teamId } = await setUpTeam(t, owner, [
      { client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' },
    ]));
  });
  afterAll(() => t.close());

  const url = (rest = '') => `/api/teams/${teamId}/meetings${rest}`;
  const proposal = {
    title: 'サービス担当者会議',
    place: '自宅',
    options: [
      { startsAt: inDays(3, 14), endsAt: inDays(3, 15) },
      { startsAt: inDays(4, 10), endsAt: inDays(4, 11) },
    ],
  };

  it('refuses bad proposals, and proposals by anyone but the owner', async () => {
    const cases: [unknown, number, string?][] = [
      [{ ...proposal, options: [] }, 400],
      [{ ...proposal, options: [{ startsAt: inDays(3, 15), endsAt: inDays(3, 14) }] }, 400],
      [
        { ...proposal, options: [{ startsAt: inDays(-1, 14), endsAt: inDays(-1, 15) }] },
        400,
        'option_in_past',
      ],
      [{ ...proposal, options: [proposal.options[0], proposal.options[0]] }, 400],
      [{ ...proposal, options: [{ startsAt: 'tomorrow', endsAt: 'later' }] }, 400],
      [{ ...proposal, title: 'あ'.repeat(101) }, 400],
    ];
    for (const [body, status, code] of cases) {
      const res = await owner.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (code) expect(res.json().error.code).toBe(code);
    }
    expect((await nurse.post(url(), proposal)).statusCode).toBe(403);
    expect((await pharmacist.post(url(), proposal)).statusCode).toBe(404);
  });

  it('collects ○△× answers, and lists the poll on the home page of those who have not answered', async () => {
    const res = await owner.post(url(), proposal);
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
    options = res.json().options;
    expect(res.json().waiting.map((w: { displayName: string }) => w.displayName)).toHaveLength(2);
    const posts = (await nurse.get(`/api/teams/${teamId}/posts`)).json().items;
    expect(posts[0].body).toContain('「サービス担当者会議」の日程調整を始めました');

    expect((await nurse.get('/api/home/care')).json().polls).toMatchObject([{ meetingId, teamId }]);
    const bad = await nurse.put(url(`/${meetingId}/answers`), {
      answers: [{ optionId: options[0]?.id, answer: 'perhaps' }],
    });
    expect(bad.statusCode).toBe(400);
    const foreign = await nurse.put(url(`/${meetingId}/answers`), {
      answers: [{ optionId: '00000000-0000-4000-8000-000000000000', answer: 'yes' }],
    });
    expect(foreign.json().error.code).toBe('unknown_option');
    const answered = await nurse.put(url(`/${meetingId}/answers`), {
      answers: [
        { optionId: options[0]?.id, answer: 'no' },
        { optionId: options[1]?.id, answer: 'yes' },
      ],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().options[1].answers).toMatchObject([{ answer: 'yes' }]);
    expect((await nurse.get('/api/home/care')).json().polls).toEqual([]);
    // Answering again replaces the answer.
    const again = await nurse.put(url(`/${meetingId}/answers`), {
      answers: [{ optionId: options[0]?.id, answer: 'maybe' }],
    });
    expect(again.json().options[0].answers).toMatchObject([{ answer: 'maybe' }]);
    expect(
      (
        await pharmacist.put(url(`/${meetingId}/answers`), {
          answers: [{ optionId: options[0]?.id, answer: 'yes' }],
        })
      ).statusCode,
    ).toBe(404);
  });

  it('fixes a date (owner), posts it, and gives the members an iCalendar file', async () => {
    expect((await nurse.get(url(`/${meetingId}/calendar.ics`))).json().error.code).toBe('meeting_not_fixed');
    expect((await nurse.post(url(`/${meetingId}/fix`), { optionId: options[1]?.id })).statusCode).toBe(403);
    const fixed = await owner.post(url(`/${meetingId}/fix`), { optionId: options[1]?.id });
    expect(fixed.json()).toMatchObject({ status: 'fixed', fixedOptionId: options[1]?.id, waiting: [] });
    expect((await owner.post(url(`/${meetingId}/fix`), { optionId: options[0]?.id })).json().error.code).toBe(
      'meeting_fixed',
    );
    expect(
      (
        await nurse.put(url(`/${meetingId}/answers`), {
          answers: [{ optionId: options[0]?.id, answer: 'yes' }],
        })
      ).statusCode,
    ).toBe(409);
    const posts = (await nurse.get(`/api/teams/${teamId}/posts`)).json().items;
    expect(posts[0].body).toMatch(/^「サービス担当者会議」は .* に決まりました。場所: 自宅$/);

    const ics = await nurse.get(url(`/${meetingId}/calendar.ics`));
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('SUMMARY:サービス担当者会議');
    expect(ics.body).toContain(
      `DTSTART:${proposal.options[1]?.startsAt.replace(/[-:]/g, '').replace('.000', '')}`,
    );
    expect(ics.body).not.toContain('秋山');
    expect((await pharmacist.get(url(`/${meetingId}/calendar.ics`))).statusCode).toBe(404);
    expect((await pharmacist.get(url())).statusCode).toBe(404);
  });
});
