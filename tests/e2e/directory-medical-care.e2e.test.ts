// Journey: a care manager, signed in, looks for a facility that takes a resident with a gastrostomy
// (経管栄養・胃ろう) and has a free place, opens it and reads when the vacancy was last stated; then
// prints the list on A4 landscape.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { artifactsDir, checkA11y, screenshot, signIn, TotpSequence, useJourney } from './harness';

describe('directory: facilities for medical care needs', () => {
  const journey = useJourney();

  it('finds a facility taking 胃ろう with a vacancy, and its vacancy date', async () => {
    const desktop = await journey.context();
    await journey.run('directory-medical-care', async () => {
      const page = await desktop.newPage();
      await signIn(page, 'caremanager', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '資源マップ' })
        .click();
      await page.getByRole('heading', { level: 1, name: '在宅医療・介護資源マップ' }).waitFor();
      await page.getByRole('link', { name: /医療的ケア.*に対応する施設の一覧/ }).click();
      await page.getByRole('heading', { level: 1, name: '医療的ケアに対応する施設' }).waitFor();
      await page.getByRole('table').waitFor();
      await checkA11y(page, '/directory/medical-care');

      await page.getByRole('checkbox', { name: '経管栄養・胃ろう' }).check();
      await page.getByRole('checkbox', { name: '空きあり' }).check();
      await page.getByRole('button', { name: '検索する' }).click();
      await page.waitForURL((url) => url.searchParams.get('procedures') === 'tube_feeding');
      await page.getByRole('status').filter({ hasText: '2件見つかりました' }).waitFor();
      const rows = page.getByRole('table').getByRole('rowheader');
      const names = await rows.getByRole('link').allInnerTexts();
      expect(names.sort()).toEqual(['介護医療院 みらいの丘', '特別養護老人ホーム やすらぎの里'].sort());
      // Every facility listed accepts 胃ろう: its column holds ○ (「対応」 for screen readers).
      const acceptedCells = page.getByRole('table').getByRole('cell', { name: '対応', exact: true });
      expect(await acceptedCells.count()).toBeGreaterThanOrEqual(2);
      await checkA11y(page, '/directory/medical-care?procedures=tube_feeding&vacancy=1');
      await screenshot(page, 'directory-medical-care');

      // Printed: A4 landscape (the page's own @page rule), the table only.
      await page.emulateMedia({ media: 'print' });
      fs.mkdirSync(artifactsDir, { recursive: true });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({
        path: path.join(artifactsDir, 'directory-medical-care-print.pdf'),
        preferCSSPageSize: true,
      });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1')) ?? [];
      expect(Number(width)).toBeGreaterThan(Number(height));
      await page.emulateMedia({ media: 'screen' });

      // The facility with a stated vacancy date.
      await page.getByRole('link', { name: '特別養護老人ホーム やすらぎの里' }).click();
      await page.getByRole('heading', { level: 1, name: '特別養護老人ホーム やすらぎの里' }).waitFor();
      const vacancy = page.locator('.dir-vacancy');
      await vacancy.waitFor();
      expect(await vacancy.textContent()).toMatch(/空きあり（1人分）.*令和\d+年\d+月\d+日時点/);
      await page
        .getByRole('list', { name: '受け入れている医療的ケア' })
        .getByText('経管栄養・胃ろう')
        .waitFor();
      await checkA11y(page, '/directory/points/:id (facility)');
      await screenshot(page, 'directory-medical-care-point');
      await page.getByRole('link', { name: '検索結果に戻る' }).click();
      await page.getByRole('heading', { level: 1, name: '医療的ケアに対応する施設' }).waitFor();
      expect(new URL(page.url()).searchParams.get('procedures')).toBe('tube_feeding');
    });
    await desktop.close();
  });
});
