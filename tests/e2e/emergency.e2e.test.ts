import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts';
import { addCalendarDays, addYears, formatDate, todayInJapan } from '../../src/shared/dates';
import { teamWithInvitee } from './care-team';
import {
  artifactsDir,
  checkA11y,
  horizontalOverflow,
  printToPdf,
  screenshot,
  signIn,
  totpSequences,
  useJourney,
} from './harness';

describe('emergency information kit and ACP', () => {
  const journey = useJourney();
  const totpOf = totpSequences();
  let token = '';
  let patientId = '';
  let teamId = '';

  /** The care manager's patient with a team and the consents to share with the team and with EMS. */
  async function patientWithEmsConsent(cm: APIRequestContext): Promise<void> {
    const team = await teamWithInvitee(cm, '冬野 ゆき', 'フユノ ユキ', '翼');
    teamId = team.id;
    patientId = (await (await cm.get(`/api/teams/${team.id}`)).json()).patient.id;
    const consent = await team.post(`/api/patients/${patientId}/consents`, {
      scopes: ['ems'],
      method: 'written',
      consentedOn: '2026-11-30',
    });
    expect(consent.status()).toBe(201);
  }

  const section = (page: Page, name: string) => page.getByRole('region', { name });

  it('is completed by the care manager with the family, with an ACP discussion, and printed as a kit', async () => {
    await journey.run('emergency-sheet', async () => {
      const page = await (await journey.context()).newPage();
      await signIn(page, 'caremanager', DEMO_PASSWORD, totpOf('caremanager'));
      await patientWithEmsConsent(page.request);
      await page.goto(`/patients/${patientId}`);
      await page.getByRole('link', { name: '救急医療情報', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '救急医療情報 — 冬野 ゆき さん' }).waitFor();
      await page.getByText('まだ保存されていません。利用者台帳から記入してあります。').waitFor();
      const form = section(page, '記入する内容');
      expect(await form.getByLabel('氏名', { exact: true }).inputValue()).toBe('冬野 ゆき');
      expect(await form.getByLabel('生年月日').inputValue()).toBe('1940-01-01');
      await checkA11y(page, '/patients/:id/emergency (new)');

      // With the family: blood type, contacts, medicines, where the kit is kept.
      await form.getByRole('radio', { name: 'O', exact: true }).check();
      await form.getByLabel('緊急連絡先1 氏名').fill('冬野 はると');
      await form.getByLabel('緊急連絡先1 続柄').fill('長男');
      await form.getByLabel('緊急連絡先1 電話番号').fill('090-1234-5678');
      await form.getByLabel('飲んでいる薬').fill('アムロジピン 5mg 朝1錠');
      await form.getByLabel('アレルギー（薬）').fill('ペニシリン');
      await form.getByLabel('キットの保管場所').fill('冷蔵庫のドアポケット');
      // Taken over from the paper kit, last gone through with the family thirteen months ago.
      await form
        .getByLabel('ご本人・ご家族と内容を確認しました（確認した日を最終確認日として記録する）')
        .check();
      const paperCheck = addYears(addCalendarDays(todayInJapan(), -30), -1);
      await form.getByLabel('確認した日', { exact: true }).fill(paperCheck);
      await form.getByRole('button', { name: '保存する' }).click();
      await page.getByText('保存しました。').waitFor();
      await form.getByText(`最終確認: ${formatDate(paperCheck)}（青空 ひろし）`).waitFor();
      await page.getByText(/最後の確認から1年が過ぎています/).waitFor();
      await checkA11y(page, '/patients/:id/emergency (yearly check overdue)');
      await page
        .getByRole('status')
        .filter({ hasText: '最後の確認から1年' })
        .screenshot({
          path: `${artifactsDir}/emergency-sheet-overdue.png`,
        });

      // The yearly check waits on the home page until the sheet is gone through again.
      await page.goto('/home');
      const toConfirm = section(page, '救急医療情報の確認（年に一度）');
      await toConfirm.getByText('確認の時期を過ぎています').waitFor();
      await checkA11y(page, '/home (a sheet to confirm)');
      await screenshot(page, 'emergency-to-confirm-home');
      await toConfirm.getByRole('link', { name: '冬野 ゆき さんの救急医療情報' }).click();
      await form
        .getByLabel('ご本人・ご家族と内容を確認しました（確認した日を最終確認日として記録する）')
        .check();
      expect(await form.getByLabel('確認した日', { exact: true }).inputValue()).toBe(todayInJapan());
      await form.getByRole('button', { name: '保存する' }).click();
      await form.getByText(`最終確認: ${formatDate(todayInJapan())}（青空 ひろし）`).waitFor();
      expect(await page.getByText(/最後の確認から1年が過ぎています/).count()).toBe(0);
      const listed = page.waitForResponse((response) => response.url().endsWith('/api/emergency/to-confirm'));
      await page.goto('/home');
      expect((await (await listed).json()).items).toEqual([]);
      await page.getByRole('heading', { level: 2, name: '所属している組織' }).waitFor();
      expect(await page.getByRole('heading', { name: '救急医療情報の確認（年に一度）' }).count()).toBe(0);
      await page.goto(`/patients/${patientId}/emergency`);
      await section(page, 'もしものときの希望（人生会議の記録から）')
        .getByText('人生会議の記録はまだありません。')
        .waitFor();

      // The ACP discussion, confirmed: it becomes the current version and feeds the sheet.
      await page.getByRole('link', { name: '人生会議の記録を開く' }).click();
      await page.getByRole('heading', { level: 1, name: '人生会議（ACP）の記録 — 冬野 ゆき さん' }).waitFor();
      await page.getByRole('button', { name: '話し合いを記録する' }).click();
      const draft = section(page, '書きかけ: 第1版');
      await draft.getByLabel('参加した家族（氏名・続柄）').fill('冬野 はると（長男）');
      await draft.getByLabel('大切にしていること・生きがい').fill('住み慣れた家で、庭の花を見て過ごしたい');
      await draft
        .getByRole('radiogroup', { name: '最期を迎えたい場所' })
        .getByRole('radio', { name: '自宅' })
        .check();
      await draft
        .getByRole('radiogroup', { name: '心肺蘇生（心臓マッサージなど）' })
        .getByRole('radio', { name: '希望しない' })
        .check();
      await draft
        .getByRole('radiogroup', { name: '病院への救急搬送' })
        .getByRole('radio', { name: '希望する' })
        .check();
      await draft.getByLabel('希望する病院').fill('みらい中央病院');
      await checkA11y(page, '/patients/:id/acp (draft)');
      await draft.getByRole('button', { name: 'この内容で確定する' }).click();
      await page.getByText('第1版として確定しました。').waitFor();
      await page.getByText(/現在の版: 第1版/).waitFor();

      await page.goto(`/patients/${patientId}/emergency`);
      const wishes = section(page, 'もしものときの希望（人生会議の記録から）');
      await wishes.getByText('人生会議の記録 第1版').waitFor();
      await wishes.getByText('希望しない').waitFor();
      await checkA11y(page, '/patients/:id/emergency (saved, with wishes)');
      await screenshot(page, 'emergency-sheet');

      // The kit: issued, then printed — the sheet for the refrigerator, the card and the stickers.
      const kit = section(page, 'キット（カード・ステッカー）');
      const issued = page.waitForResponse(
        (r) => r.url().endsWith('/emergency/kits') && r.request().method() === 'POST',
      );
      await kit.getByRole('button', { name: 'キットを渡す（カードを発行して印刷）' }).click();
      token = (await (await issued).json()).token;
      expect(token.length).toBeGreaterThanOrEqual(43);
      await page.waitForURL(`**/patients/${patientId}/emergency/print`);
      await page
        .getByRole('region', { name: '救急医療情報キット' })
        .getByText(/カード番号/)
        .waitFor();
      await page.locator('img.kit-card-qr').waitFor();
      expect(page.url()).not.toContain(token);
      await checkA11y(page, '/patients/:id/emergency/print');
      const { size, pages } = await printToPdf(page, 'emergency-kit');
      expect(size).toEqual([595, 842]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(4);
      await screenshot(page, 'emergency-kit-print');
      await page.emulateMedia({ media: 'screen' });

      // The person changes their mind: the next version, with what changed shown.
      await page.goto(`/patients/${patientId}/acp`);
      await page.getByRole('button', { name: '新しい話し合いを記録する（第1版から始める）' }).click();
      const next = section(page, '書きかけ: 第2版');
      await next
        .getByRole('radiogroup', { name: '心肺蘇生（心臓マッサージなど）' })
        .getByRole('radio', { name: '決めていない' })
        .check();
      await next.getByRole('button', { name: 'この内容で確定する' }).click();
      await page.getByText('第2版として確定しました。').waitFor();
      const second = page.getByRole('article', { name: '第2版' });
      await second.getByText('前の版から変わったこと').waitFor();
      await second.locator('del', { hasText: '希望しない' }).waitFor();
      await second.locator('ins', { hasText: '決めていない' }).waitFor();
      await checkA11y(page, '/patients/:id/acp (two versions)');
      await screenshot(page, 'acp-versions');
    });
  });

  it('is opened by an ambulance crew on a phone from the QR code, and the team sees it live', async () => {
    await journey.run('emergency-ems', async () => {
      const team = await (await journey.context()).newPage();
      await signIn(team, 'caremanager', DEMO_PASSWORD, totpOf('caremanager'));
      await team.goto(`/teams/${teamId}`);
      await team
        .getByRole('region', { name: '救急・人生会議' })
        .getByRole('link', { name: '救急医療情報' })
        .waitFor();

      const phone = await (await journey.context(true)).newPage();
      await phone.goto(`/e#${token}`);
      await phone.getByRole('heading', { level: 1, name: '救急医療情報キットのカードです' }).waitFor();
      // The token leaves the address bar at once.
      expect(phone.url()).not.toContain(token);
      await checkA11y(phone, '/e (card landing)');
      await phone.getByRole('link', { name: '救急隊としてログインして開く' }).click();
      await phone.waitForURL('**/login?next=%2Femergency');
      await phone.getByLabel('ログインID').fill('ems');
      await phone.getByLabel('パスワード', { exact: true }).fill(DEMO_PASSWORD);
      await phone.getByRole('button', { name: 'ログインする' }).click();
      await phone.waitForURL('**/login/totp**');
      await phone.getByLabel('確認コード（6桁の数字）').fill(await totpOf('ems').next());
      await phone.getByRole('button', { name: '確認する' }).click();
      await phone.waitForURL('**/emergency');
      await phone.getByText('カードのQRコードを読み取りました。閲覧する理由を選んでください。').waitFor();
      await checkA11y(phone, '/emergency (scanned)');
      const card = phone.getByRole('region', { name: '救急医療情報を開く' });
      await card.getByRole('button', { name: '救急医療情報を開く' }).click();
      await card.getByText('閲覧する理由を選んでください。').first().waitFor();
      await card.getByRole('radio', { name: '搬送中' }).check();
      await card.getByRole('button', { name: '救急医療情報を開く' }).click();
      await phone.getByRole('heading', { level: 2, name: /冬野 ゆき/ }).waitFor();
      const wishes = phone.getByText('もしものときの希望');
      await wishes.waitFor();
      await phone.getByText('決めていない').first().waitFor();
      await phone.getByRole('link', { name: /電話する 090-1234-5678/ }).waitFor();
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/emergency (sheet)');
      await screenshot(phone, 'emergency-ems-phone');

      // The team's page, open all along, is told.
      await team.getByText('救急隊が閲覧しました').waitFor();
      // And in the timeline, as the platform's notice, unread for the members.
      await team.getByText(/^救急隊が救急医療情報を閲覧しました（.*理由: 搬送中）$/).waitFor();
      await team.getByText('つなぐからのお知らせ').first().waitFor();
      await team.getByText(/みらい市消防局 中央消防署 救急 大地（QRコード・搬送中）/).waitFor();
      await checkA11y(team, '/teams/:id (EMS access notice)');
      await screenshot(team, 'emergency-team-notice');

      // No card: the break-glass search, by the full name and birth date only.
      await phone.getByRole('button', { name: '閉じる（画面から消す）' }).click();
      const search = phone.getByRole('region', { name: 'カードがないとき（緊急検索）' });
      await search.getByLabel('氏名またはフリガナ（姓と名）').fill('冬野');
      await search.getByLabel('生年月日').fill('1940-01-01');
      await search.getByRole('radio', { name: '現場での判断' }).check();
      await search.getByRole('button', { name: '緊急検索する' }).click();
      await search.getByText('共有されている救急医療情報はありません。').waitFor();
      await search.getByLabel('氏名またはフリガナ（姓と名）').fill('フユノ ユキ');
      await search.getByRole('button', { name: '緊急検索する' }).click();
      await phone.getByRole('heading', { level: 2, name: /冬野 ゆき/ }).waitFor();
    });
  });

  it('has break-glass searches reviewed by the center', async () => {
    await journey.run('emergency-review', async () => {
      const page = await (await journey.context()).newPage();
      await signIn(page, 'center', DEMO_PASSWORD, totpOf('center'));
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '救急隊の閲覧の確認' })
        .click();
      await page.getByRole('heading', { level: 1, name: '救急隊の閲覧の確認' }).waitFor();
      await page.getByText('確認待ち: 2件').waitFor();
      expect(await page.getByText('冬野').count()).toBe(0);
      await checkA11y(page, '/emergency/review');
      const list = page.getByRole('region', { name: '閲覧の記録' }).first();
      const row = list.getByRole('row').filter({ hasText: 'フ・ユ' });
      await row.getByRole('combobox', { name: '確認の結果' }).selectOption('appropriate');
      await row.getByRole('textbox', { name: 'メモ' }).fill('搬送記録と一致');
      await row.getByRole('button', { name: '結果を記録' }).click();
      await page.getByText('確認の結果を記録しました。').waitFor();
      await page.getByText('確認待ち: 1件').waitFor();
      await page.getByText('すべて', { exact: true }).click();
      await page.getByText(/適切（連携 さやか）/).waitFor();
      const counts = page.getByRole('region', { name: '件数（指標）' });
      await counts
        .getByRole('region', { name: 'キットの発行（月・地域）' })
        .getByRole('cell', { name: '地域未設定' })
        .waitFor();
      await checkA11y(page, '/emergency/review (all, indicators)');
      await screenshot(page, 'emergency-review');
    });
  });
});
