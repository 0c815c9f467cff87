// Journey 8: a medical social worker adds a passkey on her account page (her password first, then the
// browser's own dialog), signs out, signs in with her password and the passkey instead of a code, and
// removes the passkey again. Chromium's virtual authenticator (DevTools protocol) stands in for the
// fingerprint reader. WebAuthn needs a secure context and a host name as the relying party ID, so this
// journey opens the app at http://localhost:<port> rather than 127.0.0.1.
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import {
  artifactsDir,
  checkA11y,
  horizontalOverflow,
  screenshot,
  signIn,
  TotpSequence,
  useJourney,
} from './harness';

const msw = { loginId: 'msw', name: '港 ゆかり' };
const passkeyName = '仕事用スマートフォン';

/** A platform authenticator with fingerprint check that always says yes, as on a phone. */
async function addVirtualAuthenticator(cdp: CDPSession): Promise<string> {
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

/**
 * The person closes the browser's passkey dialog: the next create() or get() fails as the browser then
 * fails it (NotAllowedError), once; the one after reaches the authenticator again.
 */
async function cancelNextCeremony(page: Page, which: 'create' | 'get'): Promise<void> {
  await page.evaluate((method) => {
    const credentials = navigator.credentials;
    const original = credentials[method].bind(credentials);
    credentials[method] = async () => {
      credentials[method] = original;
      throw new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
    };
  }, which);
}

describe('passkeys', () => {
  const journey = useJourney();

  it('adds a passkey, signs in with it instead of a code, and removes it', async () => {
    const totp = new TotpSequence(DEMO_TOTP_SECRET);
    await journey.run('passkey', async () => {
      const baseUrl = `http://localhost:${new URL(journey.baseUrl).port}`;
      const context = await journey.context(false, baseUrl);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const authenticatorId = await addVirtualAuthenticator(cdp);
      const storedCredentials = async () =>
        (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length;

      // 1. Signed in with password and code, she opens her account page: no passkeys yet.
      await signIn(page, msw.loginId, DEMO_PASSWORD, totp);
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: 'アカウント' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'アカウント' }).waitFor();
      const section = page.getByRole('region', { name: 'パスキー' });
      await section
        .getByText('スマートフォンの指紋・顔認証やセキュリティキーで、確認コードの代わりにログインできます。')
        .waitFor();
      await section.getByText('パスキーはまだ登録されていません。').waitFor();
      await checkA11y(page, '/account (no passkeys)');

      // 2. 追加: a name and her password. A wrong password is said beside the field.
      await section.getByRole('button', { name: 'パスキーを追加' }).click();
      const dialog = page.getByRole('dialog', { name: 'パスキーの追加' });
      await dialog.getByLabel('パスキーの名前').fill(passkeyName);
      await dialog.getByLabel('現在のパスワード', { exact: true }).fill('not-my-password-1');
      await dialog.getByRole('button', { name: '登録する' }).click();
      await dialog.getByText('パスワードが違います').waitFor();
      await checkA11y(page, '/account (add passkey, wrong password)');
      expect(await storedCredentials()).toBe(0);

      // She closes the browser's dialog the first time: a calm note, nothing registered.
      await dialog.getByLabel('現在のパスワード', { exact: true }).fill(DEMO_PASSWORD);
      await cancelNextCeremony(page, 'create');
      await dialog.getByRole('button', { name: '登録する' }).click();
      await dialog.getByText('パスキーの登録は完了しませんでした').waitFor();
      expect(await dialog.getByRole('alert').count()).toBe(0);
      await checkA11y(page, '/account (add passkey, cancelled)');
      await screenshot(page, 'passkey-add-cancelled');
      expect(await storedCredentials()).toBe(0);

      // The second time the authenticator makes the passkey.
      await dialog.getByRole('button', { name: '登録する' }).click();
      await dialog.waitFor({ state: 'detached' });
      await section.getByText(`パスキー「${passkeyName}」を登録しました。`).waitFor();
      const items = section.getByRole('list', { name: '登録済みのパスキーの一覧' }).getByRole('listitem');
      await expect.poll(() => items.count()).toBe(1);
      await items.first().getByText(passkeyName).waitFor();
      await items.first().getByText('まだ使われていません').waitFor();
      expect(await storedCredentials()).toBe(1);
      await checkA11y(page, '/account (passkey added)');
      await section.screenshot({ path: path.join(artifactsDir, 'passkey-account-section.png') });
      await screenshot(page, 'passkey-account');

      // This authenticator holds her passkey already: a second one is refused, plainly.
      await section.getByRole('button', { name: 'パスキーを追加' }).click();
      await dialog.getByLabel('パスキーの名前').fill('もう一つ');
      await dialog.getByLabel('現在のパスワード', { exact: true }).fill(DEMO_PASSWORD);
      await dialog.getByRole('button', { name: '登録する' }).click();
      await dialog.getByText('この端末のパスキーは、すでに登録されています。').waitFor();
      await checkA11y(page, '/account (add passkey, already registered)');
      await screenshot(page, 'passkey-add-exists');
      await dialog.getByRole('button', { name: 'キャンセル' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await storedCredentials()).toBe(1);

      // The same part on a phone: nothing cut off sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await checkA11y(page, '/account (passkey added, phone width)');
      await section.screenshot({ path: path.join(artifactsDir, 'passkey-account-section-phone.png') });
      await page.setViewportSize({ width: 1280, height: 900 });

      // 3. Signed out, she signs in with her password and then the passkey; no code typed.
      await page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL('**/login');
      await page.getByLabel('ログインID').fill(msw.loginId);
      await page.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ログインする' }).click();
      await page.waitForURL('**/login/totp?passkey=1');
      await page.getByRole('heading', { level: 1, name: 'パスキーまたは確認コード' }).waitFor();
      const passkeyButton = page.getByRole('button', { name: 'パスキーでログイン' });
      await passkeyButton.waitFor();
      // The code stays available beside it.
      await page.getByLabel('確認コード（6桁の数字）').waitFor();
      await checkA11y(page, '/login/totp (passkey offered)');
      await screenshot(page, 'passkey-totp-page');

      // The dialog closed by mistake: a calm note, and the button still there.
      await cancelNextCeremony(page, 'get');
      await passkeyButton.click();
      await page.getByText('パスキーでのログインは完了しませんでした').waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      await checkA11y(page, '/login/totp (passkey cancelled)');
      await screenshot(page, 'passkey-totp-cancelled');

      await passkeyButton.click();
      await page.waitForURL('**/home');
      await page.getByText(`${msw.name} さん、こんにちは。`).waitFor();
      await checkA11y(page, '/home (after passkey)');

      // 4. The account page says it was used; she removes it after a confirmation.
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: 'アカウント' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'アカウント' }).waitFor();
      await expect.poll(() => items.count()).toBe(1);
      expect(await items.first().getByText('まだ使われていません').count()).toBe(0);
      await section.getByRole('button', { name: `パスキー「${passkeyName}」を削除` }).click();
      const confirm = page.getByRole('dialog', { name: 'パスキーの削除' });
      await confirm.getByText(`パスキー「${passkeyName}」を削除します。`).waitFor();
      await checkA11y(page, '/account (remove passkey dialog)');
      await confirm.getByRole('button', { name: '削除する' }).click();
      await confirm.waitFor({ state: 'detached' });
      await section.getByText(`パスキー「${passkeyName}」を削除しました。`).waitFor();
      await section.getByText('パスキーはまだ登録されていません。').waitFor();
      await checkA11y(page, '/account (passkey removed)');

      // 5. Without a passkey the next sign-in asks for the code only.
      await page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL('**/login');
      await signIn(page, msw.loginId, DEMO_PASSWORD, totp);
      await page.getByText(`${msw.name} さん、こんにちは。`).waitFor();
    });
  });
});
