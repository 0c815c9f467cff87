// The family pages' words (家族), in plain language, loaded with those pages as the `family` namespace.
import i18n from '../../i18n';

export const familyJa = {
  join: {
    title: 'ご家族の参加',
    lead: 'ケアマネジャーから受け取った参加コード（10文字）を入れてください。',
    code: '参加コード',
    hint: '例: ABCDE-FGH23（大文字・小文字、ハイフンはどちらでも構いません）',
    submit: '参加する',
  },
  page: {
    title: '{{name}} さんのケアチーム',
    lead: '担当の専門職がご家族向けに共有した連絡です。',
    hello: '{{name}} さん',
    none: 'まだご家族向けの連絡はありません。',
    closed: 'このチームは終了しました。これまでの連絡は読めますが、書き込みはできません。',
    write: 'チームへのメッセージ',
    writeHint:
      '気になること、伝えたいことを書いてください。担当の専門職全員が読みます。急ぎのときは電話してください。',
    send: '送る',
    sent: '送りました。',
    retracted: 'この連絡は取り消されました。',
    you: 'ご家族（{{relation}}）',
    by: '{{organisation}}・{{role}}',
    leave: 'この端末での参加を終える',
    notJoined: 'この端末では参加していません。',
    toJoin: '参加コードを入れる',
  },
};

const familyEn: typeof familyJa = {
  join: {
    title: 'Family access',
    lead: 'Enter the joining code (10 characters) you received from the care manager.',
    code: 'Joining code',
    hint: 'For example ABCDE-FGH23 (any case, with or without the hyphen)',
    submit: 'Join',
  },
  page: {
    title: '{{name}}’s care team',
    lead: 'Messages the professionals have shared with the family.',
    hello: '{{name}}',
    none: 'No messages for the family yet.',
    closed: 'This team has closed. Earlier messages stay readable; nothing more can be written.',
    write: 'Message to the team',
    writeHint:
      'Write what worries you or what they should know. Every professional in the team reads it. Call them when it is urgent.',
    send: 'Send',
    sent: 'Sent.',
    retracted: 'This message was withdrawn.',
    you: 'Family ({{relation}})',
    by: '{{organisation}} · {{role}}',
    leave: 'Stop using this device',
    notJoined: 'This device has not joined.',
    toJoin: 'Enter a joining code',
  },
};

if (!i18n.hasResourceBundle('ja', 'family')) {
  i18n.addResourceBundle('ja', 'family', familyJa);
  i18n.addResourceBundle('en', 'family', familyEn);
}
