import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { patientWithTeam } from './care-team';
import { artifactsDir, checkA11y, horizontalOverflow, printToPdf, screenshot, useJourney } from './harness';

const STORAGE_KEY = 'tsunagu.emergencyNote.v1';

describe('もしものときのメモ (no account)', () => {
  const journey = useJourney();

  const sheet = (page: Page) => page.getByRole('region', { name: '救急医療情報' });
  const wishes = (page: Page) => page.getByRole('region', { name: 'もしものときの希望（人生会議のメモ）' });
  const radio = (page: Page, group: string, name: string) =>
    page.getByRole('radiogroup', { name: group }).getByRole('radio', { name, exact: true });
  const rootFontSize = (page: Page) =>
    page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

  it('is written by keyboard, kept in this browser, opens offline, prints on A4 and is erased', async () => {
    await journey.run('emergency-note', async () => {
      const context = await journey.context();
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      const link = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: '急変時の対応' }) })
        .getByRole('link', { name: 'もしものときのメモを書く（登録不要）' });
      await checkA11y(page, '/ (with the link to the note)');
      await link.scrollIntoViewIfNeeded();
      await screenshot(page, 'emergency-note-top-link');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/emergency-note');
      await page.getByRole('heading', { level: 1, name: 'もしものときのメモ' }).waitFor();
      await page.getByText('書いた内容は、どこにも送られません').waitFor();
      await page.getByText('「文字を大きく」ボタンを押してください').waitFor();
      await checkA11y(page, '/emergency-note (empty)');

      // 文字を大きく, from the keyboard.
      await page.getByRole('button', { name: '文字を大きく' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => rootFontSize(page)).toBe('20px');

      // Name and reading: one field, Tab, the next.
      await sheet(page).getByLabel('氏名', { exact: true }).focus();
      await page.keyboard.type('冬野 ゆき');
      await page.keyboard.press('Tab');
      await page.keyboard.type('フユノ ユキ');
      // Blood type: a radio button chosen with Space.
      await radio(page, '血液型', 'O').focus();
      await page.keyboard.press('Space');
      expect(await radio(page, '血液型', 'O').isChecked()).toBe(true);
      // The first contact: name, Tab, relation, Tab, phone.
      await sheet(page).getByLabel('緊急連絡先1 氏名').focus();
      await page.keyboard.type('冬野 はると');
      await page.keyboard.press('Tab');
      await page.keyboard.type('長男');
      await page.keyboard.press('Tab');
      await page.keyboard.type('090-1234-5678');
      await sheet(page).getByLabel('飲んでいる薬').focus();
      await page.keyboard.type('アムロジピン 5mg 朝1錠');
      // The wishes.
      await wishes(page).getByLabel('大切にしていること・生きがい').focus();
      await page.keyboard.type('住み慣れた家で、庭の花を見て過ごしたい');
      await radio(page, '心肺蘇生（心臓マッサージなど）', '希望しない').focus();
      await page.keyboard.press('Space');
      await radio(page, '最期を迎えたい場所', '自宅').focus();
      await page.keyboard.press('Space');
      await page.getByText(/この端末に残しました/).waitFor();

      // A wrong answer stops the print and is shown by its field, which gets the focus.
      await page.evaluate(() => {
        const counted = window as unknown as { printed: number };
        counted.printed = 0;
        window.print = () => {
          counted.printed += 1;
        };
      });
      const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed);
      await sheet(page).getByLabel('電話番号', { exact: true }).focus();
      await page.keyboard.type('0123-45-6789 内線 0000000000000000000');
      await page.getByRole('button', { name: '印刷する' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('直してほしいところがあります。').waitFor();
      await sheet(page).getByText('電話番号は30文字以内で入力してください。').waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')))
        .toBe('true');
      expect(await printed()).toBe(0);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('0123-45-6789');
      await page.getByRole('button', { name: '印刷する' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(printed).toBe(1);
      await checkA11y(page, '/emergency-note (large text, filled)');

      // Kept in this browser only: a reload finds everything again.
      const kept = JSON.parse((await stored(page)) ?? '{}');
      expect(kept.emergency).toMatchObject({ name: '冬野 ゆき', bloodType: 'O', phone: '0123-45-6789' });
      expect(kept.acp).toMatchObject({ cpr: '希望しない', placeOfDeath: '自宅' });
      expect(typeof kept.savedAt).toBe('string');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'もしものときのメモ' }).waitFor();
      expect(await rootFontSize(page)).toBe('20px');
      const restored = async () => {
        expect(await sheet(page).getByLabel('氏名', { exact: true }).inputValue()).toBe('冬野 ゆき');
        expect(await sheet(page).getByLabel('緊急連絡先1 電話番号').inputValue()).toBe('090-1234-5678');
        expect(await radio(page, '血液型', 'O').isChecked()).toBe(true);
        expect(await radio(page, '心肺蘇生（心臓マッサージなど）', '希望しない').isChecked()).toBe(true);
        expect(await wishes(page).getByLabel('大切にしていること・生きがい').inputValue()).toBe(
          '住み慣れた家で、庭の花を見て過ごしたい',
        );
      };
      await restored();
      await checkA11y(page, '/emergency-note (restored)');

      // The service worker controls the page and keeps its files: then it opens without a network.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.getByText('この画面はインターネットにつながっていなくても使えます').waitFor();
      await screenshot(page, 'emergency-note');
      await context.setOffline(true);
      expect(
        await page.evaluate(() =>
          fetch('/api/health').then(
            () => 'online',
            () => 'offline',
          ),
        ),
      ).toBe('offline');
      const [worker] = context.serviceWorkers();
      expect(worker?.url()).toMatch(/\/emergency-note-sw\.js$/);
      expect(
        await worker?.evaluate(() =>
          fetch('/api/health').then(
            () => 'online',
            () => 'offline',
          ),
        ),
      ).toBe('offline');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'もしものときのメモ' }).waitFor();
      await restored();
      await page.getByText('この画面はインターネットにつながっていなくても使えます').waitFor();
      await checkA11y(page, '/emergency-note (offline)');

      // On paper: A4, the sheet and then the wishes, with the date printed; nothing of the screen.
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const paper = page.locator('article.self-note-print');
      expect(await paper.isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '印刷する' }).isVisible()).toBe(false);
      expect(await page.locator('header.site-header').isVisible()).toBe(false);
      await paper.getByRole('heading', { level: 1, name: '救急医療情報' }).waitFor();
      await paper.getByText(/（冷蔵庫に保管）　／　印刷した日: 令和/).waitFor();
      await paper.getByText('■O').waitFor();
      await paper.getByRole('heading', { level: 2, name: 'もしものときの希望（人生会議のメモ）' }).waitFor();
      await paper.getByText('■希望しない').first().waitFor();
      await paper.getByText(/氏名: 冬野 ゆき　／　印刷した日/).waitFor();
      const { size, pages } = await printToPdf(page, 'emergency-note');
      expect(size).toEqual([595, 842]);
      // The sheet on one or two pages, the wishes on a page of their own.
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(3);
      await screenshot(page, 'emergency-note-print');
      await page.emulateMedia({ media: 'screen' });

      // Erased from this device, after asking.
      await page.getByRole('button', { name: 'この端末から消す' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'メモを消しますか' });
      await dialog.getByText('消した内容は元に戻せません。').waitFor();
      await checkA11y(page, '/emergency-note (erase dialog)');
      await dialog.getByRole('button', { name: '消す', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('この端末から消しました。').waitFor();
      expect(await stored(page)).toBeNull();
      expect(await sheet(page).getByLabel('氏名', { exact: true }).inputValue()).toBe('');
      expect(await radio(page, '血液型', 'O').isChecked()).toBe(false);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'もしものときのメモ' }).waitFor();
      expect(await sheet(page).getByLabel('氏名', { exact: true }).inputValue()).toBe('');
      await context.setOffline(false);
    });
  });

  it('asks the server for nothing but who is signed in and the public settings while it is written', async () => {
    await journey.run('emergency-note-private', async () => {
      const context = await journey.context(true);
      const calls: string[] = [];
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/')) calls.push(`${request.method()} ${url.pathname}`);
      });
      const page = await context.newPage();
      await page.goto('/emergency-note');
      await page.getByRole('heading', { level: 1, name: 'もしものときのメモ' }).waitFor();
      await sheet(page).getByLabel('氏名', { exact: true }).fill('春野 さくら');
      await sheet(page).getByLabel('アレルギー（薬）').fill('ペニシリン');
      await radio(page, '病院への救急搬送', '希望する').check();
      await page.getByText(/この端末に残しました/).waitFor();
      await page.getByText('担当のケアマネジャーに頼むと、この内容を登録してもらえます。').waitFor();
      expect(await page.getByRole('region', { name: 'ケアチームに送る' }).count()).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await checkA11y(page, '/emergency-note (phone)');
      await screenshot(page, 'emergency-note-phone');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'もしものときのメモ' }).waitFor();
      expect(await sheet(page).getByLabel('氏名', { exact: true }).inputValue()).toBe('春野 さくら');
      expect(await page.getByText('書いてから1年たちました').count()).toBe(0);

      // A year later, the note asks to be checked, until something is changed.
      await page.evaluate((key) => {
        const note = JSON.parse(localStorage.getItem(key) ?? '{}');
        localStorage.setItem(key, JSON.stringify({ ...note, savedAt: '2025-10-01T03:00:00.000Z' }));
      }, STORAGE_KEY);
      await page.reload();
      await page.getByText('書いてから1年たちました').waitFor();
      await page.getByText(/最後に書き直したのは 令和7年10月1日 です/).waitFor();
      await checkA11y(page, '/emergency-note (a year old)');
      await page
        .getByRole('status')
        .filter({ hasText: '書いてから1年たちました' })
        .screenshot({
          path: `${artifactsDir}/emergency-note-year-old.png`,
        });
      await sheet(page).getByLabel('アレルギー（薬）').fill('ペニシリン、セフェム系');
      await page.getByText(/この端末に残しました/).waitFor();
      expect(await page.getByText('書いてから1年たちました').count()).toBe(0);
      // The worker's own file: at the root, never cached without asking (a new version is seen).
      const worker = await page.request.get('/emergency-note-sw.js');
      expect(worker.status()).toBe(200);
      expect(worker.headers()['cache-control']).toBe('no-cache');
      expect(worker.headers()['content-type']).toMatch(/javascript/);
      const allowed = /^GET \/api\/(me|family\/home|public\/.+)$/;
      expect(calls.filter((call) => !allowed.test(call))).toEqual([]);
      expect(calls).toContain('GET /api/family/home');
    });
  });

  it('is sent to the care team by a family member who joined it, only when they choose to', async () => {
    await journey.run('emergency-note-family', async () => {
      // A team whose patient consented to sharing with the family, and a family member's code (API).
      const cm = await journey.api('caremanager');
      const { team } = await patientWithTeam(
        cm,
        { name: '秋山 みね', kana: 'アキヤマ ミネ', birthDate: '1939-04-04' },
        ['care_team', 'family'],
      );
      const invitation = await cm.post(`/api/teams/${team.id}/family`, {
        data: { name: '秋山 次郎', relation: 'child' },
      });
      expect(invitation.status()).toBe(201);
      const { code } = await invitation.json();

      const page = await (await journey.context()).newPage();
      const joined = await page.request.post('/api/family/join', {
        headers: { 'x-tsunagu-csrf': '1' },
        data: { code },
      });
      expect(joined.status()).toBe(200);
      await page.goto('/emergency-note');
      const send = page.getByRole('region', { name: 'ケアチームに送る' });
      await send.getByText('「家族との共有」に同意している間だけ').waitFor();
      await send.getByText('まだ何も書かれていません。').waitFor();
      await page.getByText('「ケアチームに送る」ボタンを押したときだけ、ケアチームに送られます。').waitFor();

      // Too long for one post: said so, and nothing to press.
      await sheet(page).getByLabel('持病・これまでの大きな病気').fill('高血圧'.repeat(700));
      await send.getByText(/内容が長すぎて送れません/).waitFor();
      expect(await send.getByRole('button', { name: 'ケアチームに送る' }).count()).toBe(0);

      await sheet(page).getByLabel('持病・これまでの大きな病気').fill('高血圧、糖尿病');
      await sheet(page).getByLabel('氏名', { exact: true }).fill('秋山 みね');
      await radio(page, '血液型', 'A').check();
      await radio(page, '心肺蘇生（心臓マッサージなど）', '決めていない').check();
      await checkA11y(page, '/emergency-note (family session)');
      await screenshot(page, 'emergency-note-family');
      await send.getByRole('button', { name: 'ケアチームに送る' }).click();
      const dialog = page.getByRole('dialog', { name: 'ケアチームに送りますか' });
      await dialog.getByRole('button', { name: '送る', exact: true }).click();
      await send.getByText('ケアチームに送りました。').waitFor();

      const posts = (await (await cm.get(`/api/teams/${team.id}/posts`)).json()).items as { body: string }[];
      const body = posts.find((post) => post.body.includes('もしものときのメモ'))?.body ?? '';
      expect(body).toContain('【救急医療情報】\n氏名: 秋山 みね\n血液型: A');
      expect(body).toContain('持病・これまでの大きな病気: 高血圧、糖尿病');
      expect(body).toContain('心肺蘇生（心臓マッサージなど）: 決めていない');
      expect(body).not.toContain('フリガナ');
    });
  });
});
