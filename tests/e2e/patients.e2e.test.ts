// Journey: a care manager registers a patient (birth date in 和暦, a key person, the physician's
// clinic from the resource map), is warned when registering the same person twice, records consent
// and withdraws part of it; a nurse of another organisation finds nothing, even by the URL.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { checkA11y, screenshot, signIn, TotpSequence, useJourney } from './harness';

describe('patients and consent', () => {
  const journey = useJourney();

  it('registers a patient, guards against a duplicate, records and withdraws consent', async () => {
    await journey.run('patients', async () => {
      const page = await (await journey.context()).newPage();
      await signIn(page, 'caremanager', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '利用者' })
        .click();
      await page.getByRole('heading', { level: 1, name: '利用者' }).waitFor();
      await page.getByText('該当する利用者はいません。').waitFor();
      await checkA11y(page, '/patients (empty)');

      // 1. Registration: 昭和17年5月3日 as on the 保険証.
      const register = async () => {
        await page.goto('/patients/new');
        await page.getByRole('heading', { level: 1, name: '利用者の登録' }).waitFor();
        await page.getByRole('textbox', { name: /^氏名/ }).first().fill('春野 花子');
        await page.getByLabel('フリガナ').fill('ハルノ ハナコ');
        await page.getByLabel('元号').selectOption('昭和');
        await page.getByLabel('年', { exact: true }).fill('17');
        await page.getByLabel('月', { exact: true }).fill('5');
        await page.getByLabel('日', { exact: true }).fill('3');
        await page.getByText('昭和17年5月3日（1942年） 生まれ').waitFor();
      };
      await register();
      await page.getByLabel('被保険者番号（10桁）').fill('12345');
      await page.getByLabel('要介護度').selectOption({ label: '要介護2' });
      await page.getByLabel('独居').check();
      await page.getByRole('button', { name: '連絡先を追加' }).click();
      const person = page.getByRole('group', { name: '1人目' });
      await person.getByLabel('氏名').fill('春野 一郎');
      await person.getByLabel('電話番号').fill('090-1234-5678');
      await page.getByLabel('主治医の医療機関（資源マップから検索）').fill('さくら');
      await page
        .getByRole('button', { name: /さくら在宅クリニック.*を選ぶ/ })
        .first()
        .click();
      await page.getByRole('button', { name: '登録する' }).click();
      await page.getByText('被保険者番号は10桁の数字で入力してください').waitFor();
      await checkA11y(page, '/patients/new (a mistake)');
      await page.getByLabel('被保険者番号（10桁）').fill('0123456789');
      await page.getByRole('button', { name: '登録する' }).click();
      await page.getByRole('heading', { level: 1, name: '春野 花子' }).waitFor();
      await page.getByText('利用者の情報を保存しました。').waitFor();
      await page.getByText('さくら在宅クリニック').first().waitFor();
      await checkA11y(page, '/patients/:id');
      const patientUrl = page.url();

      // 2. The same person again: warned, with the way to the existing record.
      await register();
      await page.getByRole('button', { name: '登録する' }).click();
      const warning = page.getByRole('alert').filter({ hasText: '同じ方がすでに登録されていませんか' });
      await warning.waitFor();
      await warning.getByRole('link', { name: /春野 花子/ }).waitFor();
      await checkA11y(page, '/patients/new (possible duplicate)');
      await screenshot(page, 'patients-duplicate');
      await warning.getByRole('link', { name: /春野 花子/ }).click();
      await page.waitForURL(patientUrl);

      // 3. Consent: the care team and EMS, in writing; then EMS withdrawn with a reason.
      await page.getByRole('button', { name: '同意を記録する' }).click();
      const dialog = page.getByRole('dialog', { name: '同意を記録する' });
      await dialog.getByLabel('ケアチーム（多職種）での情報共有').check();
      await dialog.getByLabel('救急時の救急隊による閲覧').check();
      await checkA11y(page, '/patients/:id (recording consent)');
      await dialog.getByRole('button', { name: '同意を記録する' }).click();
      await page.getByText('同意を記録しました。').waitFor();
      const consents = page.getByRole('region', { name: '情報共有の同意' }).getByRole('table');
      await expect.poll(() => consents.getByText('有効').count()).toBe(2);
      await page.getByRole('button', { name: '救急時の救急隊による閲覧: 撤回する' }).click();
      const withdraw = page.getByRole('dialog', { name: /の同意を撤回/ });
      await withdraw.getByRole('button', { name: '撤回する' }).click();
      await withdraw.getByText('入力してください').waitFor();
      await withdraw.getByLabel('撤回の理由').fill('本人の申し出');
      await withdraw.getByRole('button', { name: '撤回する' }).click();
      await page.getByText('同意を撤回しました。この範囲での共有は止まります。').waitFor();
      await consents.getByText('理由: 本人の申し出').waitFor();
      await checkA11y(page, '/patients/:id (consent withdrawn)');
      await screenshot(page, 'patients-consent');

      // 4. A phone-sized screen reads the same record.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: '春野 花子' }).waitFor();
      await checkA11y(page, '/patients/:id (phone)');

      // 5. A nurse of another organisation: no patients listed, the URL answers 「見つからない」.
      const nurse = await (await journey.context()).newPage();
      await signIn(nurse, 'nurse', DEMO_PASSWORD, new TotpSequence(DEMO_TOTP_SECRET));
      await nurse.goto('/patients');
      await nurse.getByText('該当する利用者はいません。').waitFor();
      await nurse.goto(new URL(patientUrl).pathname);
      await nurse.getByText('この利用者は見つからないか、閲覧する権限がありません。').waitFor();
      await checkA11y(nurse, '/patients/:id (not visible)');
    });
  });
});
