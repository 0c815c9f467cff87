// Journey 2: a system admin registers a visiting nurse station and invites its first admin; she sets up
// her account and second factor and invites a nurse; the nurse does the same and signs in; the admin
// removes her again and her session ends at once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { checkA11y, totpCode, useJourney } from './harness';

const station = { name: 'さくら訪問看護ステーション', kana: 'サクラホウモンカンゴステーション' };
const stationAdmin = {
  loginId: 'sakura-admin',
  name: '佐倉 恵子',
  kana: 'サクラ ケイコ',
  password: 'sakura-station-2026',
};
const nurse = {
  loginId: 'sakura-nurse',
  name: '訪問 花子',
  kana: 'ホウモン ハナコ',
  password: 'hanako-visits-2026',
};

async function signIn(page: Page, loginId: string, password: string, secret: string, stepsAhead = 0) {
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
  await checkA11y(page, '/login');
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL('**/login/totp');
  await page.getByLabel('確認コード（6桁の数字）').waitFor();
  await checkA11y(page, '/login/totp');
  await page.getByLabel('確認コード（6桁の数字）').fill(totpCode(secret, stepsAhead));
  await page.getByRole('button', { name: '確認する' }).click();
  await page.waitForURL('**/home');
  await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
}

/** Invite page → account → second factor → recovery codes → home. Returns the TOTP secret. */
async function acceptInvite(
  page: Page,
  url: string,
  who: typeof nurse,
  organisation: string,
): Promise<string> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'アカウントの作成' }).waitFor();
  await page.getByText(`${organisation} から`).waitFor();
  await checkA11y(page, '/invite/:token');
  await page.getByLabel('氏名').fill(who.name);
  await page.getByLabel('フリガナ').fill(who.kana);
  await page.getByLabel('職種').selectOption({ label: '看護師' });
  await page.getByLabel('ログインID').fill(who.loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(who.password);
  await page.getByLabel('パスワード（確認）', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'アカウントを作成する' }).click();

  await page.waitForURL('**/totp-setup');
  const key = page.getByLabel('手入力用のキー');
  await key.waitFor();
  await page.getByRole('img', { name: '認証アプリに「つなぐ」を登録するためのQRコード' }).waitFor();
  await checkA11y(page, '/totp-setup');
  const secret = (await key.inputValue()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('確認コード（6桁の数字）').fill(totpCode(secret));
  await page.getByRole('button', { name: '設定する' }).click();

  const codes = page.getByRole('list', { name: 'リカバリーコードの一覧' }).getByRole('listitem');
  await codes.first().waitFor();
  expect(await codes.count()).toBeGreaterThanOrEqual(8);
  await checkA11y(page, '/totp-setup (recovery codes)');
  await page.getByRole('button', { name: '保存しました' }).click();
  await page.waitForURL('**/home');
  await page.getByRole('link', { name: organisation }).waitFor();
  await checkA11y(page, '/home');
  return secret;
}

async function createInvite(page: Page, role: 'admin' | 'member', note: string): Promise<string> {
  await page.getByLabel('役割', { exact: true }).selectOption(role);
  await page.getByLabel('メモ（任意）').fill(note);
  await page.getByRole('button', { name: '招待リンクを作成する' }).click();
  await page.getByText('このリンクは一度だけ表示されます').waitFor();
  const url = await page.getByLabel('招待リンク', { exact: true }).inputValue();
  expect(url).toMatch(/\/invite\/[\w-]{20,}$/);
  await checkA11y(page, '/orgs/:orgId (invite created)');
  return url;
}

