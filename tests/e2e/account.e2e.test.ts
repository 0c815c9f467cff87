// Journey 4: a care manager looks after her own account — name, password (which signs out her other
// browser), signed-in devices, a new authenticator and its recovery codes — and signs in with a
// recovery code. Journey 5: an organisation admin gives a member a password-reset link, which stops her
// old password at once; the member sets a new password and authenticator and reaches her home page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { checkA11y, horizontalOverflow, screenshot, signIn, TotpSequence, useJourney } from './harness';

const careManager = { loginId: 'caremanager', name: '青空 ひろし', newName: '青空 大志' };
const newPassword = 'aozora-care-plan-2026';

/** The authenticator step of first sign-in or re-enrolment: read the key, confirm, keep the codes. */
async function enrolAuthenticator(page: Page, what: string): Promise<{ secret: string; codes: string[] }> {
  const key = page.getByLabel('手入力用のキー');
  await key.waitFor();
  await page.getByRole('img', { name: '認証アプリに「つなぐ」を登録するためのQRコード' }).waitFor();
  await checkA11y(page, `${what} (authenticator)`);
  const secret = (await key.inputValue()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('確認コード（6桁の数字）').fill(new TotpSequence(secret).current());
  await page.getByRole('button', { name: '設定する' }).click();
  const list = page.getByRole('list', { name: 'リカバリーコードの一覧' });
  await list.getByRole('listitem').first().waitFor();
  const codes = await list.getByRole('listitem').allTextContents();
  expect(codes.length).toBeGreaterThanOrEqual(8);
  for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  await checkA11y(page, `${what} (recovery codes)`);
  return { secret, codes };
}

describe('own account', () => {
  const journey = useJourney();

  it('profile, password, sessions, a new authenticator, then a recovery-code sign-in', async () => {
    const totp = new TotpSequence(DEMO_TOTP_SECRET);
    await journey.run('account', async () => {
      // 1. Signed in at the office (desktop) and on her phone.
      const desk = await journey.context();
      const phone = await journey.context(true);
      const page = await desk.newPage();
      const mobile = await phone.newPage();
      await signIn(page, careManager.loginId, DEMO_PASSWORD, totp);
      await signIn(mobile, careManager.loginId, DEMO_PASSWORD, totp);

      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: 'アカウント' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'アカウント' }).waitFor();
      const sessions = page.getByRole('list', { name: 'ログイン中の端末の一覧' }).getByRole('listitem');
      await expect.poll(() => sessions.count()).toBe(2);
      await checkA11y(page, '/account');
      await screenshot(page, 'account');

      // The same page on the phone, at 8 p.m.: one column, nothing cut off sideways.
      await mobile.getByRole('button', { name: 'メニュー' }).click();
      await mobile
        .getByRole('dialog', { name: 'メニュー' })
        .getByRole('link', { name: 'アカウント' })
        .click();
      await mobile.getByRole('heading', { level: 1, name: 'アカウント' }).waitFor();
      await mobile.getByRole('list', { name: 'ログイン中の端末の一覧' }).waitFor();
      await mobile.getByRole('button', { name: /にログインした端末をログアウトさせる$/ }).waitFor();
      expect(await horizontalOverflow(mobile)).toBeLessThanOrEqual(0);
      await checkA11y(mobile, '/account (phone)');
      await screenshot(mobile, 'account-phone');

      // 2. A new name: the page and the header say it at once.
      const profile = page.getByRole('region', { name: 'プロフィール' });
      await profile.getByLabel('氏名').fill(careManager.newName);
      await profile.getByRole('button', { name: '保存する' }).click();
      await profile.getByText('プロフィールを保存しました。').waitFor();
      await page.getByRole('banner').getByText(`${careManager.newName} さん`).waitFor();
      await checkA11y(page, '/account (profile saved)');

      // 3. A new password: the phone is signed out, this browser is not.
      const password = page.getByRole('region', { name: 'パスワードの変更' });
      await password.getByLabel('現在のパスワード', { exact: true }).fill(DEMO_PASSWORD);
      await password.getByLabel('新しいパスワード', { exact: true }).fill(newPassword);
      await password.getByLabel('新しいパスワード（確認）', { exact: true }).fill(newPassword);
      await password.getByRole('button', { name: 'パスワードを変更する' }).click();
      await password.getByText('パスワードを変更しました。ほかの端末はログアウトしました。').waitFor();
      expect(await password.getByLabel('現在のパスワード', { exact: true }).inputValue()).toBe('');
      await checkA11y(page, '/account (password changed)');

      await mobile.reload();
      await mobile.waitForURL(/\/login\?next=%2Faccount$/);
      await mobile.getByText('この画面を見るにはログインが必要です。').waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'アカウント' }).waitFor();
      await expect.poll(() => sessions.count()).toBe(1);

      // 4. She signs in on the phone again, then ends that session from the desktop.
      await signIn(mobile, careManager.loginId, newPassword, totp);
      await page.reload();
      await expect.poll(() => sessions.count()).toBe(2);
      // This device first, and it has no button to sign itself out.
      await sessions.first().getByText('この端末').waitFor();
      expect(await sessions.first().getByRole('button').count()).toBe(0);
      const other = sessions.getByRole('button', { name: /にログインした端末をログアウトさせる$/ });
      expect(await other.count()).toBe(1);
      await other.click();
      await expect.poll(() => sessions.count()).toBe(1);
      await checkA11y(page, '/account (other session ended)');
      await mobile.reload();
      await mobile.waitForURL(/\/login\?next=%2Fhome$/);

      // 5. A new authenticator, behind her password; the recovery codes are shown once.
      const factor = page.getByRole('region', { name: '二要素認証' });
      await factor.getByRole('button', { name: '認証アプリを設定し直す' }).click();
      const prompt = page.getByRole('dialog', { name: '本人確認' });
      await prompt.getByLabel('現在のパスワード', { exact: true }).fill(DEMO_PASSWORD);
      await prompt.getByRole('button', { name: '次へ' }).click();
      await prompt.getByText('パスワードが違います').waitFor();
      await checkA11y(page, '/account (password prompt, wrong password)');
      await prompt.getByLabel('現在のパスワード', { exact: true }).fill(newPassword);
      await prompt.getByRole('button', { name: '次へ' }).click();
      await prompt.waitFor({ state: 'detached' });
      // She can still change her mind; the old authenticator stays.
      await factor.getByRole('heading', { name: '新しい認証アプリの設定' }).waitFor();
      await factor.getByRole('button', { name: 'キャンセル' }).click();
      await factor.getByRole('button', { name: '認証アプリを設定し直す' }).click();
      await prompt.getByLabel('現在のパスワード', { exact: true }).fill(newPassword);
      await prompt.getByRole('button', { name: '次へ' }).click();
      await prompt.waitFor({ state: 'detached' });
      await factor.getByLabel('手入力用のキー').waitFor();
      await screenshot(page, 'account-reenrol');
      const { codes } = await enrolAuthenticator(page, '/account (re-enrolment)');
      await screenshot(page, 'account-recovery-codes');
      await factor.getByRole('button', { name: '保存しました' }).click();
      await factor.getByText('二要素認証を設定し直しました。').waitFor();
      expect(await page.getByRole('list', { name: 'リカバリーコードの一覧' }).count()).toBe(0);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'アカウント' }).waitFor();
      expect(await page.getByText(codes[0] ?? '-').count()).toBe(0);

      // 6. Signed out, she signs in with a recovery code instead of her phone.
      await page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL('**/login');
      await page.getByText('ログアウトしました。').waitFor();
      await page.getByLabel('ログインID').fill(careManager.loginId);
      await page.getByLabel('パスワード', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: 'ログインする' }).click();
      await page.waitForURL('**/login/totp');
      await page
        .getByRole('button', { name: 'スマートフォンが使えないとき（リカバリーコードを使う）' })
        .click();
      await page.getByLabel('リカバリーコード').fill(codes[1] ?? '');
      await checkA11y(page, '/login/totp (recovery code)');
      await page.getByRole('button', { name: '確認する' }).click();
      await page.waitForURL('**/home');
      await page.getByText(`${careManager.newName} さん、こんにちは。`).waitFor();
      await checkA11y(page, '/home (after recovery code)');
    });
  });

  it('an organisation admin issues a reset link; the member sets a new password and authenticator', async () => {
    const adminContext = await journey.context();
    const memberContext = await journey.context(true);
    await journey.run('password-reset', async () => {
      // 1. The station admin opens her station and makes a reset link for 森 はるか.
      const admin = await adminContext.newPage();
      await signIn(admin, 'nurse', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      await admin.getByRole('link', { name: 'つばさ訪問看護ステーション' }).click();
      await admin.getByRole('heading', { level: 1, name: 'つばさ訪問看護ステーション' }).waitFor();
      await admin.getByRole('button', { name: '森 はるか さんのパスワード再設定' }).click();
      const confirm = admin.getByRole('dialog', { name: 'パスワードと二要素認証の再設定' });
      await confirm.getByText('森 はるか さんはすべての端末でログアウトします。').waitFor();
      await confirm.getByText('今のパスワード・認証アプリ・パスキーはすぐに使えなくなり').waitFor();
      await checkA11y(admin, '/orgs/:orgId (reset dialog)');
      await confirm.getByRole('button', { name: 'パスワード再設定' }).click();
      await admin.getByText('森 はるか さんの再設定用リンクを作成しました').waitFor();
      await admin
        .getByText('森 はるか さんの今のパスワード・認証アプリ・パスキーは、もう使えません。')
        .waitFor();
      const link = admin.getByLabel('再設定用リンク', { exact: true });
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/\/reset\/[\w-]{20,}$/);
      await checkA11y(admin, '/orgs/:orgId (reset link)');
      await screenshot(admin, 'password-reset-link');

      // 2. Her old password stops working at once: only the link lets her in again.
      const member = await memberContext.newPage();
      await member.goto('/login');
      await member.getByLabel('ログインID').fill('nurse2');
      await member.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
      await member.getByRole('button', { name: 'ログインする' }).click();
      await member.getByText('ログインIDまたはパスワードが違います。').waitFor();
      expect(member.url()).toMatch(/\/login$/);

      // 3. She opens the link on her phone, chooses a new password and sets up her authenticator.
      await member.goto(url);
      await member.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).waitFor();
      await member.getByText('森 はるか さん（ログインID: nurse2）').waitFor();
      await checkA11y(member, '/reset/:token');
      await member.getByLabel('新しいパスワード', { exact: true }).fill('mori-no-kaze-2026');
      await member.getByLabel('パスワード（確認）', { exact: true }).fill('mori-no-kaze-2026');
      await member.getByRole('button', { name: 'パスワードを設定する' }).click();
      await member.waitForURL('**/totp-setup');
      await enrolAuthenticator(member, '/totp-setup (after reset)');
      await member.getByRole('button', { name: '保存しました' }).click();
      await member.waitForURL('**/home');
      await member.getByText('森 はるか さん、こんにちは。').waitFor();
      expect(await horizontalOverflow(member)).toBeLessThanOrEqual(0);
      await checkA11y(member, '/home (after reset, phone)');
      await screenshot(member, 'password-reset-home');

      // 4. The link has done its work.
      await member.goto(url);
      await member.getByText('この再設定リンクはすでに使われています。').waitFor();
      await checkA11y(member, '/reset/:token (used)');
    });
  });
});
