// Journey 9: a physician who already has an account is invited by a visiting-nurse station and joins
// it with the same account (no second login ID), then sees both organisations.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { apiClient, checkA11y, screenshot, signIn, TotpSequence, useJourney } from './harness';

/** The station admin ("nurse") makes an invite link through the API, as her page would. */
async function inviteFromStation(baseURL: string): Promise<string> {
  const api = await apiClient(baseURL, 'nurse');
  const me = (await (await api.get('/api/me')).json()) as { memberships: { organisationId: string }[] };
  const orgId = me.memberships[0]?.organisationId;
  const invite = await api.post(`/api/orgs/${orgId}/invites`, { data: { role: 'member' } });
  expect(invite.status()).toBe(200);
  const { url } = (await invite.json()) as { url: string };
  await api.dispose();
  return new URL(url).pathname;
}

describe('joining a second organisation', () => {
  const journey = useJourney();

  it('joins with the signed-in account and lists both organisations', async () => {
    await journey.run('join-organisation', async () => {
      const invitePath = await inviteFromStation(journey.baseUrl);
      const context = await journey.context();
      const page = await context.newPage();
      await signIn(page, 'doctor', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));

      await page.goto(invitePath);
      await page.getByRole('heading', { level: 1, name: '組織への参加' }).waitFor();
      await expect(
        page
          .getByText('桜井 健一 さん（ログインID: doctor）としてログインしています。', { exact: false })
          .count(),
      ).resolves.toBe(1);
      await checkA11y(page, '/invite/:token (signed in)');
      await screenshot(page, 'join-organisation');
      await page.getByRole('button', { name: 'このアカウントで参加する' }).click();
      await page.waitForURL('**/orgs/**');
      await page.getByRole('heading', { level: 1, name: 'つばさ訪問看護ステーション' }).waitFor();
      await checkA11y(page, '/orgs/:orgId');

      await page.goto('/home');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .getByRole('link', { name: /さくら在宅クリニック/ })
        .first()
        .waitFor();
      await page
        .getByRole('link', { name: /つばさ訪問看護ステーション/ })
        .first()
        .waitFor();

      // The link is used up: opening it again explains so.
      await page.goto(invitePath);
      await page.getByText('この招待リンクはすでに使われています。').waitFor();
      await checkA11y(page, '/invite/:token (used)');
    });
  });
});
