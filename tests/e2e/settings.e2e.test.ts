// Journey 7: a city officer renames the city (a wrong 全国地方公共団体コード is pointed out beside its
// field) and the public top page says the new name; she adds an area with its 地域包括支援センター and
// edits it; a colleague saving a stale copy is told someone else was first; an area in use cannot be
// deleted, and the page says why.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { checkA11y, screenshot, signIn, TotpSequence, useJourney } from './harness';

const area = { name: '中部圏域', kana: 'チュウブケンイキ' };
const north = 'みらい北部地域包括支援センター';
const south = 'みらい南部地域包括支援センター';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '設定' }).click();
  await page.getByRole('heading', { level: 1, name: '市の設定' }).waitFor();
  await page.getByRole('table', { name: '地域（日常生活圏域・校区）' }).waitFor();
}

describe('city settings', () => {
  const journey = useJourney();

  it('city name and code, areas, a version conflict and an area in use', async () => {
    const totp = new TotpSequence(DEMO_TOTP_SECRET);
    await journey.run('settings', async () => {
      const officeContext = await journey.context();
      const colleagueContext = await journey.context();
      const page = await officeContext.newPage();
      await signIn(page, 'city', DEMO_PASSWORD, totp);
      await openSettings(page);
      await checkA11y(page, '/settings');

      // 1. The city's name and code: the check digit of 462011 is wrong, 462012 is right.
      const city = page.getByRole('region', { name: '市の基本情報' });
      const code = city.getByLabel('全国地方公共団体コード');
      await city.getByLabel('市区町村名').fill('あおば市');
      await code.fill('46201');
      await city.getByRole('button', { name: '保存する' }).click();
      await city.getByText('6桁の半角数字で入力してください').waitFor();
      await code.fill('462011');
      await city.getByText('最後の1桁（検査数字）が合いません。').waitFor();
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await checkA11y(page, '/settings (wrong municipality code)');
      await screenshot(page, 'settings-code-error');
      await code.fill('４６２０１２'); // typed in full width: still the right code
      await city.getByRole('button', { name: '保存する' }).click();
      await city.getByText('市の基本情報を保存しました。').waitFor();
      await page.getByRole('banner').getByText('あおば市 在宅医療・介護連携').waitFor();

      // A colleague who is not signed in yet sees the new name on the public top page.
      const colleague = await colleagueContext.newPage();
      await colleague.goto('/');
      await colleague.getByRole('heading', { level: 1, name: 'あおば市の在宅医療・介護連携' }).waitFor();
      await checkA11y(colleague, '/ (renamed city)');

      // 2. A new area with the 地域包括支援センター responsible for it.
      const areas = page.getByRole('region', { name: '地域（日常生活圏域・校区）' }).first();
      await areas.getByRole('button', { name: '地域を追加する' }).click();
      const add = page.getByRole('dialog', { name: '地域の追加' });
      await add.getByLabel('名称').fill(area.name);
      await add.getByLabel('フリガナ').fill(area.kana);
      await add.getByLabel('区分').selectOption({ label: '日常生活圏域' });
      await add.getByLabel('担当の地域包括支援センター').selectOption({ label: north });
      await add.getByLabel('表示順').fill('3');
      await checkA11y(page, '/settings (add area dialog)');
      await add.getByRole('button', { name: '保存する' }).click();
      await page.getByText('地域を保存しました。').waitFor();
      const table = page.getByRole('table', { name: '地域（日常生活圏域・校区）' });
      const row = table.getByRole('row').filter({ hasText: area.name });
      await row.getByText(north).waitFor();

      // 3. The colleague opens the same area to edit it …
      await signIn(colleague, 'city', DEMO_PASSWORD, totp);
      await openSettings(colleague);
      await colleague.getByRole('button', { name: `「${area.name}」を編集` }).click();
      const stale = colleague.getByRole('dialog', { name: `「${area.name}」の編集` });
      await stale.getByLabel('名称').waitFor();

      // … while the officer gives it to the southern center.
      await page.getByRole('button', { name: `「${area.name}」を編集` }).click();
      const edit = page.getByRole('dialog', { name: `「${area.name}」の編集` });
      await edit.getByLabel('担当の地域包括支援センター').selectOption({ label: south });
      await edit.getByRole('button', { name: '保存する' }).click();
      await page.getByText('地域を保存しました。').waitFor();
      await row.getByText(south).waitFor();

      // The colleague's stale copy is refused, with the way out.
      await stale.getByLabel('表示順').fill('4');
      await stale.getByRole('button', { name: '保存する' }).click();
      await stale.getByText('ほかの人が先にこの地域を変更しました。').waitFor();
      await checkA11y(colleague, '/settings (version conflict)');
      await screenshot(colleague, 'settings-conflict');
      await stale.getByRole('button', { name: '再読み込みする' }).click();
      const center = stale.getByLabel('担当の地域包括支援センター');
      await expect.poll(async () => center.locator('option:checked').textContent()).toBe(south);
      await stale.getByLabel('表示順').fill('4');
      await stale.getByRole('button', { name: '保存する' }).click();
      await colleague.getByText('地域を保存しました。').waitFor();

      // 4. An area organisations belong to cannot be deleted; an unused one can.
      await page.getByRole('button', { name: '「北部圏域」を削除' }).click();
      const refuse = page.getByRole('dialog', { name: '地域の削除' });
      await refuse.getByText('「北部圏域」を削除します。').waitFor();
      await refuse.getByRole('button', { name: '削除' }).click();
      const refusal = refuse.getByRole('alert');
      await refusal.getByText('削除できませんでした').waitFor();
      await refusal.getByText('組織に設定されているため削除できません').waitFor();
      await checkA11y(page, '/settings (area in use)');
      await screenshot(page, 'settings-area-in-use');
      await refuse.getByRole('button', { name: 'キャンセル' }).click();
      await table.getByText('北部圏域').waitFor();

      await page.getByRole('button', { name: `「${area.name}」を削除` }).click();
      await page.getByRole('dialog', { name: '地域の削除' }).getByRole('button', { name: '削除' }).click();
      await page.getByText('地域を削除しました。').waitFor();
      await expect.poll(() => row.count()).toBe(0);
      await checkA11y(page, '/settings (area deleted)');
    });
  });
});
