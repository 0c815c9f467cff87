// The daily digest by e-mail: an address confirmed by a mailed code, a mail a day from the chosen
// hour with counts only (never a patient's or team's name), once across processes, retried when the
// mail server refuses, nothing when nothing waits; bad input and other users' data refused.
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Mailbox, openMailbox } from '../../../../tests/support/mailbox';
import { setUpTeam } from '../../../../tests/support/teams';
import { createTestApp, engines, type TestApp, type TestClient } from '../../../../tests/support/test-app';
import { queryRows } from '../../db/client';
import { digestSubscriptions } from '../../db/schema';
import { sendDueDigests } from '../teams/digest';

const codeIn = (text: string) => /確認コード: (\d{6})/.exec(text)?.[1] as string;
/** 8:00 in Japan on the given day. */
const morning = (day: string) => new Date(`${day}T08:00:00+09:00`);

describe.each(engines())('daily digest (%s)', (engine) => {
  let t: TestApp;
  let mailbox: Mailbox;
  let careManager: TestClient;
  let nurse: TestClient;
  let doctor: TestClient;

  beforeAll(async () => {
    mailbox = await openMailbox();
    t = await createTestApp(engine, { smtpUrl: mailbox.url, publicUrl: 'https://tsunagu.example.jp' });
    careManager = await t.signIn('caremanager');
    nurse = await t.signIn('nurse');
    doctor = await t.signIn('doctor');
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });
  beforeEach(() => {
    mailbox.refuse(false);
  });
  afterEach(() => {
    expect(mailbox.messages, 'mail nobody expected').toHaveLength(0);
  });

  async function subscribe(client: TestClient, email: string, sendHour = 7) {
    const response = await client.put('/api/me/digest', { email, sendHour });
    expect(response.statusCode, response.body).toBe(200);
    const mail = await mailbox.next();
    expect(mail.to).toBe(email);
    return codeIn(mail.text);
  }

  it('refuses bad input with a message, and callers without a session', async () => {
    const pharmacist = await t.signIn('pharmacist');
    for (const body of [
      { email: 'nurse@', sendHour: 7 },
      { email: `${'a'.repeat(250)}@example.jp`, sendHour: 7 },
      { email: 'nurse@example.jp', sendHour: 24 },
      { email: 'nurse@example.jp', sendHour: '7' },
      { sendHour: 7 },
    ]) {
      const response = await pharmacist.put('/api/me/digest', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.message).toBeTruthy();
    }
    expect((await t.client().get('/api/me/digest')).statusCode).toBe(401);
    expect((await t.client().put('/api/me/digest', { email: 'x@example.jp', sendHour: 7 })).statusCode).toBe(
      401,
    );
    expect(mailbox.messages).toHaveLength(0);
  });

  it('starts only with the code mailed to the address; wrong codes lock it; an old code expires', async () => {
    const code = await subscribe(nurse, 'nurse@example.jp');
    let settings = (await nurse.get('/api/me/digest')).json();
    expect(settings).toMatchObject({
      available: true,
      subscription: { email: 'nurse@example.jp', confirmed: false },
    });
    // Someone else sees their own settings only.
    expect((await doctor.get('/api/me/digest')).json().subscription).toBeNull();
    expect((await doctor.post('/api/me/digest/confirm', { code })).json().error.code).toBe('digest_no_code');

    const wrong = code === '000000' ? '000001' : '000000';
    expect((await nurse.post('/api/me/digest/confirm', { code: 'abc' })).statusCode).toBe(400);
    for (let i = 0; i < 5; i++)
      expect((await nurse.post('/api/me/digest/confirm', { code: wrong })).json().error.code).toBe(
        'digest_code_wrong',
      );
    expect((await nurse.post('/api/me/digest/confirm', { code })).json().error.code).toBe(
      'digest_code_locked',
    );

    const second = await subscribe(nurse, 'nurse@example.jp');
    await t.database.db
      .update(digestSubscriptions)
      .set({ codeExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(digestSubscriptions.userId, await t.userId('nurse')));
    expect((await nurse.post('/api/me/digest/confirm', { code: second })).statusCode).toBe(410);

    const third = await subscribe(nurse, 'nurse@example.jp');
    settings = (await nurse.post('/api/me/digest/confirm', { code: third })).json();
    expect(settings.subscription).toMatchObject({ confirmed: true, sendHour: 7, codeExpiresAt: null });
    // The same confirmed address only moves the hour: no new code, still confirmed.
    settings = (await nurse.put('/api/me/digest', { email: 'nurse@example.jp', sendHour: 6 })).json();
    expect(settings.subscription).toMatchObject({ confirmed: true, sendHour: 6 });
    expect(mailbox.messages).toHaveLength(0);
  });

  it('mails counts once a day from the chosen hour, never a name, and not when nothing waits', async () => {
    const { teamId } = await setUpTeam(t, careManager, [
      { client: nurse, loginId: 'nurse', teamRole: 'visiting_nurse' },
    ]);
    const nurseId = await t.userId('nurse');
    await careManager.post(`/api/teams/${teamId}/posts`, { body: '発熱あり、至急確認を', urgent: true });
    await careManager.post(`/api/teams/${teamId}/posts`, { body: '訪問時に血圧を', mentions: [nurseId] });
    await careManager.post(`/api/teams/${teamId}/posts`, { body: '本日の様子' });
    await t.database.db
      .update(digestSubscriptions)
      .set({ sendHour: 7 })
      .where(eq(digestSubscriptions.userId, nurseId));
    // The doctor has nothing waiting: subscribed, but no mail.
    const doctorCode = await subscribe(doctor, 'doctor@example.jp', 7);
    await doctor.post('/api/me/digest/confirm', { code: doctorCode });

    expect(await sendDueDigests(t.app, new Date('2026-12-02T06:59:00+09:00'))).toBe(0);
    // Two processes looking at once send it once.
    const sent = await Promise.all([
      sendDueDigests(t.app, morning('2026-12-02')),
      sendDueDigests(t.app, morning('2026-12-02')),
    ]);
    expect(sent[0] + sent[1]).toBe(1);
    const mail = await mailbox.next();
    expect(mail.to).toBe('nurse@example.jp');
    expect(mail.text).toContain('至急の投稿（未確認）: 1件');
    expect(mail.text).toContain('あなたへのメンション（未読）: 1件');
    expect(mail.text).toContain('未読の投稿: 3件');
    expect(mail.text).toContain('https://tsunagu.example.jp/account');
    expect(mail.subject).toContain('至急の投稿 1件');
    for (const part of [mail.text, mail.subject]) {
      expect(part).not.toContain('秋山');
      expect(part).not.toContain('発熱');
    }
    expect(await sendDueDigests(t.app, morning('2026-12-02'))).toBe(0);

    const [record] = await queryRows<{ details: string }>(
      t.database.db,
      sql`SELECT details FROM audit_log WHERE action = 'digest.sent' AND target_id = ${nurseId}`,
    );
    expect(JSON.parse(record?.details ?? '{}')).toMatchObject({ urgent: 1, mentions: 1, unread: 3 });
  });

  it('tries again later when the mail server refuses, and stops when unsubscribed', async () => {
    mailbox.refuse(true);
    expect(await sendDueDigests(t.app, morning('2026-12-03'))).toBe(0);
    mailbox.refuse(false);
    expect(await sendDueDigests(t.app, morning('2026-12-03'))).toBe(1);
    expect((await mailbox.next()).to).toBe('nurse@example.jp');

    // A new address whose code cannot be mailed changes nothing.
    mailbox.refuse(true);
    const refused = await nurse.put('/api/me/digest', { email: 'new@example.jp', sendHour: 9 });
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.code).toBe('mail_failed');
    expect((await nurse.get('/api/me/digest')).json().subscription).toMatchObject({
      email: 'nurse@example.jp',
      confirmed: true,
      sendHour: 7,
    });
    mailbox.refuse(false);

    const stopped = (await nurse.delete('/api/me/digest')).json();
    expect(stopped.subscription).toBeNull();
    expect(await sendDueDigests(t.app, morning('2026-12-04'))).toBe(0);
    const actions = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT DISTINCT action FROM audit_log WHERE action LIKE 'account.digest%'`,
    );
    expect(actions.map((a) => a.action).sort()).toEqual([
      'account.digest_code_sent',
      'account.digest_code_wrong',
      'account.digest_confirmed',
      'account.digest_hour',
      'account.digest_stopped',
    ]);
  });
});

describe.each(engines())('daily digest without a mail server (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('is not offered', async () => {
    const nurse = await t.signIn('nurse');
    expect((await nurse.get('/api/me/digest')).json()).toEqual({ available: false, subscription: null });
    const response = await nurse.put('/api/me/digest', { email: 'nurse@example.jp', sendHour: 7 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('digest_unavailable');
  });
});
