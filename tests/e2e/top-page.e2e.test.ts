// Journey 1: a newcomer opens the top page, reads what this is in Japanese, and makes the text larger.
import { describe, expect, it } from 'vitest';
import { checkA11y, horizontalOverflow, screenshot, useJourney } from './harness';

const scenes = ['日常の療養支援', '入退院支援', '急変時の対応', '看取り'];

describe('top page', () => {
  const journey = useJourney();

  it('shows the city and the four scenes, and remembers large text after a reload', async () => {
    const { cityName } = (await (await fetch(`${journey.baseUrl}/api/public/settings`)).json()) as {
      cityName: string;
    };
    const desktop = await journey.context();
    const phone = await journey.context(true);
    await journey.run('top-page', async () => {
      const page = await desktop.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: `${cityName}の在宅医療・介護連携` }).waitFor();
      for (const scene of scenes) await page.getByRole('heading', { level: 3, name: scene }).waitFor();
      await page.getByText('これはデモ環境です').waitFor();
      await page.getByRole('link', { name: 'ログインする' }).waitFor();
      expect(await page.title()).toContain('つなぐ');
      await checkA11y(page, '/ (top page)');
      await screenshot(page, 'top-page');

      // 文字を大きく: the root font grows from 16 px to 20 px, and stays so after a reload.
      const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      const toggle = page.getByRole('button', { name: '文字を大きく' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      expect(await rootFontSize()).toBe('16px');
      await toggle.click();
      await expect.poll(rootFontSize).toBe('20px');
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await rootFontSize()).toBe('20px');
      expect(await page.getByRole('button', { name: '文字を大きく' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await checkA11y(page, '/ (large text)');
      await screenshot(page, 'top-page-large-text');

      // The same page on a phone: one column, nothing cut off sideways.
      const mobile = await phone.newPage();
      await mobile.goto('/');
      await mobile.getByRole('heading', { level: 1 }).waitFor();
      expect(await horizontalOverflow(mobile)).toBeLessThanOrEqual(0);
      await checkA11y(mobile, '/ (phone)');
      await screenshot(mobile, 'top-page-phone');
    });
    await desktop.close();
    await phone.close();
  });
});
