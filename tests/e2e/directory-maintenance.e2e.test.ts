// Journey: the clinic keeps its directory entry current. さくら在宅クリニック's admin (doctor) adds a
// ケアマネタイム window, which the public search shows at once (and prints as a one-page A4 weekly
// table); he finds his published form out of date after the operator changed the vacancy and reloads;
// he asks to change the address, which waits; the center's staff (center) approve it from the queue;
// the new address is public and the clinic sees 「承認されました」.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
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

const clinic = 'さくら在宅クリニック';
const newAddress = 'さくら県みらい市ひがし町9丁目1番';

async function openEditPage(page: Page): Promise<string> {
  await page.getByRole('link', { name: clinic }).first().click();
  const entries = page.getByRole('region', { name: '資源マップの掲載情報' });
  await entries.getByRole('table', { name: '掲載している事業所・施設の一覧' }).waitFor();
  await checkA11y(page, '/orgs/:orgId (its directory entries)');
  await entries.getByRole('link', { name: `「${clinic}」の掲載情報を更新する` }).click();
  await page.getByRole('heading', { level: 1, name: `${clinic}の掲載情報` }).waitFor();
  return (
    page
      .url()
      .replace(/\/edit$/, '')
      .split('/')
      .pop() ?? ''
  );
}

describe('directory maintenance', () => {
  const journey = useJourney();
  // One sequence for the file: center signs in in both journeys, and a code is never accepted twice.
  const totp = new TotpSequence(DEMO_TOTP_SECRET);

  it('ケアマネタイム at once, an address change approved by the center, a version conflict', async () => {
    await journey.run('directory-maintenance', async () => {
      const clinicPage = await (await journey.context()).newPage();
      await signIn(clinicPage, 'doctor', DEMO_PASSWORD, totp);
      await clinicPage.getByRole('link', { name: 'ケアマネタイム' }).waitFor();
      await checkA11y(clinicPage, '/home (doctor)');
      const pointId = await openEditPage(clinicPage);
      await checkA11y(clinicPage, '/directory/points/:id/edit');
      await screenshot(clinicPage, 'directory-edit');

      // 1. A new ケアマネタイム window, saved with the others; the public search has it at once.
      const editor = clinicPage.getByRole('region', { name: 'ケアマネタイム' });
      await editor.getByRole('button', { name: '行を追加' }).click();
      const row = editor.getByRole('group', { name: '3件目' });
      await row.getByLabel('医師').fill('桜井 一郎');
      await row.getByLabel('曜日').selectOption({ label: '水' });
      await row.getByLabel('開始時刻').fill('13:30');
      await row.getByLabel('終了時刻').fill('14:30');
      await row.getByLabel('FAX').check();
      await row.getByLabel('備考').fill('往診の前後です');
      await editor.getByRole('button', { name: 'ケアマネタイムを保存' }).click();
      await editor.getByText('ケアマネタイムを保存しました。').waitFor();
      await checkA11y(clinicPage, '/directory/points/:id/edit (ケアマネタイム saved)');

      const publicPage = await (await journey.context()).newPage();
      await publicPage.goto('/directory/care-manager-time?weekday=wed&time=14:00');
      await publicPage.getByRole('heading', { level: 1, name: 'ケアマネタイム' }).waitFor();
      await publicPage.getByText('一般公開されているケアマネタイムだけを表示しています').waitFor();
      const week = publicPage.getByRole('table', { name: 'ケアマネタイム週間表' });
      await week.getByText('13:30〜14:30').waitFor();
      await week.getByText('往診の前後です').waitFor();
      await checkA11y(publicPage, '/directory/care-manager-time (public, weekly table)');
      await screenshot(publicPage, 'care-manager-time');
      await publicPage.getByRole('button', { name: '一覧' }).click();
      const list = publicPage.getByRole('table', { name: 'ケアマネタイムの一覧' });
      await list.getByRole('row').filter({ hasText: '桜井 一郎' }).getByText('電話・FAX').waitFor();
      await checkA11y(publicPage, '/directory/care-manager-time (public, list)');
      await publicPage.goto('/directory/care-manager-time');
      await publicPage.getByRole('table', { name: 'ケアマネタイム週間表' }).waitFor();
      await publicPage.emulateMedia({ media: 'print' });
      await screenshot(publicPage, 'care-manager-time-print');
      fs.mkdirSync(artifactsDir, { recursive: true });
      await publicPage.pdf({
        path: path.join(artifactsDir, 'care-manager-time.pdf'),
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
      });
      await publicPage.emulateMedia({ media: 'screen' });

      // 2. Someone else (the operator) changes the entry while his form is open: his save is
      // refused, he reloads.
      const operator = await journey.api('admin');
      const current = await (await operator.get(`/api/directory/points/${pointId}/maintenance`)).json();
      const byOperator = await operator.patch(`/api/directory/points/${pointId}`, {
        data: { version: current.point.version, vacancy: 2 },
      });
      expect(byOperator.status()).toBe(200);
      const published = clinicPage.getByRole('region', { name: 'すぐに公開する情報' });
      await published.getByLabel('空きの数（人分）').fill('1');
      await published.getByRole('button', { name: '保存してすぐに公開' }).click();
      await published.getByText('ほかの人が先にこの事業所・施設の情報を変更しました。').waitFor();
      await checkA11y(clinicPage, '/directory/points/:id/edit (version conflict)');
      await screenshot(clinicPage, 'directory-edit-conflict');
      await published.getByRole('button', { name: '再読み込みする' }).click();
      await expect.poll(() => published.getByLabel('空きの数（人分）').inputValue()).toBe('2');
      await published.getByLabel('空きの数（人分）').fill('1');
      await published.getByRole('button', { name: '保存してすぐに公開' }).click();
      await published.getByText('保存しました。資源マップに公開されています。').waitFor();

      // 3. The address waits for the center.
      const request = clinicPage.getByRole('region', { name: '変更を申請（名称・所在地・種別・番号）' });
      await request.getByLabel('所在地').fill(newAddress);
      await request.getByLabel('申請の理由（任意）').fill('2月に移転しました');
      await request.getByRole('button', { name: '変更を申請' }).click();
      await request.getByText('申請しました。センターが承認すると公開されます。').waitFor();
      const requests = clinicPage.getByRole('region', { name: '変更の申請' });
      await requests.getByText('承認待ち').waitFor();
      await checkA11y(clinicPage, '/directory/points/:id/edit (request sent)');
      const before = await (await (await journey.api()).get(`/api/directory/points/${pointId}`)).json();
      expect(before.address).not.toBe(newAddress);

      // 4. The center's queue: before → after; a return needs a reason; approve.
      const centerPage = await (await journey.context()).newPage();
      await signIn(centerPage, 'center', DEMO_PASSWORD, totp);
      await centerPage.getByRole('link', { name: '掲載情報の変更申請' }).click();
      await centerPage.getByRole('heading', { level: 1, name: '掲載情報の変更申請' }).waitFor();
      const queue = centerPage.getByRole('region', { name: '承認待ち（1件）' });
      await queue.getByRole('cell', { name: newAddress }).waitFor();
      await checkA11y(centerPage, '/directory/approvals');
      await screenshot(centerPage, 'directory-approvals');
      await queue.getByRole('button', { name: '差し戻す' }).click();
      const reject = centerPage.getByRole('dialog', { name: '申請の差し戻し' });
      await reject.getByRole('button', { name: '差し戻す' }).click();
      await reject.getByText('差し戻すときは、理由をコメントに書いてください').waitFor();
      await checkA11y(centerPage, '/directory/approvals (return without a comment)');
      await reject.getByRole('button', { name: 'キャンセル' }).click();
      await queue.getByRole('button', { name: '承認する' }).click();
      const approve = centerPage.getByRole('dialog', { name: '申請の承認' });
      await approve.getByRole('button', { name: '承認する' }).click();
      await centerPage.getByText(`「${clinic}」の変更を承認し、公開しました。`).waitFor();
      await centerPage
        .getByRole('region', { name: '承認待ち（0件）' })
        .getByText('申請はありません。')
        .waitFor();
      await checkA11y(centerPage, '/directory/approvals (approved)');

      // 5. Public at once; the clinic sees the result.
      const after = await (await (await journey.api()).get(`/api/directory/points/${pointId}`)).json();
      expect(after.address).toBe(newAddress);
      await clinicPage.goto(`/orgs/${after.organisationId}/directory`);
      const results = clinicPage.getByRole('region', { name: '変更の申請' });
      await results.getByText('承認されました').first().waitFor();
      await results.getByRole('cell', { name: newAddress }).waitFor();
      await checkA11y(clinicPage, '/orgs/:orgId/directory (approved)');
      await screenshot(clinicPage, 'directory-org-approved');

      // 6. The history on the edit page: who changed what, when, before → after.
      await clinicPage.getByRole('link', { name: `「${clinic}」の掲載情報を更新する` }).click();
      const history = clinicPage.getByRole('region', { name: '変更の履歴' });
      await history.getByRole('heading', { name: /申請の承認/ }).waitFor();
      await history.getByText('連携 さやか（第', { exact: false }).first().waitFor();
      await history
        .getByRole('heading', { name: /変更（すぐに公開）/ })
        .first()
        .waitFor();
      await checkA11y(clinicPage, '/directory/points/:id/edit (history)');
      await history.scrollIntoViewIfNeeded();
      await clinicPage.screenshot({ path: path.join(artifactsDir, 'directory-edit-history.png') });
    });
  });

  it('fits a phone: the edit page, the queue and ケアマネタイム', async () => {
    await journey.run('directory-maintenance-phone', async () => {
      const phone = await (await journey.context(true)).newPage();
      await signIn(phone, 'center', DEMO_PASSWORD, totp);
      // A phone opens on the list (as cards); the weekly table scrolls sideways inside its own region.
      await phone.goto('/directory/care-manager-time');
      await phone
        .getByRole('list', { name: 'ケアマネタイムの一覧' })
        .getByText('桜井 一郎')
        .first()
        .waitFor();
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/directory/care-manager-time (phone, professional, list)');
      await screenshot(phone, 'care-manager-time-phone');
      await phone.getByRole('button', { name: '週間表' }).click();
      await phone.getByRole('table', { name: 'ケアマネタイム週間表' }).waitFor();
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/directory/care-manager-time (phone, weekly table)');
      await phone.goto('/directory/approvals');
      await phone.getByRole('heading', { level: 1, name: '掲載情報の変更申請' }).waitFor();
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      const pointId = await (await journey.api()).get('/api/directory/care-manager-times').then(async (r) => {
        const body = await r.json();
        return body.items[0].pointId as string;
      });
      await phone.goto(`/directory/points/${pointId}/edit`);
      await phone.getByRole('heading', { level: 1, name: `${clinic}の掲載情報` }).waitFor();
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/directory/points/:id/edit (phone)');
      await screenshot(phone, 'directory-edit-phone');
    });
  });
});
