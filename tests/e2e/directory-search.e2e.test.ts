// Journey: a citizen on a phone looks for visiting nursing in the south of the city, typing the reading
// (ほうもんかんご) rather than the kanji, opens the map, looks at one place and comes back to the same
// search, downloads the list as CSV and prints it — and the same page in large text.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, checkA11y, horizontalOverflow, screenshot, useJourney } from './harness';

/** A 1×1 transparent PNG: the map's tiles, so the journey never needs the network. */
const emptyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function stubTiles(context: BrowserContext, baseUrl: string): Promise<void> {
  const { map } = (await (await fetch(`${baseUrl}/api/public/settings`)).json()) as {
    map: { tileUrl: string };
  };
  const origin = new URL(map.tileUrl.replace(/\{[a-z]\}/g, '0')).origin;
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: emptyPng }),
  );
}

const resultNames = (page: Page) =>
  page.getByRole('list', { name: '検索結果の一覧' }).getByRole('heading', { level: 3 }).allInnerTexts();

async function search(page: Page, words: string, area: string): Promise<string[]> {
  await page.getByLabel('キーワード').fill(words);
  await page.getByLabel('地域').selectOption({ label: area });
  const answered = page.waitForResponse(
    (response) =>
      response.url().includes('/api/directory/search?') &&
      new URL(response.url()).searchParams.get('q') === words,
  );
  await page.getByRole('button', { name: '検索する' }).click();
  await answered;
  await page.waitForURL((url) => url.searchParams.get('q') === words);
  await page.getByRole('list', { name: '検索結果の一覧' }).waitFor();
  await page.getByRole('status').filter({ hasText: '件見つかりました' }).waitFor();
  return resultNames(page);
}

/** Saves an A4 PDF of the page as printed and returns its bytes (rendered by Chromium's print path). */
async function printToPdf(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  // Print-only text may need font subsets the screen did not.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ path: path.join(artifactsDir, `${name}.pdf`), format: 'A4', preferCSSPageSize: true });
}

describe('directory search', () => {
  const journey = useJourney();

  it('finds the same places by reading and by kanji, shows them on a map, keeps the search and prints it', async () => {
    const phone = await journey.context(true);
    await stubTiles(phone, journey.baseUrl);
    await journey.run('directory-search', async () => {
      const page = await phone.newPage();
      await page.goto('/');
      await page.getByRole('link', { name: '在宅医療・介護資源マップ' }).click();
      await page.getByRole('heading', { level: 1, name: '在宅医療・介護資源マップ' }).waitFor();
      await checkA11y(page, '/directory (phone)');

      const byReading = await search(page, 'ほうもんかんご', '南部圏域');
      expect(byReading.length).toBeGreaterThan(0);
      expect(page.url()).toContain('area=');
      await checkA11y(page, '/directory?q=ほうもんかんご (phone)');
      await screenshot(page, 'directory-search-phone');
      const byKanji = await search(page, '訪問看護', '南部圏域');
      expect(byKanji).toEqual(byReading);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // On a small phone too the page fits, and a professional finds the way to sign in from here.
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await page.getByRole('link', { name: 'ログイン' }).isVisible()).toBe(true);
      await page.setViewportSize({ width: 390, height: 844 });

      // The map: Leaflet loads now, one marker per place (tiles are stubbed: no network needed).
      await page.getByRole('button', { name: '地図を表示' }).click();
      await page.waitForURL((url) => url.searchParams.get('view') === 'map');
      await expect.poll(() => page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(0);
      // Each marker is a keyboard-reachable image named after its place.
      const markerNames = await page
        .locator('img.leaflet-marker-icon')
        .evaluateAll((images) => images.map((image) => image.getAttribute('alt')));
      expect(markerNames.filter(Boolean).length).toBeGreaterThan(0);
      await checkA11y(page, '/directory with the map (phone)');
      await screenshot(page, 'directory-search-map-phone');

      // A place's page, and back to the same search.
      await page.getByRole('link', { name: byKanji[0] as string }).click();
      await page.getByRole('heading', { level: 1, name: byKanji[0] as string }).waitFor();
      await page.getByText('099-100-').first().waitFor();
      await checkA11y(page, '/directory/points/:id (phone)');
      await screenshot(page, 'directory-point-phone');
      await page.goBack();
      await page.getByRole('status').filter({ hasText: '件見つかりました' }).waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe('訪問看護');
      expect(await page.getByLabel('キーワード').inputValue()).toBe('訪問看護');
      expect(await resultNames(page)).toEqual(byKanji);

      // CSV of the same search, in the national layout.
      await page.getByText('CSVでダウンロード').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'CSVをダウンロード' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/介護サービス事業所一覧_\d{8}\.csv$/);
      await page.getByText(/をダウンロードしました/).waitFor();
      await checkA11y(page, '/directory after the CSV download (phone)');

      // Print: a one-line summary of the search and a compact table, no map, no form.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      expect(await page.getByRole('table').count()).toBe(1);
      expect(await page.locator('.leaflet-container').isVisible()).toBe(false);
      expect(await page.getByLabel('キーワード').isVisible()).toBe(false);
      await page.getByText('検索条件:').waitFor();
      await screenshot(page, 'directory-search-print');
      const pdf = await printToPdf(page, 'directory-search-print');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      await page.emulateMedia({ media: 'screen' });
    });
    await phone.close();
  });

  it('searches around the reader’s position, nearest first, and reads well in large text', async () => {
    const desktop = await journey.context();
    await desktop.grantPermissions(['geolocation']);
    await desktop.setGeolocation({ latitude: 31.5904, longitude: 130.5503 });
    await journey.run('directory-large-text', async () => {
      const page = await desktop.newPage();
      await page.goto('/directory');
      await page.getByRole('button', { name: '現在地から探す' }).click();
      await page.waitForURL((url) => url.searchParams.get('lat') === '31.590');
      expect(new URL(page.url()).searchParams.get('radius')).toBe('3');
      // Exact, 「1,000件以上」 or 「多数」: the server decides how far it counts around a point.
      await page.getByRole('status').filter({ hasText: '見つかりました' }).waitFor();
      await page.getByRole('list', { name: '検索結果の一覧' }).waitFor();
      // The answer of this search, not the list still on screen from before: its entries say how far.
      await page
        .locator('.dir-result-facts')
        .first()
        .filter({ hasText: /約[\d.]+km/ })
        .waitFor();
      const distances = (await page.locator('.dir-result-facts').allInnerTexts()).map((text) =>
        Number(/約([\d.]+)km/.exec(text)?.[1]),
      );
      expect(distances.length).toBeGreaterThan(0);
      expect(distances).toEqual([...distances].sort((x, y) => x - y));
      expect(Math.max(...distances)).toBeLessThanOrEqual(3);
      await checkA11y(page, '/directory near the reader');

      await page.goto('/directory?vacancy=1');
      await page.getByRole('status').filter({ hasText: '件見つかりました' }).waitFor();
      await page.getByRole('button', { name: '文字を大きく' }).click();
      await expect
        .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
        .toBe('20px');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await checkA11y(page, '/directory (large text)');
      await screenshot(page, 'directory-search-large-text');
    });
    await desktop.close();
  });
});
