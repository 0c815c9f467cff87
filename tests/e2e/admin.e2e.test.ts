// Journey 6: the system admin finds an account by its kana, grants it a system role, disables it (which
// signs its owner out at once) and enables it again; searches the audit log by action and date, pages
// through it and checks its hash chain. A physician who types the admin address is refused plainly.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { checkA11y, screenshot, signIn, TotpSequence, useJourney } from './harness';

const member = { loginId: 'houkatsu', name: '北村 こずえ', kana: 'キタムラ' };
/** Today in Japan, as a date input holds it (YYYY-MM-DD). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

describe('system administration', () => {
  const journey = useJourney();

  it('users, system roles, disabling, the audit log; a non-admin is refused', async () => {
    await journey.run('admin', async () => {
      const adminContext = await journey.context();
      const memberContext = await journey.context(true);
      const page = await adminContext.newPage();
      const memberPage = await memberContext.newPage();
      const memberTotp = new TotpSequence(DEMO_TOTP_SECRET);
      await signIn(page, 'admin', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      await signIn(memberPage, member.loginId, DEMO_PASSWORD, memberTotp);

      // 1. ユーザー管理: everyone, then one person found by the kana of her name.
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: 'ユーザー管理' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'ユーザー管理' }).waitFor();
      const table = page.getByRole('table', { name: 'ユーザー管理' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
      await checkA11y(page, '/admin/users');
      await page.getByLabel('氏名・フリガナ・ログインIDで検索').fill(member.kana);
      await page.getByRole('button', { name: '検索する' }).click();
      await page.waitForURL(/\/admin\/users\?q=/);
      await page.getByText('1人', { exact: true }).waitFor();
      const row = table.locator('tbody tr');
      await expect.poll(() => row.count()).toBe(1);
      await row.getByText(member.name).waitFor();
      await row.getByText('みらい北部地域包括支援センター（組織管理者）').waitFor();

      // 2. A system role.
      await page.getByRole('button', { name: `${member.name} さんのシステム権限を変更` }).click();
      const roles = page.getByRole('dialog', { name: `${member.name} さんのシステム権限` });
      await roles.getByRole('checkbox', { name: '連携支援センター職員' }).check();
      await checkA11y(page, '/admin/users (system roles dialog)');
      await roles.getByRole('button', { name: '保存する' }).click();
      await page.getByText('システム権限を変更しました。').waitFor();
      await row.getByText('連携支援センター職員').waitFor();
      await screenshot(page, 'admin-users');

      // 3. Disabled: her phone is signed out and she cannot sign in; enabled again, she can.
      await page.getByRole('button', { name: `${member.name} さんを利用停止にする` }).click();
      const disable = page.getByRole('dialog', { name: '利用停止' });
      await disable.getByText('すべての端末でログアウトし、ログインできなくなります').waitFor();
      await checkA11y(page, '/admin/users (disable dialog)');
      await disable.getByRole('button', { name: '利用停止にする' }).click();
      await page.getByText(`${member.name} さんを利用停止にしました。`).waitFor();
      await row.getByText('利用停止', { exact: true }).waitFor();
      await checkA11y(page, '/admin/users (disabled)');

      await memberPage.reload();
      await memberPage.waitForURL(/\/login\?next=/);
      await memberPage.getByLabel('ログインID').fill(member.loginId);
      await memberPage.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
      await memberPage.getByRole('button', { name: 'ログインする' }).click();
      await memberPage.getByRole('alert').getByText('このアカウントは').waitFor();
      await checkA11y(memberPage, '/login (disabled account)');

      await page.getByRole('button', { name: `${member.name} さんの利用再開` }).click();
      const enable = page.getByRole('dialog', { name: '利用再開' });
      await enable.getByRole('button', { name: '利用を再開する' }).click();
      await page.getByText(`${member.name} さんの利用を再開しました。`).waitFor();
      await row.getByText('利用中', { exact: true }).waitFor();
      await signIn(memberPage, member.loginId, DEMO_PASSWORD, memberTotp);

      // 4. 監査ログ. Every search of the log is itself recorded: a hundred quick ones give enough
      // records to page through.
      await page.evaluate(async () => {
        for (let i = 0; i < 105; i++) {
          const response = await fetch('/api/admin/audit?limit=1', { credentials: 'same-origin' });
          if (!response.ok) throw new Error(`audit search ${response.status}`);
        }
      });
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '監査ログ' })
        .click();
      await page.getByRole('heading', { level: 1, name: '監査ログ' }).waitFor();
      const records = page.getByRole('table', { name: '記録' });
      await records.waitFor();
      await checkA11y(page, '/admin/audit');

      // By action and date: only sign-ins of today (the admin's and hers, twice).
      await page.getByLabel('操作の種類').fill('auth.login');
      await page.getByLabel('期間（開始日）').fill(today());
      await page.getByLabel('期間（終了日）').fill(today());
      await page.getByRole('button', { name: '検索する' }).click();
      await page.waitForURL(/action=auth\.login/);
      expect(page.url()).toContain(`from=${today()}`);
      const actions = records.locator('tbody tr td:nth-child(3)');
      await expect.poll(() => actions.count()).toBe(3);
      // Named in Japanese, with the code to filter by underneath.
      for (const text of await actions.allInnerTexts())
        expect(text.split(/\s+/)).toEqual(['ログイン', 'auth.login']);
      await checkA11y(page, '/admin/audit (filtered)');
      await screenshot(page, 'admin-audit');

      // Paging: もっと見る appends the next hundred.
      await page.getByLabel('操作の種類').fill('admin.audit_searched');
      await page.getByRole('button', { name: '検索する' }).click();
      await expect.poll(() => actions.count()).toBe(100);
      await page.getByRole('button', { name: 'もっと見る' }).click();
      await expect.poll(() => actions.count()).toBeGreaterThan(105);
      expect(await page.getByRole('button', { name: 'もっと見る' }).count()).toBe(0);

      // The hash chain is intact.
      await page.getByRole('button', { name: '改ざんチェックを実行' }).click();
      const verdict = page.getByRole('status').filter({ hasText: '記録は改ざんされていません' });
      await verdict.waitFor();
      expect(await verdict.textContent()).toMatch(/（\d+件を確認しました）/);
      await checkA11y(page, '/admin/audit (chain verified)');

      // 5. A physician types the admin address: refused, no data, a way back.
      const doctorContext = await journey.context();
      const doctor = await doctorContext.newPage();
      await signIn(doctor, 'doctor', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      const nav = doctor.getByRole('navigation', { name: 'メインメニュー' });
      expect(await nav.getByRole('link', { name: 'ユーザー管理' }).count()).toBe(0);
      const adminCalls: string[] = [];
      doctor.on('request', (request) => {
        if (request.url().includes('/api/admin/')) adminCalls.push(request.url());
      });
      await doctor.goto('/admin/users');
      await doctor.getByRole('heading', { level: 1, name: 'この画面を表示する権限がありません' }).waitFor();
      await doctor.getByText('「システム管理者」の方だけが使えます').waitFor();
      expect(await doctor.getByRole('table').count()).toBe(0);
      expect(await doctor.getByText(member.name).count()).toBe(0);
      expect(adminCalls).toEqual([]);
      await checkA11y(doctor, '/admin/users (physician)');
      await screenshot(doctor, 'admin-forbidden');
      await doctor.getByRole('link', { name: 'ホームへ戻る' }).click();
      await doctor.waitForURL('**/home');
    });
  });
});
