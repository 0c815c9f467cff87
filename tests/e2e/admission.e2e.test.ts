// Journeys: the admission and discharge support rule as data. A care manager on her phone reads the
// rule in force (the demo's example, labelled so) with its deadlines in plain words; a city officer
// writes a new version with a shorter deadline — a negative number is refused with a message — and
// it waits for its date while the current version stays in force. Then the participation register:
// the hospital's MSW corrects its window (a bad FAX number refused in words), the center answers for
// the hospital without accounts and sees the rate on its home page rise, and a care manager on her
// phone finds the window's number to call. Then a hospital stay from admission to discharge: the care
// manager on her phone records the admission and the admission information sent by FAX; the MSW
// acknowledges it, sets the expected discharge, schedules and records the conference, and the care
// manager sees each step arrive live; another stay, left without its admission information, is on the
// center's overdue list — without the patient's name.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts';
import { todayInJapan } from '../../src/shared/dates';
import { PDF } from '../support/files';
import { teamWithInvitee } from './care-team';
import {
  checkA11y,
  horizontalOverflow,
  printToPdf,
  screenshot,
  signIn,
  totpSequences,
  useJourney,
} from './harness';

describe('admission and discharge support rule', () => {
  const journey = useJourney();
  // One code sequence per account: the server refuses a code's step twice for the same account.
  const totpOf = totpSequences();

  it('is read on a phone and revised by the city in a new version', async () => {
    await journey.run('admission-rule', async () => {
      const phone = await (await journey.context(true)).newPage();
      await signIn(phone, 'caremanager', DEMO_PASSWORD, totpOf('caremanager'));
      await phone.goto('/admission/rule');
      await phone.getByRole('heading', { level: 1, name: '入退院支援ルール' }).waitFor();
      await phone.getByText('これはデモ用の例です。実際の市のルールではありません。').waitFor();
      await phone.getByText('入院日から3営業日以内', { exact: true }).waitFor();
      await phone.getByText('営業日（土日・祝日と年末年始 12月29日〜1月3日 を除く）').waitFor();
      expect(await phone.getByRole('heading', { name: '新しい版を作る' }).count()).toBe(0);
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/admission/rule (phone)');
      await screenshot(phone, 'admission-rule-phone');

      const page = await (await journey.context()).newPage();
      await signIn(page, 'city', DEMO_PASSWORD, totpOf('city'));
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '入退院支援ルール' })
        .click();
      const form = page.getByRole('region', { name: '新しい版を作る' });
      await form.waitFor();
      const tomorrow = new Date(Date.parse(`${todayInJapan()}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      await form.getByLabel('ルールの名前').fill('入退院支援ルール（改定案）');
      await form.getByLabel('適用開始日').fill(tomorrow);
      await form.getByLabel('入院時情報提供（入院日から何日以内）').fill('-1');
      await form.getByRole('button', { name: 'この内容で新しい版を作る' }).click();
      await form.getByText('入院時情報提供の期限は0日以上で入力してください。').waitFor();
      await checkA11y(page, '/admission/rule (a negative deadline)');

      await form.getByLabel('入院時情報提供（入院日から何日以内）').fill('2');
      await form.getByRole('button', { name: 'この内容で新しい版を作る' }).click();
      await form.getByText('第2版を作りました。').waitFor();
      await page.getByText('次の版が予定されています: 第2版の適用開始日').waitFor();
      // Until its date the example (version 1) stays in force.
      await page.getByText('入院日から3営業日以内', { exact: true }).waitFor();
      const versions = page.getByRole('region', { name: 'これまでの版' });
      await versions.getByText('入退院支援ルール（改定案）').waitFor();
      await checkA11y(page, '/admission/rule (a new version waiting)');
      await screenshot(page, 'admission-rule-new-version');

      // The forms are data too: the officer adds a field to the admission sheet as its version 2.
      await page.getByRole('link', { name: '入退院支援の様式' }).click();
      const sheet = page.getByRole('region', { name: '入院時情報提供書' });
      await sheet.getByText('最新: 第1版').waitFor();
      const json = sheet.getByLabel('第2版の定義（JSON）');
      await json.fill('{ "title": ');
      await sheet.getByRole('button', { name: '第2版として登録' }).click();
      await sheet.getByText('JSON として読めません。', { exact: false }).waitFor();
      await page.reload();
      const definition = JSON.parse(await json.inputValue());
      definition.sections
        .find((section: { key: string }) => section.key === 'services')
        .fields.push({ key: 'vaccination', label: '予防接種の記録', type: 'yesno' });
      await json.fill(JSON.stringify(definition, null, 2));
      await sheet.getByRole('button', { name: '第2版として登録' }).click();
      await sheet.getByText('第2版を登録しました。', { exact: false }).waitFor();
      await sheet.getByText('最新: 第2版').waitFor();
      await checkA11y(page, '/admission/forms (city)');
    });
  });

  it('keeps the participation register: a hospital corrects its window, the center answers for another', async () => {
    await journey.run('admission-participation', async () => {
      const msw = await (await journey.context()).newPage();
      await signIn(msw, 'msw', DEMO_PASSWORD, totpOf('msw'));
      await msw
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '参加状況・入退院支援窓口' })
        .click();
      await msw.getByRole('heading', { level: 1, name: '入退院支援ルールの参加状況と窓口' }).waitFor();
      const central = msw.getByRole('listitem', { name: 'みらい中央病院' });
      await central.getByText('099-100-5001').waitFor();
      await checkA11y(msw, '/admission/participation (hospital MSW)');
      await central.getByRole('button', { name: '参加登録を変更' }).click();
      const dialog = msw.getByRole('dialog', { name: 'みらい中央病院 の参加登録' });
      await dialog.getByLabel('窓口のFAX番号').fill('ファックス');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.getByText('窓口のFAX番号は 099-123-4567 のように', { exact: false }).waitFor();
      await checkA11y(msw, '/admission/participation (a bad FAX number)');
      await dialog.getByLabel('窓口のFAX番号').fill('099-100-5003');
      await dialog.getByRole('button', { name: '保存' }).click();
      await msw.getByText('みらい中央病院 の参加登録を保存しました。').waitFor();
      await central.getByText('099-100-5003').waitFor();
      // Not the MSW's hospital: she sees it, but cannot change it.
      const hidamari = msw.getByRole('listitem', { name: 'ひだまり台リハビリテーション病院' });
      expect(await hidamari.getByRole('button').count()).toBe(0);

      const center = await (await journey.context()).newPage();
      await signIn(center, 'center', DEMO_PASSWORD, totpOf('center'));
      const rate = center.getByRole('region', { name: '入退院支援ルールの参加率' });
      await rate.getByText('病院: 50%（1/2）').waitFor();
      await rate.getByRole('link', { name: '参加状況と窓口の一覧を見る' }).click();
      const unanswered = center.getByRole('listitem', { name: 'ひだまり台リハビリテーション病院' });
      await unanswered.getByText('未回答').waitFor();
      await unanswered.getByText('このシステムを使っていません（FAX・電話・持参）').waitFor();
      await unanswered.getByRole('button', { name: '参加を登録する' }).click();
      const form = center.getByRole('dialog', { name: 'ひだまり台リハビリテーション病院 の参加登録' });
      await form.getByLabel('窓口の部署（例: 地域医療連携室）').fill('医療相談室');
      await form.getByLabel('窓口の電話番号').fill('099-100-6001');
      await form.getByLabel('受付時間（例: 平日 8:30〜17:00）').fill('平日 9:00〜17:00');
      await form.getByLabel('MSW（医療ソーシャルワーカー）が在籍している').check();
      await form.getByLabel('備考').fill('電話で確認（12月1日）');
      await checkA11y(center, '/admission/participation (the center declares)');
      await form.getByRole('button', { name: '保存' }).click();
      await center.getByText('ひだまり台リハビリテーション病院 の参加登録を保存しました。').waitFor();
      const table = center.getByRole('region', { name: '種別・圏域ごとの参加率' });
      await table.getByRole('row', { name: /病院 すべての圏域 100%/ }).waitFor();
      await screenshot(center, 'admission-participation-center');
      await center.goto('/home');
      await rate.getByText('病院: 100%（2/2）').waitFor();

      const phone = await (await journey.context(true)).newPage();
      await signIn(phone, 'caremanager', DEMO_PASSWORD, totpOf('caremanager'));
      await phone.goto('/admission/participation');
      const call = phone.getByRole('listitem', { name: 'ひだまり台リハビリテーション病院' });
      expect(await call.getByRole('link', { name: '099-100-6001' }).getAttribute('href')).toBe(
        'tel:099-100-6001',
      );
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await checkA11y(phone, '/admission/participation (phone)');
      await screenshot(phone, 'admission-participation-phone');
    });
  });

  it('follows a hospital stay from admission to discharge, live on both sides, and shows the overdue one to the center', async () => {
    await journey.run('admission-episode', async () => {
      const today = todayInJapan();
      const daysFromToday = (days: number) =>
        new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      const cm = await (await journey.context(true)).newPage();
      await signIn(cm, 'caremanager', DEMO_PASSWORD, totpOf('caremanager'));
      const team = await teamWithInvitee(cm.request, '入江 ふみ', 'イリエ フミ', '翼 まどか');
      // Another stay, ten days ago, whose admission information nobody recorded.
      const late = await teamWithInvitee(cm.request, '沖 つる', 'オキ ツル', '翼 まどか');
      const hospitals = await (await cm.request.get('/api/admission/participation?kind=hospital')).json();
      const central = hospitals.entries.find((e: { name: string }) => e.name === 'みらい中央病院');
      const overdue = await late.post(`/api/admission/teams/${late.id}/episodes`, {
        hospitalPointId: central.servicePointId,
        admittedOn: daysFromToday(-10),
        needsConference: false,
      });
      expect(overdue.status()).toBe(201);
      // A stay beginning on the date of the latest rule version (the city's revision of the first
      // journey, dated tomorrow) counts by that version; the one beginning today keeps version 1.
      const rule = await (await cm.request.get('/api/admission/rule')).json();
      const latest = rule.versions[0];
      const hidamari = hospitals.entries.find(
        (e: { name: string }) => e.name === 'ひだまり台リハビリテーション病院',
      );
      const planned = await late.post(`/api/admission/teams/${late.id}/episodes`, {
        hospitalPointId: hidamari.servicePointId,
        // The later of the two dates (YYYY-MM-DD sorts as it reads).
        admittedOn: [latest.effectiveFrom, today].sort().at(-1),
        needsConference: false,
      });
      expect(planned.status()).toBe(201);
      await cm.goto(`/admission/episodes/${(await planned.json()).id}`);
      await cm.getByText(`第${latest.version}版「${latest.title}」（入院日に適用中の版）`).waitFor();

      await cm.goto(`/teams/${team.id}`);
      const stays = cm.getByRole('region', { name: '入退院' });
      await stays.getByText('入院の記録はありません。').waitFor();
      await stays.getByRole('button', { name: '入院を登録する' }).click();
      const open = cm.getByRole('dialog', { name: '入院を登録する' });
      await open.getByLabel('入院先の病院').fill('みらい中央');
      await cm.getByRole('option', { name: 'みらい中央病院' }).click();
      await open.getByLabel('病棟・担当').fill('4階東病棟');
      await open.getByLabel('退院前カンファレンスが必要').check();
      await checkA11y(cm, '/teams/:id (recording an admission)');
      await open.getByRole('button', { name: '登録する' }).click();
      await cm.getByRole('heading', { level: 1, name: '入退院の記録 — 入江 ふみ さん' }).waitFor();
      const info = cm.getByRole('listitem', { name: '入院時情報提供' });
      await info.getByText('未実施').or(info.getByText('期限間近')).first().waitFor();
      expect(await horizontalOverflow(cm)).toBeLessThanOrEqual(0);
      await checkA11y(cm, '/admission/episodes/:id (phone)');
      const episodeUrl = new URL(cm.url()).pathname;

      // The admission sheet, filled from the record: checked, completed, saved and sent.
      await info.getByRole('link', { name: '入院時情報提供書' }).click();
      await cm.getByRole('heading', { level: 1, name: '入院時情報提供書 — 入江 ふみ さん' }).waitFor();
      const person = cm.getByRole('region', { name: '1. 利用者（患者）基本情報' });
      expect(await person.getByLabel('氏名', { exact: true }).inputValue()).toBe('入江 ふみ');
      expect(await cm.getByLabel('医療機関名').inputValue()).toBe('みらい中央病院');
      await cm
        .getByLabel('利用していたサービスと事業所（ケアプランは添付）')
        .fill('訪問看護 週2回（つばさ訪問看護ステーション）');
      await cm.getByLabel('食事回数（1日）').fill('3');
      await cm.getByRole('radio', { name: '処方通り服用' }).check();
      // The city's version 2 of the form (the first journey), when it ran: its added item is there.
      if ((await cm.getByText('予防接種の記録').count()) > 0)
        await cm
          .getByRole('radiogroup', { name: '予防接種の記録' })
          .getByRole('radio', { name: 'あり' })
          .check();
      await checkA11y(cm, '/admission/episodes/:id/documents/admission_info_sheet (phone)');
      await cm.getByRole('button', { name: '下書きを保存' }).click();
      await cm.getByText('保存しました。').waitFor();
      await cm.getByRole('button', { name: '病院の入退院支援窓口へ送る' }).click();
      await cm.getByText('病院へ送りました。', { exact: false }).waitFor();
      await cm.getByRole('link', { name: '入退院の記録に戻る' }).click();
      await info.getByText('期限内に実施').waitFor();
      await info.getByText('このシステムで').waitFor();

      const msw = await (await journey.context()).newPage();
      await signIn(msw, 'msw', DEMO_PASSWORD, totpOf('msw'));
      const inHospital = msw.getByRole('list', { name: '入院中の方' });
      await inHospital.getByRole('link', { name: '入江 ふみ さん（みらい中央病院）' }).click();
      await msw.waitForURL(`**${episodeUrl}`);
      const received = msw.getByRole('listitem', { name: '入院時情報提供' });
      await received.getByRole('link', { name: '入院時情報提供書' }).click();
      await msw.getByText('この書類はケアマネジャーが作成します。', { exact: false }).waitFor();
      await msw.getByRole('button', { name: '受け取りました' }).click();
      await msw.getByText('受け取りを記録しました。').waitFor();
      await checkA11y(msw, '/admission/episodes/:id/documents/admission_info_sheet (hospital)');
      // Live on the care manager's phone.
      await info.getByText('病院が受け取りました（港 ゆかり）').waitFor();

      // Printed for FAX: A4 portrait, the name masked to its initials.
      await msw.getByRole('link', { name: 'FAX用に印刷（氏名などを伏せる）' }).click();
      const printed = msw.getByRole('article', { name: '入院時情報提供書' });
      await printed.getByText('イ・フ').waitFor();
      expect(await printed.getByText('入江 ふみ').count()).toBe(0);
      await printed.getByText('■処方通り服用').waitFor();
      await checkA11y(msw, '/admission/episodes/:id/documents/admission_info_sheet/print?fax=1');
      const pdf = await printToPdf(msw, 'admission-info-sheet-fax');
      // A4 portrait (595 × 842 pt), on a few pages like the paper form.
      expect(pdf.size).toEqual([595, 842]);
      expect(pdf.pages).toBeLessThanOrEqual(4);
      await screenshot(msw, 'admission-info-sheet-print');
      await msw.emulateMedia({ media: 'screen' });
      await msw.goto(episodeUrl);

      await msw.getByRole('button', { name: '退院見込みを登録' }).click();
      const expected = msw.getByRole('dialog', { name: '退院見込み' });
      await expected.getByLabel('退院予定日').fill(daysFromToday(14));
      await expected.getByRole('button', { name: '保存' }).click();
      const conference = msw.getByRole('listitem', { name: '退院前カンファレンス' });
      await conference.getByRole('button', { name: '日程を決める' }).click();
      const schedule = msw.getByRole('dialog', { name: '退院前カンファレンスの日程' });
      await schedule.getByLabel('日付').fill(daysFromToday(10));
      await schedule.getByLabel('参加予定者').fill('主治医、病棟看護師、MSW、ケアマネジャー、訪問看護');
      await schedule.getByRole('button', { name: '保存' }).click();
      await conference.getByText('予定:').waitFor();
      await checkA11y(msw, '/admission/episodes/:id (MSW)');
      await conference.getByRole('button', { name: '実施を記録' }).click();
      const held = msw.getByRole('dialog', { name: '退院前カンファレンスの実施を記録' });
      await held.getByLabel('記録（決まったこと）').fill('退院後は訪問看護を週2回。介護ベッドを手配する。');
      await held.getByRole('button', { name: '保存' }).click();
      await conference.getByText('退院後は訪問看護を週2回。介護ベッドを手配する。').waitFor();
      await screenshot(msw, 'admission-episode-msw');

      // The hospital's window fills in the discharge record and confirms it.
      await msw
        .getByRole('listitem', { name: '退院・退所情報の記録' })
        .getByRole('link', { name: '退院・退所情報記録書' })
        .click();
      await msw.getByRole('checkbox', { name: '服薬指導' }).check();
      await msw
        .getByLabel('症状・病状の予後・予測')
        .fill('在宅での療養が可能。再発予防のため服薬の継続が必要。');
      await msw.getByRole('button', { name: '下書きを保存' }).click();
      await msw.getByText('保存しました。').waitFor();
      await msw.getByRole('button', { name: '記録を確定する' }).click();
      await msw.getByText('記録を確定しました。', { exact: false }).waitFor();
      await msw.goto(episodeUrl);
      const files = msw.getByRole('region', { name: '添付書類' });
      await files.getByLabel('書類の種類').selectOption({ label: '看護サマリー' });
      const chooser = msw.waitForEvent('filechooser');
      await files.getByRole('button', { name: 'ファイルを選んで添付' }).click();
      await (await chooser).setFiles({ name: '看護サマリー.pdf', mimeType: 'application/pdf', buffer: PDF });
      await files.getByRole('link', { name: /看護サマリー\.pdf/ }).waitFor();
      // The care manager sees the conference's record arrive.
      await cm.getByRole('listitem', { name: '退院前カンファレンス' }).getByText('期限内に実施').waitFor();
      await cm.getByRole('listitem', { name: '退院・退所情報の記録' }).getByText('このシステムで').waitFor();
      await cm.getByText(`第1版「${rule.versions.at(-1).title}」（入院日に適用中の版）`).waitFor();
      await cm
        .getByRole('region', { name: '添付書類' })
        .getByRole('link', { name: /看護サマリー\.pdf/ })
        .waitFor();
      await screenshot(cm, 'admission-episode-phone');

      const center = await (await journey.context()).newPage();
      await signIn(center, 'center', DEMO_PASSWORD, totpOf('center'));
      await center.getByRole('link', { name: '期限を過ぎた手順と運用状況を見る' }).click();
      await center.getByRole('heading', { level: 1, name: '入退院支援ルールの運用状況' }).waitFor();
      const list = center.getByRole('region', { name: '期限を過ぎている手順' });
      await list.getByText('期限を過ぎている手順: 1件').waitFor();
      await list.getByRole('row', { name: /入院時情報提供 担当: ケアマネジャー/ }).waitFor();
      expect(await center.getByText('沖 つる').count()).toBe(0);
      // The survey's figures for the month of the overdue stay, and its CSV for Excel.
      const survey = center.getByRole('region', { name: '入退院支援ルール運用状況調査の集計' });
      await survey.getByLabel('対象の月').fill(daysFromToday(-10).slice(0, 7));
      const offices = survey.getByRole('region', { name: '居宅介護支援事業所' });
      await offices.getByRole('row', { name: /あおぞらケアプランセンター/ }).waitFor();
      const download = center.waitForEvent('download');
      await survey.getByRole('link', { name: 'CSVでダウンロード（UTF-8）' }).click();
      const csv = fs.readFileSync(await (await download).path(), 'utf8');
      expect(csv).toContain('居宅介護支援事業所,あおぞらケアプランセンター,');
      expect(csv).not.toContain('沖 つる');
      await checkA11y(center, '/admission/center');
      await screenshot(center, 'admission-center');
    });
  });
});
