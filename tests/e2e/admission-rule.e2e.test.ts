// Journeys: the admission and discharge support rule as data. A care manager on her phone reads the
// rule in force (the demo's example, labelled so) with its deadlines in plain words; a city officer
// writes a new version with a shorter deadline — a negative number is refused with a message — and
// it waits for its date while the current version stays in force. Then the participation register:
// the hospital's MSW corrects its window (a bad FAX number refused in words), the center answers for
// the hospital without accounts and sees the rate on its home page rise, and a care manager on her
// phone finds the window's number to call.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { todayInJapan } from '../../src/shared/dates';
import { checkA11y, horizontalOverflow, screenshot, signIn, TotpSequence, useJourney } from './harness';

describe('admission and discharge support rule', () => {
  const journey = useJourney();
  // One code sequence per account: the server refuses a code's step twice for the same account.
  const sequences = new Map<string, TotpSequence>();
  const totpOf = (login: string) => {
    const sequence = sequences.get(login) ?? new TotpSequence(DEMO_TOTP_SECRET);
    sequences.set(login, sequence);
    return sequence;
  };

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
});