describe('onboarding an organisation', () => {
  const journey = useJourney();

  it('system admin → station admin → nurse, then removal ends the nurse’s session', async () => {
    await journey.run('onboarding', async () => {
      // 1. The system admin signs in with password and TOTP.
      const adminContext = await journey.context();
      const admin = await adminContext.newPage();
      await signIn(admin, 'admin', DEMO_PASSWORD, DEMO_TOTP_SECRET);
      await checkA11y(admin, '/home (system admin)');

      // 2. … registers the visiting nurse station.
      await admin
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '組織管理' })
        .click();
      await admin.getByRole('heading', { level: 1, name: '組織管理' }).waitFor();
      await admin.getByRole('table').waitFor();
      await checkA11y(admin, '/admin/organisations');
      await admin.getByRole('button', { name: '組織を追加する' }).click();
      const dialog = admin.getByRole('dialog', { name: '組織の追加' });
      await dialog.getByLabel('名称', { exact: true }).fill(station.name);
      await dialog.getByLabel('フリガナ', { exact: true }).fill(station.kana);
      await dialog.getByLabel('種別').selectOption({ label: '訪問看護ステーション' });
      await checkA11y(admin, '/admin/organisations (new organisation dialog)');
      await dialog.getByRole('button', { name: '保存する' }).click();

      // 3. … and, on the station's page, makes the invite for its first admin.
      await admin.waitForURL(/\/orgs\/[0-9a-f-]{36}\?created=1$/);
      await admin.getByRole('heading', { level: 1, name: station.name }).waitFor();
      await admin.getByText('最初の「組織管理者」を招待してください').waitFor();
      expect(await admin.getByLabel('役割', { exact: true }).inputValue()).toBe('admin');
      await checkA11y(admin, '/orgs/:orgId (new organisation)');
      const adminInvite = await createInvite(admin, 'admin', '管理者 佐倉さん');

      // 4. The station admin opens the link in her own browser and sets up her account.
      const stationContext = await journey.context();
      const stationPage = await stationContext.newPage();
      await acceptInvite(stationPage, adminInvite, stationAdmin, station.name);

      // 5. She invites a nurse from her station's page.
      await stationPage.getByRole('link', { name: station.name }).click();
      await stationPage.getByRole('heading', { level: 1, name: station.name }).waitFor();
      await stationPage.getByRole('table', { name: 'メンバー' }).getByText(stationAdmin.name).waitFor();
      await checkA11y(stationPage, '/orgs/:orgId (station admin)');
      const nurseInvite = await createInvite(stationPage, 'member', '看護師 訪問さん');

      // 6. The nurse accepts on her phone, sets up TOTP, signs out and in again, and sees her station.
      const nurseContext = await journey.context(true);
      const nursePage = await nurseContext.newPage();
      const nurseSecret = await acceptInvite(nursePage, nurseInvite, nurse, station.name);
      await nursePage.getByRole('button', { name: 'メニュー' }).click();
      await nursePage
        .getByRole('dialog', { name: 'メニュー' })
        .getByRole('button', { name: 'ログアウト' })
        .click();
      await nursePage.waitForURL('**/login');
      await nursePage.getByText('ログアウトしました').waitFor();
      // Same 30-second window as the enrolment code: the next window's code (replay protection).
      await signIn(nursePage, nurse.loginId, nurse.password, nurseSecret, 1);
      await nursePage.getByRole('link', { name: station.name }).waitFor();
      await checkA11y(nursePage, '/home (nurse, phone)');

      // 7. The station admin removes the nurse.
      await stationPage.reload();
      await stationPage.getByRole('button', { name: `${nurse.name} さんを削除` }).click();
      const confirm = stationPage.getByRole('dialog', { name: 'メンバーの削除' });
      await confirm.getByText(`${nurse.name} さんを ${station.name} から削除します`).waitFor();
      await checkA11y(stationPage, '/orgs/:orgId (remove member dialog)');
      await confirm.getByRole('button', { name: '削除' }).click();
      await stationPage.getByText(`${nurse.name} さんを削除しました。`).waitFor();
      const members = stationPage.getByRole('table', { name: 'メンバー' });
      await expect.poll(() => members.getByText(nurse.name).count()).toBe(0);

      // 8. The nurse's next step in the app lands on the login page: her session is gone.
      await nursePage.getByRole('link', { name: station.name }).click();
      await nursePage.waitForURL(/\/login\?next=/);
      await nursePage.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
      await nursePage.goto('/home');
      await nursePage.waitForURL(/\/login\?next=%2Fhome$/);
      await checkA11y(nursePage, '/login (after removal)');
    });
  });
});
