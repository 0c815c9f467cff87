// Journey: the support center's staff member renews the resource list from a city's 医療機関一覧 in
// Shift_JIS. She finds the import from her home page, reads what the two modes mean, imports the valid
// rows, follows the run to its end, and reads which rows were not imported and why (with their lines).
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { fixturePath } from '../support/import-files';
import { checkA11y, horizontalOverflow, screenshot, signIn, TotpSequence, useJourney } from './harness';

describe('open-data import', () => {
  const journey = useJourney();

  it('center staff imports a Shift_JIS file and reads the rejected-rows report', async () => {
    const totp = new TotpSequence(DEMO_TOTP_SECRET);
    await journey.run('directory-import', async () => {
      const page = await (await journey.context()).newPage();
      await signIn(page, 'center', DEMO_PASSWORD, totp);

      await page.getByRole('link', { name: 'オープンデータの取り込み' }).click();
      await page.waitForURL('**/directory/imports');
      await page.getByRole('heading', { level: 1, name: 'オープンデータの取り込み' }).waitFor();
      await page.getByText('まだ取り込みはありません。').waitFor();
      await checkA11y(page, '/directory/imports');

      // Without a file, the form says what is missing.
      const form = page.getByRole('region', { name: 'ファイルを取り込む' });
      await form.getByRole('button', { name: '取り込む', exact: true }).click();
      await form.getByText('取り込むファイルを選んでください。').waitFor();

      await form.locator('input[type="file"]').setInputFiles(fixturePath('990001_medical_institutions.csv'));
      await form.getByText('1行でも問題があれば、ファイル全体を取り込みません。', { exact: false }).waitFor();
      await form.getByRole('radio', { name: '正しい行だけ取り込む' }).check();
      await form.getByRole('button', { name: '取り込む', exact: true }).click();

      const report = page.getByRole('region', { name: '取り込み結果: 990001_medical_institutions.csv' });
      await report.getByRole('status').getByText('完了').waitFor({ timeout: 30_000 });
      expect(page.url()).toMatch(/\/directory\/imports\?run=[0-9a-f-]{36}$/);
      const counts = report.getByRole('region', { name: '件数' });
      await expect.poll(() => counts.locator('dd').allTextContents()).toEqual(['7', '3', '2', '0', '0', '2']); // read, added, updated (two demo entries), unchanged, withdrawn, refused;
      await report.getByText('Shift_JIS（CP932）').waitFor();
      await report.getByText('医療機関コードが7桁だったため', { exact: false }).waitFor();

      const rejected = report.getByRole('table', { name: '取り込めなかった行' });
      const rows = rejected.getByRole('row');
      await expect.poll(() => rows.count()).toBe(3); // header + two refused rows
      await rows.nth(1).getByText('「名称」の欄が空です。名称を入れてください。').waitFor();
      expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe('6');
      await rows
        .nth(2)
        .getByText('医療機関コード「ABC-123」が正しくありません。', { exact: false })
        .waitFor();
      await rows.nth(2).getByText('まちがい医院', { exact: false }).waitFor();
      expect(await rows.nth(2).getByRole('rowheader').textContent()).toBe('7');
      await checkA11y(page, '/directory/imports (finished run)');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'directory-import-report');

      // The run is in the list of past runs.
      const runs = page.getByRole('table', { name: 'これまでの取り込み' });
      await runs
        .getByRole('row')
        .filter({ hasText: '990001_medical_institutions.csv' })
        .getByText('表示中')
        .waitFor();

      // The report's address works on a phone too, without sideways scrolling of the page.
      const phone = await (await journey.context(true)).newPage();
      await signIn(phone, 'center', DEMO_PASSWORD, totp);
      const reportUrl = new URL(page.url());
      await phone.goto(reportUrl.pathname + reportUrl.search);
      await phone.getByRole('table', { name: '取り込めなかった行' }).waitFor();
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/directory/imports (phone)');
      await screenshot(phone, 'directory-import-phone');
    });
  });
});
