// Journey: the admission and discharge support rule as data. A care manager on her phone reads the
// rule in force (the demo's example, labelled so) with its deadlines in plain words; a city officer
// writes a new version with a shorter deadline — a negative number is refused with a message — and
// it waits for its date while the current version stays in force.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { todayInJapan } from '../../src/shared/dates';
import { checkA11y, horizontalOverflow, screenshot, signIn, TotpSequence, useJourney } from './harness';

describe('admission and discharge support rule', () => {
  const journey = useJourney();

  it('is read on a phone and revised by the city in a new version', async () => {
    await journey.run('admission-rule', async () => {
      const totp = new TotpSequence(DEMO_TOTP_SECRET);
      const phone = await (await journey.context(true)).newPage();
      await signIn(phone, 'caremanager', DEMO_PASSWORD, totp);
      await phone.goto('/admission/rule');
      await phone.getByRole('heading', { level: 1, name: '入退院支援ルール' }).waitFor();
      await phone.getByText('これはデモ用の例です。実際の市のルールではありません。').waitFor();
      await phone.getByText('入院日から3営業日以内', { exact: true }).waitFor();
      await phone.getByText('営業日（土日・祝日と年末年始 12月29日〜1月3日 を除く）').waitFor();
      expect(await phone.getByRole('heading', { name: '新しい版を作る' }).count()).toBe(0);
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/admission/rule (phone)');
      await screenshot(phone, 'admission-rule-phone');

      const page = await (await journey.context()).newPage();
      await signIn(page, 'city', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '入退院支援ルール' })
        .click();
      const form = page.getByRole('region', { name: '新しい版を作る' });
      await form.waitFor();
      const tomorrow = new Date(Date.parse(`${todayInJapan()}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      await form.getByLabel('ルールの名前').fill('入退院支援ルール（改定案）');
      await form.getByLabel('適用開始日').fill(tomorrow);
      await form.getByLabel('入院時情報提供（入院日から何日以内）').fill('-1');
      await form.getByRole('button', { name: 'この内容で新しい版を作る' }).click();
      await form.getByText('入院時情報提供の期限は0日以上で入力してください。').waitFor();
      await checkA11y(page, '/admission/rule (a negative deadline)');

      await form.getByLabel('入院時情報提供（入院日から何日以内）').fill('2');
      await form.getByRole('button', { name: 'この内容で新しい版を作る' }).click();
      await form.getByText('第2版を作りました。').waitFor();
      await page.getByText('次の版が予定されています: 第2版の適用開始日').waitFor();
      // Until its date the example (version 1) stays in force.
      await page.getByText('入院日から3営業日以内', { exact: true }).waitFor();
      const versions = page.getByRole('region', { name: 'これまでの版' });
      await versions.getByText('入退院支援ルール（改定案）').waitFor();
      await checkA11y(page, '/admission/rule (a new version waiting)');
      await screenshot(page, 'admission-rule-new-version');
    });
  });
});
