// Journey 3: things going wrong, said plainly. A wrong password again and again locks the account (and
// says until when); invite links that were used or revoked explain what to do; a form with mistakes
// shows each one beside its field.
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts';
import { checkA11y, useJourney } from './harness';

/** The organisation the demo visiting-nurse station admin ("nurse") administers. */
async function administeredOrg(api: APIRequestContext): Promise<string> {
  const me = (await (await api.get('/api/me')).json()) as {
    memberships: { organisationId: string; role: string }[];
  };
  const membership = me.memberships.find((m) => m.role === 'admin');
  if (!membership) throw new Error('the demo account "nurse" should administer an organisation');
  return membership.organisationId;
}

async function createInvite(
  api: APIRequestContext,
  orgId: string,
): Promise<{ id: string; url: string; token: string }> {
  const response = await api.post(`/api/orgs/${orgId}/invites`, {
    data: { role: 'member', expiresInHours: 24 },
  });
  expect(response.status()).toBeLessThan(300);
  const body = (await response.json()) as { invite: { id: string }; url: string; token: string };
  return { id: body.invite.id, url: body.url, token: body.token };
}

describe('bad input', () => {
  const journey = useJourney();

  it('locks the account after repeated wrong passwords and says until when', async () => {
    const context = await journey.context();
    await journey.run('bad-input-lockout', async () => {
      const page = await context.newPage();
      await page.goto('/login');
      const alert = page.getByRole('alert');
      let locked = false;
      for (let attempt = 1; attempt <= 8 && !locked; attempt++) {
        await page.getByLabel('ログインID').fill('nurse2');
        await page.getByLabel('パスワード', { exact: true }).fill(`wrong-password-${attempt}`);
        await page.getByRole('button', { name: 'ログインする' }).click();
        await page
          .getByRole('button', { name: 'ログインする' })
          .and(page.locator(':not([data-loading])'))
          .waitFor();
        const text = (await alert.textContent()) ?? '';
        if (/ロックされています/.test(text)) locked = true;
        else expect(text).toContain('ログインIDまたはパスワードが違います');
        if (attempt === 1) await checkA11y(page, '/login (wrong password)');
      }
      expect(locked).toBe(true);
      const message = (await alert.textContent()) ?? '';
      expect(message).toMatch(/令和\d+年\d+月\d+日 \d{2}:\d{2} まで一時的にロックされています/);
      expect(message).toContain('組織の管理者にロック解除を依頼してください');
      await checkA11y(page, '/login (locked)');

      // Even the right password is refused while the lock lasts.
      await page.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ログインする' }).click();
      await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(/ロックされています/);
      expect(page.url()).toMatch(/\/login$/);
    });
  });

  it('explains used, revoked and unknown invite links, and points out mistakes in the form', async () => {
    const api = await journey.api('nurse');
    const orgId = await administeredOrg(api);
    const used = await createInvite(api, orgId);
    const revoked = await createInvite(api, orgId);
    const valid = await createInvite(api, orgId);
    expect((await api.delete(`/api/orgs/${orgId}/invites/${revoked.id}`)).status()).toBeLessThan(300);
    const stranger = await journey.api();
    const accepted = await stranger.post(`/api/invites/${used.token}/accept`, {
      data: {
        loginId: 'already-used',
        displayName: '既存 一郎',
        kana: 'キソン イチロウ',
        profession: 'nurse',
        password: 'quiet-harbour-7316',
      },
    });
    expect(accepted.status(), await accepted.text()).toBe(200);

    const context = await journey.context(true);
    await journey.run('bad-input-invites', async () => {
      const page = await context.newPage();
      const whatToDo = '所属する組織の管理者に、新しい招待リンクを発行してもらってください。';

      await page.goto(used.url);
      await page.getByRole('heading', { level: 1, name: 'この招待リンクは使えません' }).waitFor();
      await page.getByText('この招待リンクはすでに使われています。').waitFor();
      await page.getByText(whatToDo).waitFor();
      await checkA11y(page, '/invite/:token (used)');

      await page.goto(revoked.url);
      await page.getByText('この招待リンクは取り消されています。').waitFor();
      await page.getByText(whatToDo).waitFor();
      await checkA11y(page, '/invite/:token (revoked)');

      await page.goto('/invite/this-link-does-not-exist-0123456789');
      await page.getByText('招待リンクが見つかりません').waitFor();
      await checkA11y(page, '/invite/:token (unknown)');

      // A valid link, filled in with mistakes: each one is said beside its field.
      await page.goto(valid.url);
      await page.getByRole('heading', { level: 1, name: 'アカウントの作成' }).waitFor();
      await page.getByLabel('氏名').fill('間違 太郎');
      await page.getByLabel('フリガナ').fill('まちがい たろう');
      await page.getByLabel('ログインID').fill('ま');
      await page.getByLabel('パスワード', { exact: true }).fill('short');
      await page.getByLabel('パスワード（確認）', { exact: true }).fill('different');
      await page.getByRole('button', { name: 'アカウントを作成する' }).click();
      await page.getByText('カタカナで入力してください', { exact: true }).waitFor();
      await page.getByText('パスワードは10文字以上にしてください').waitFor();
      await page.getByText('パスワードが一致しません').waitFor();
      await page.getByText('ログインIDは3文字以上で入力してください').waitFor();
      expect(await page.getByLabel('フリガナ').getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toBe(valid.url);
      await checkA11y(page, '/invite/:token (form errors)');
    });
  });
});
