// Journey: a visiting nurse asks for the daily digest by e-mail on her account page — a mistyped
// address and a wrong code are refused with words she can act on, the code mailed to her starts it —
// and the server's own schedule then mails her what waits (an invitation), in counts, with no name
// of the patient or the team.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { type Mailbox, openMailbox } from '../support/mailbox';
import { teamWithInvitee } from './care-team';
import { checkA11y, horizontalOverflow, screenshot, signIn, TotpSequence, useJourney } from './harness';

describe('daily digest by e-mail', () => {
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await openMailbox();
  });
  afterAll(() => mailbox.close());
  // The schedule looks every second, so the digest follows the confirmation within the test.
  const journey = useJourney({ env: () => ({ SMTP_URL: mailbox.url, DIGEST_CHECK_SECONDS: '1' }) });

  it('subscribes with a mailed code and receives counts only', async () => {
    await journey.run('digest', async () => {
      const cm = await journey.api('caremanager');
      const team = await teamWithInvitee(cm, '六車 しず', 'ムグルマ シズ', '翼 まどか');

      const page = await (await journey.context(true)).newPage();
      await signIn(page, 'nurse', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      await page.goto('/account');
      const digest = page.getByRole('region', { name: '毎日のお知らせメール' });
      await digest.getByText('メールには件数だけが書かれ', { exact: false }).waitFor();

      await digest.getByLabel('メールアドレス').fill('tsubasa@');
      await digest.getByLabel('配信の時刻').selectOption({ label: '0時' });
      await digest.getByRole('button', { name: '確認コードを送る' }).click();
      await digest.getByText('メールアドレスの形式が正しくありません').waitFor();
      await checkA11y(page, '/account (digest: a mistyped address)');

      await digest.getByLabel('メールアドレス').fill('tsubasa@example.jp');
      await digest.getByRole('button', { name: '確認コードを送る' }).click();
      await digest.getByText('tsubasa@example.jp に確認コードを送りました。', { exact: false }).waitFor();
      const confirmation = await mailbox.next();
      expect(confirmation.to).toBe('tsubasa@example.jp');
      const code = /確認コード: (\d{6})/.exec(confirmation.text)?.[1] as string;

      await digest.getByLabel('確認コード（6桁）').fill(code === '123456' ? '654321' : '123456');
      await digest.getByRole('button', { name: '確認して配信を始める' }).click();
      await digest.getByText('確認コードが違います').waitFor();
      await checkA11y(page, '/account (digest: a wrong code)');
      await screenshot(page, 'account-digest-code');

      await digest.getByLabel('確認コード（6桁）').fill(code);
      await digest.getByRole('button', { name: '確認して配信を始める' }).click();
      await digest.getByText('毎日 0時ごろ、tsubasa@example.jp に送ります。').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await checkA11y(page, '/account (digest active)');
      await screenshot(page, 'account-digest-active');

      // The server's schedule sends the day's digest: the invitation, counted, nothing named.
      const sent = await mailbox.next(10_000);
      expect(sent.to).toBe('tsubasa@example.jp');
      expect(sent.text).toContain('チームへの招待: 1件');
      for (const words of [sent.subject, sent.text]) {
        expect(words).not.toContain('六車');
        expect(words).not.toContain(team.name);
      }
      await page.reload();
      await digest.getByText('最後に確認した日').waitFor();

      await digest.getByRole('button', { name: '配信を止める' }).click();
      await digest.getByText('メールでのお知らせを止めました。').waitFor();
      await digest.getByRole('button', { name: '確認コードを送る' }).waitFor();
    });
  });
});
