// Journey: a care manager registers a patient, records consent, creates the care team and invites a
// visiting nurse and the physician; both accept from their home pages; the nurse posts urgent vitals
// addressed to the physician, who — already on the team page — sees it appear live, reads it and
// acknowledges it, and the nurse sees “read” and the acknowledgement without reloading; a pharmacist
// outside the team gets nothing by guessing the URLs. Phone width for the nurse.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/demo/accounts';
import { PDF, PNG } from '../support/files';
import { patientWithTeam, teamWithInvitee } from './care-team';
import { checkA11y, horizontalOverflow, screenshot, signIn, TotpSequence, useJourney } from './harness';

describe('care team and timeline', () => {
  const journey = useJourney();

  // One code sequence per account for the whole file: the journeys sign the same people in within
  // a minute, and the server refuses a code of a step already used.
  const sequences = new Map<string, TotpSequence>();
  const totpOf = (loginId: string) => {
    const sequence = sequences.get(loginId) ?? new TotpSequence(DEMO_TOTP_SECRET);
    sequences.set(loginId, sequence);
    return sequence;
  };

  async function signedIn(loginId: string, phone = false): Promise<Page> {
    const page = await (await journey.context(phone)).newPage();
    await signIn(page, loginId, DEMO_PASSWORD, totpOf(loginId));
    return page;
  }

  /** An API client signed in as the account, for setting up what a journey starts from. */
  async function apiAs(loginId: string) {
    const api = await journey.api();
    expect((await api.post('/api/auth/login', { data: { loginId, password: DEMO_PASSWORD } })).status()).toBe(
      200,
    );
    const totp = await api.post('/api/auth/totp', { data: { code: await totpOf(loginId).next() } });
    expect(totp.status()).toBe(200);
    return api;
  }

  async function acceptInvitation(page: Page, teamName: string): Promise<void> {
    await page.goto('/home');
    const invitation = page.getByRole('listitem').filter({ hasText: teamName });
    await invitation.waitFor();
    await checkA11y(page, '/home (an invitation)');
    await invitation.getByRole('button', { name: '参加する' }).click();
    await page.getByRole('heading', { level: 1, name: teamName }).waitFor();
  }

  it('creates a team, invites, posts urgent vitals that arrive live, and shows who has read them', async () => {
    await journey.run('teams', async () => {
      // 1. The care manager: patient, consent, team, invitations.
      const cm = await signedIn('caremanager');
      await cm.goto('/patients/new');
      await cm.getByRole('textbox', { name: /^氏名/ }).first().fill('冬木 ハル');
      await cm.getByLabel('フリガナ').fill('フユキ ハル');
      await cm.getByLabel('元号').selectOption('昭和');
      await cm.getByLabel('年', { exact: true }).fill('10');
      await cm.getByLabel('月', { exact: true }).fill('2');
      await cm.getByLabel('日', { exact: true }).fill('14');
      await cm.getByRole('button', { name: '登録する' }).click();
      await cm.getByRole('heading', { level: 1, name: '冬木 ハル' }).waitFor();
      const patientUrl = new URL(cm.url()).pathname;
      await cm.getByRole('button', { name: '同意を記録する' }).click();
      const consent = cm.getByRole('dialog', { name: '同意を記録する' });
      await consent.getByLabel('ケアチーム（多職種）での情報共有').check();
      await consent.locator('input[type=file]').setInputFiles({
        name: '同意書.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await consent.getByText(/同意書\.pdf（1 KB）/).waitFor();
      await consent.getByRole('button', { name: '同意を記録する' }).click();
      await cm.getByText('同意を記録しました。').waitFor();
      const scan = await cm.request.get(
        (await cm.getByRole('link', { name: '写しを開く' }).getAttribute('href')) ?? '',
      );
      expect(scan.headers()['content-type']).toBe('application/pdf');

      await cm.getByRole('button', { name: 'チームを作る' }).click();
      const create = cm.getByRole('dialog', { name: 'ケアチームを作る' });
      await checkA11y(cm, '/patients/:id (creating a team)');
      await create.getByRole('button', { name: 'チームを作る' }).click();
      const teamName = '冬木 ハルさんのケアチーム';
      await cm.getByRole('heading', { level: 1, name: teamName }).waitFor();
      const teamUrl = new URL(cm.url()).pathname;
      for (const [search, name, role] of [
        ['ツバサ', '翼 まどか', '訪問看護'],
        ['サクライ', '桜井 健一', '主治医'],
      ] as const) {
        await cm.getByLabel('氏名・フリガナで探す').fill(search);
        await cm.getByRole('button', { name: '探す' }).click();
        const row = cm
          .getByRole('listitem')
          .filter({ hasText: name })
          .filter({ has: cm.getByRole('button', { name: '招待する' }) });
        await expect.poll(() => row.getByLabel('チームでの役割').inputValue()).toBeTruthy();
        await row.getByLabel('チームでの役割').selectOption({ label: role });
        await row.getByRole('button', { name: '招待する' }).click();
        await cm.getByText(`${name} さんを招待しました。`).waitFor();
      }
      await checkA11y(cm, '/teams/:id (owner, two invitations)');
      // The care manager turns to the home page (an open team page would read the posts too).
      await cm.goto('/home');

      // 2. Both accept from their home pages; the physician stays on the team page.
      const doctor = await signedIn('doctor');
      await acceptInvitation(doctor, teamName);
      const nurse = await signedIn('nurse', true);
      await acceptInvitation(nurse, teamName);
      expect(await horizontalOverflow(nurse)).toBeLessThanOrEqual(0);

      // 3. The nurse posts urgent vitals with a photo to the physician.
      await nurse.locator('label', { hasText: /^バイタル$/ }).click();
      await expect.poll(() => nurse.getByRole('radio', { name: 'バイタル' }).isChecked()).toBe(true);
      await nurse.getByLabel('血圧（上）（mmHg）').fill('１７２');
      await nurse.getByLabel('血圧（下）（mmHg）').fill('96');
      await nurse.getByLabel('脈拍（回/分）').fill('88');
      await nurse.getByLabel('SpO2（%）').fill('95');
      await nurse.getByLabel('ひとこと（省略可）').fill('頭痛の訴えあり。指示をお願いします。');
      await nurse
        .locator('input[type=file]')
        .setInputFiles({ name: '顔色.png', mimeType: 'image/png', buffer: PNG });
      await nurse.getByText(/顔色\.(png|jpg)（1 KB）/).waitFor();
      await nurse.getByLabel(/^至急/).check();
      await nurse.getByRole('group', { name: /宛先/ }).getByLabel('桜井 健一').check();
      await checkA11y(nurse, '/teams/:id (phone, writing an urgent post)');
      await nurse.getByRole('button', { name: '投稿する' }).click();
      const nursePost = nurse.getByRole('article', { name: '至急: 翼 まどか' });
      await nursePost.getByText(/既読 [01]\/2/).waitFor(); // the physician's open page may read it at once

      // 4. Live on the physician's open page: it appears, is read, and acknowledged.
      const doctorPost = doctor.getByRole('article', { name: '至急: 翼 まどか' });
      await doctorPost.getByText('172/96 mmHg').waitFor();
      await doctorPost.getByText('頭痛の訴えあり。指示をお願いします。').waitFor();
      const photo = doctorPost.getByRole('img', { name: /^顔色/ });
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await doctor.getByRole('img', { name: '血圧の推移（直近30日）' }).waitFor();
      await doctorPost.getByText('宛先: 桜井 健一').waitFor();
      await nursePost.getByText('既読 1/2').waitFor();
      await checkA11y(doctor, '/teams/:id (an urgent post arrived)');
      await screenshot(doctor, 'team-urgent-arrived');
      await doctorPost.getByRole('button', { name: '確認しました' }).click();
      await nursePost.getByText('確認済み: 桜井 健一').waitFor();
      await nursePost.getByRole('button', { name: '既読 1/2' }).click();
      const receipts = nurse.getByRole('dialog', { name: '既読の状況' });
      await receipts.getByText(/桜井 健一（さくら在宅クリニック）/).waitFor();
      await receipts.getByText('青空 ひろし（あおぞらケアプランセンター）').waitFor();
      await checkA11y(nurse, '/teams/:id (phone, read receipts)');
      await screenshot(nurse, 'team-receipts-phone');
      await receipts.getByRole('button', { name: '閉じる' }).click();

      // 5. The care manager's home lists the urgent post (live) until acknowledged.
      const urgent = cm
        .getByRole('region', { name: '至急の連絡（確認待ち）' })
        .or(cm.locator('section', { hasText: '至急の連絡（確認待ち）' }));
      await urgent.getByText(teamName).first().waitFor();
      await checkA11y(cm, '/home (urgent waiting)');
      await screenshot(cm, 'home-care');

      // 6. The care-team meeting by poll: two dates, the physician answers, the owner fixes one.
      const inDays = (days: number) =>
        new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
      await cm.goto(teamUrl);
      await cm.getByRole('button', { name: '日程調整を始める' }).click();
      const propose = cm.getByRole('dialog', { name: '担当者会議の日程調整' });
      await propose.getByLabel('日付').fill(inDays(3));
      await propose.getByRole('button', { name: '候補を追加' }).click();
      await propose.getByRole('group', { name: '候補 2' }).getByLabel('日付').fill(inDays(4));
      await checkA11y(cm, '/teams/:id (proposing meeting dates)');
      await propose.getByRole('button', { name: '日程調整を始める' }).click();
      const poll = doctor.getByRole('article', { name: 'サービス担当者会議' });
      await poll.getByText('○0 △0 ×0').first().waitFor();
      const second = poll.getByRole('radiogroup', { name: /のあなたの回答/ }).nth(1);
      await second.getByLabel('○ 参加できる').check();
      await poll
        .getByRole('radiogroup', { name: /のあなたの回答/ })
        .first()
        .getByLabel('× 参加できない')
        .check();
      await poll.getByRole('button', { name: '回答する' }).click();
      await poll.getByText('回答しました。').waitFor();
      const cmPoll = cm.getByRole('article', { name: 'サービス担当者会議' });
      await cmPoll.getByText('○1 △0 ×0').waitFor();
      await checkA11y(cm, '/teams/:id (answers arrived)');
      await cmPoll.getByRole('button', { name: 'この日時に決める' }).nth(1).click();
      await cm.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
      const calendarLink = nurse.getByRole('link', { name: 'カレンダーに追加（iCalendar）' });
      await calendarLink.waitFor();
      await nurse.getByText(/「サービス担当者会議」は .* に決まりました。/).waitFor();
      const ics = await nurse.request.get((await calendarLink.getAttribute('href')) ?? '');
      expect(await ics.text()).toContain('SUMMARY:サービス担当者会議');
      await screenshot(nurse, 'team-meeting-fixed-phone');

      // 7. A pharmacist outside the team finds nothing by the URLs.
      const outsider = await signedIn('pharmacist');
      await outsider.goto(teamUrl);
      await outsider.getByText('このチームは見つからないか、参加していません。').waitFor();
      await outsider.goto(patientUrl);
      await outsider.getByText('この利用者は見つからないか、閲覧する権限がありません。').first().waitFor();
      expect(await outsider.getByText('冬木 ハル').count()).toBe(0);
    });
  });

  it('sends one notice to several teams from a phone', async () => {
    await journey.run('teams-broadcast', async () => {
      // Two teams of the care manager's, the nurse invited to both (set up through the API).
      const cm = await apiAs('caremanager');
      const teams = ['一色 はなさんのケアチーム', '二宮 たろうさんのケアチーム'];
      for (const [name, kana] of [
        ['一色 はな', 'イッシキ ハナ'],
        ['二宮 たろう', 'ニノミヤ タロウ'],
      ] as const)
        await teamWithInvitee(cm, name, kana, '翼 まどか');

      // The nurse joins both from her phone, then writes once.
      const nurse = await signedIn('nurse', true);
      for (const team of teams) {
        await nurse.goto('/home');
        await nurse
          .getByRole('listitem')
          .filter({ hasText: team })
          .getByRole('button', { name: '参加する' })
          .click();
        await nurse.getByRole('heading', { level: 1, name: team }).waitFor();
      }
      await nurse.goto('/home');
      await nurse.getByRole('link', { name: '複数のチームへ同じ連絡を送る' }).click();
      await nurse.getByRole('heading', { level: 1, name: '複数のチームへ同じ連絡' }).waitFor();
      await nurse.getByRole('button', { name: '送る' }).click();
      await nurse.getByText('送り先のチームを2つ以上選んでください').waitFor();
      await checkA11y(nurse, '/teams/broadcast (a mistake)');
      for (const team of teams) await nurse.getByLabel(team).check();
      await nurse
        .getByLabel('連絡の内容')
        .fill('年末年始（12/29〜1/3）の訪問はお休みです。緊急時は携帯 090-0000-0000 へ。');
      await nurse.getByRole('button', { name: '送る' }).click();
      await nurse.getByText('2チームに投稿しました。').waitFor();
      await checkA11y(nurse, '/teams/broadcast (sent)');
      expect(await horizontalOverflow(nurse)).toBeLessThanOrEqual(0);
      await nurse.goto('/home');
      await nurse.getByRole('link', { name: teams[1] }).click();
      await nurse.getByText(/年末年始（12\/29〜1\/3）の訪問はお休みです/).waitFor();
    });
  });

  it('lets a family member join by code on a phone and see only what is shared with the family', async () => {
    await journey.run('teams-family', async () => {
      // A team whose patient consented to sharing with the care team and the family (API).
      const cm = await signedIn('caremanager');
      const api = await apiAs('caremanager');
      const { team } = await patientWithTeam(
        api,
        { name: '三木 さと', kana: 'ミキ サト', birthDate: '1938-03-03' },
        ['care_team', 'family'],
      );
      await api.post(`/api/teams/${team.id}/posts`, {
        data: { body: '認知機能の評価: HDS-R 18点（専門職のみ）' },
      });
      // A week of vitals (the last one shared with the family) and a visit report with a photo.
      const week: [number, number, number, number][] = [
        [6, 138, 82, 36.4],
        [4, 142, 86, 36.6],
        [2, 151, 90, 37.2],
        [0, 136, 80, 36.5],
      ];
      for (const [daysAgo, systolic, diastolic, temperature] of week) {
        const measuredAt = new Date(Date.now() - daysAgo * 86_400_000 - 3_600_000).toISOString();
        const vitals = { measuredAt, systolic, diastolic, temperature, pulse: 72 + daysAgo };
        const posted = await api.post(`/api/teams/${team.id}/posts`, {
          data: { kind: 'vitals', vitals, forFamily: daysAgo === 0 },
        });
        expect(posted.status()).toBe(201);
      }
      const photo = Buffer.from(
        (
          await cm.evaluate(() => {
            const canvas = document.createElement('canvas');
            canvas.width = 480;
            canvas.height = 320;
            const g = canvas.getContext('2d') as CanvasRenderingContext2D;
            g.fillStyle = '#d9e7f5';
            g.fillRect(0, 0, 480, 320);
            g.fillStyle = '#8a6d3b';
            g.fillRect(60, 160, 360, 110);
            return canvas.toDataURL('image/png');
          })
        ).split(',')[1] ?? '',
        'base64',
      );
      const file = await (
        await api.post(`/api/teams/${team.id}/files`, {
          data: photo,
          headers: {
            'content-type': 'application/octet-stream',
            'x-file-name': encodeURIComponent('ベッド周り.png'),
          },
        })
      ).json();
      const report = await api.post(`/api/teams/${team.id}/posts`, {
        data: {
          kind: 'visit_report',
          forFamily: true,
          attachmentIds: [file.id],
          visitReport: {
            visitedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }),
            startTime: '10:00',
            endTime: '10:40',
            condition: '表情は穏やかで、昼食は8割召し上がりました。',
            care: 'ベッド周りの環境を確認し、手すりの位置を調整しました。',
            handover: '夜間のトイレ移動に付き添いをお願いします。',
          },
        },
      });
      expect(report.status(), await report.text()).toBe(201);

      // The care manager issues the code on the team page (the week's vitals drawn beside it).
      await cm.goto(`/teams/${team.id}`);
      await cm.getByRole('img', { name: '血圧の推移（直近30日）' }).waitFor();
      await cm.getByText('ベッド周りの環境を確認し、手すりの位置を調整しました。').waitFor();
      await checkA11y(cm, '/teams/:id (vitals chart, visit report)');
      await screenshot(cm, 'team-vitals-visit-report');
      await cm.getByRole('button', { name: 'ご家族を招待する' }).click();
      const dialog = cm.getByRole('dialog', { name: 'ご家族を招待する' });
      await dialog.getByLabel('お名前').fill('三木 一郎');
      await dialog.getByRole('button', { name: 'コードを発行する' }).click();
      const code = await dialog.getByLabel('参加コード').inputValue();
      const link = await dialog.getByLabel('参加用のリンク').inputValue();
      await checkA11y(cm, '/teams/:id (family code issued)');
      await dialog.getByRole('button', { name: '閉じる' }).last().click();
      expect(link).toContain(`/family/join#${code}`);

      // The family member opens the link on a phone and joins.
      const phone = await (await journey.context(true)).newPage();
      await phone.goto(new URL(link).pathname + new URL(link).hash);
      await phone.getByRole('heading', { level: 1, name: 'ご家族の参加' }).waitFor();
      expect(await phone.getByLabel('参加コード').inputValue()).toBe(code);
      await checkA11y(phone, '/family/join');
      await phone.getByRole('button', { name: '参加する' }).click();
      await phone.getByRole('heading', { level: 1, name: '三木 さと さんのケアチーム' }).waitFor();
      // The visit report with its photo and the last vitals are shared; the earlier vitals are not.
      await phone.getByText('夜間のトイレ移動に付き添いをお願いします。').waitFor();
      const familyPhoto = phone.getByRole('img', { name: 'ベッド周り.png' });
      await expect.poll(() => familyPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
      await phone.getByText('136/80 mmHg').waitFor();
      expect(await phone.getByText('151/90 mmHg').count()).toBe(0);

      // A post shared with the family reaches the phone; the professional-only one never does.
      await cm.getByLabel('チームへの連絡').fill('来週月曜からデイサービスが始まります。9時にお迎えです。');
      await cm.getByLabel(/^家族にも見せる/).check();
      await cm.getByRole('button', { name: '投稿する' }).click();
      await phone.reload();
      await phone.getByText('来週月曜からデイサービスが始まります。9時にお迎えです。').waitFor();
      expect(await phone.getByText(/HDS-R/).count()).toBe(0);
      await phone.getByLabel('チームへのメッセージ').fill('わかりました。お弁当は要りますか？');
      await phone.getByRole('button', { name: '送る' }).click();
      await phone.getByText('送りました。').waitFor();
      await checkA11y(phone, '/family (phone)');
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await screenshot(phone, 'family-phone');

      // The care manager sees the family's message live, marked as the family's.
      const fromFamily = cm.getByRole('article', { name: '三木 一郎' });
      await fromFamily.getByText('わかりました。お弁当は要りますか？').waitFor();
      await fromFamily.getByText('家族（子）').waitFor();

      // The family session opens no professional page.
      await phone.goto(`/teams/${team.id}`);
      await phone.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    });
  });

  it('lets an organisation admin hand the place of someone who left over to a colleague', async () => {
    await journey.run('teams-hand-over', async () => {
      // The second nurse of つばさ is in a team, then leaves the organisation (API).
      const team = await teamWithInvitee(
        await apiAs('caremanager'),
        '五十嵐 きよ',
        'イガラシ キヨ',
        '森 はるか',
      );
      const leaver = await apiAs('nurse2');
      const home = await (await leaver.get('/api/home/care')).json();
      const invitation = home.invitations.find((i: { teamId: string }) => i.teamId === team.id);
      expect((await leaver.post(`/api/invitations/${invitation.memberId}/accept`)).status()).toBe(200);
      const me = await (await leaver.get('/api/me')).json();
      const orgId = me.memberships[0].organisationId;
      const admin = await apiAs('nurse');
      expect((await admin.delete(`/api/orgs/${orgId}/members/${me.user.id}`)).status()).toBe(200);

      // The admin finds the place waiting on the organisation's page and hands it over to herself.
      const page = await signedIn('nurse');
      await page.goto(`/orgs/${orgId}`);
      const places = page.getByRole('region', { name: 'ケアチームでの担当' });
      await places.getByText('この組織に所属していません（引き継ぎ待ち）').waitFor();
      await checkA11y(page, '/orgs/:id (team places)');
      await places.getByRole('button', { name: `森 はるか さんの「${team.name}」の担当を引き継ぐ` }).click();
      const dialog = page.getByRole('dialog', { name: `「${team.name}」の担当を引き継ぐ` });
      await dialog.getByLabel('引き継ぐ方').selectOption({ label: '翼 まどか' });
      await checkA11y(page, '/orgs/:id (handing over)');
      await dialog.getByRole('button', { name: '引き継ぐ' }).click();
      await page.getByText(`${team.name} の担当を引き継ぎました。`).waitFor();
      await screenshot(page, 'org-team-places');
      await page.goto(`/teams/${team.id}`);
      await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    });
  });

  it('lets a system admin read a team for an hour with a reason, seen by its members', async () => {
    await journey.run('teams-support-access', async () => {
      // The care manager's browser sets the team up (one sign-in: a code is good once per 30 s).
      const cm = await signedIn('caremanager');
      const team = await teamWithInvitee(cm.request, '六車 ふみ', 'ムグルマ フミ', '翼 まどか');
      await team.post(`/api/teams/${team.id}/posts`, { body: '写真が表示されないとの相談がありました。' });
      const teamUrl = `${journey.baseUrl}/teams/${team.id}`;

      const admin = await signedIn('admin');
      await admin.goto('/admin/support-access');
      await admin.getByLabel('チームのURLまたはID').fill(teamUrl);
      await admin.getByLabel('理由').fill('確認');
      await admin.getByRole('button', { name: '理由を記録して閲覧する' }).click();
      await admin
        .getByText('理由は10文字以上で、問い合わせの番号や内容が分かるように書いてください')
        .waitFor();
      await checkA11y(admin, '/admin/support-access (a short reason)');
      await admin.getByLabel('理由').fill('問い合わせ #2026-118: 写真が表示されない件の確認');
      await admin.getByRole('button', { name: '理由を記録して閲覧する' }).click();
      await admin.getByRole('heading', { level: 1, name: team.name }).waitFor();
      await admin.getByText(/システム管理者としての監査付き閲覧です/).waitFor();
      await admin.getByText('写真が表示されないとの相談がありました。').waitFor();
      expect(await admin.getByLabel('チームへの連絡').count()).toBe(0);
      await checkA11y(admin, '/teams/:id (audited access)');
      await screenshot(admin, 'team-support-access');

      await cm.goto(`/teams/${team.id}`);
      await cm.getByText(/（システム管理者）が問い合わせの調査のため、このチームを閲覧しています/).waitFor();
      await admin.goto('/admin/support-access');
      await admin.getByRole('link', { name: team.name }).waitFor();
    });
  });
});
