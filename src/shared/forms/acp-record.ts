// 人生会議 (ACP) の記録 (forms.md §6): one discussion — who took part, what matters to the person, their
// wishes on the place of care and of death and on each treatment, the surrogate decision-maker, what
// was decided and what is still open. Versioned: the person may change their mind at any time, and the
// latest confirmed version is the current one (its summary feeds the emergency sheet).
import type { FormDefinition } from './definition';
import { choice, date, longText, text, yesNo } from './fields';

/** A wish on a treatment: the same three answers for each. */
export const treatmentWishes = ['希望する', '希望しない', '決めていない'];
const place = ['自宅', '施設', '病院', '決めていない'];
const wish = (key: string, label: string) => choice(key, label, treatmentWishes);

export const acpRecord: FormDefinition = {
  id: 'acp_record',
  version: 1,
  title: '人生会議（ACP）の記録',
  subtitle: 'もしものときの医療・ケアについての話し合い',
  sections: [
    {
      key: 'discussion',
      title: '1. 話し合い',
      fields: [
        date('discussedOn', '話し合った日', { prefill: 'today' }),
        yesNo('personPresent', 'ご本人が参加'),
        text('family', '参加した家族（氏名・続柄）', { wide: true }),
        text('professionals', '参加した専門職（氏名・職種）', { wide: true }),
        choice('capacity', 'ご本人の意思決定能力（判断）', [
          'ご本人が決められる',
          '支援があれば決められる',
          'ご本人が決めるのは難しい',
        ]),
      ],
    },
    {
      key: 'values',
      title: '2. 大切にしていること',
      fields: [
        longText('values', '大切にしていること・生きがい'),
        longText('fears', '心配なこと・してほしくないこと'),
      ],
    },
    {
      key: 'place',
      title: '3. 過ごしたい場所',
      fields: [
        choice('placeOfCare', '療養したい場所', place),
        choice('placeOfDeath', '最期を迎えたい場所', place),
      ],
    },
    {
      key: 'treatment',
      title: '4. 医療についての希望',
      fields: [
        wish('cpr', '心肺蘇生（心臓マッサージなど）'),
        wish('ventilation', '人工呼吸器'),
        wish('tubeFeeding', '胃ろう・経管栄養'),
        wish('ivFluids', '点滴'),
        wish('dialysis', '透析'),
        wish('transport', '病院への救急搬送'),
        wish('painRelief', '痛みや苦しさを和らげる治療'),
        text('preferredHospital', '希望する病院'),
      ],
    },
    {
      key: 'surrogate',
      title: '5. 代わりに決めてほしい人',
      fields: [
        text('surrogateName', '氏名'),
        text('surrogateRelation', '続柄'),
        text('surrogatePhone', '電話番号', { maxLength: 30 }),
      ],
    },
    {
      key: 'outcome',
      title: '6. 話し合いの結果',
      fields: [
        longText('decided', '決まったこと'),
        longText('open', 'まだ決まっていないこと'),
        date('nextReviewOn', '次に話し合う予定'),
        longText('note', 'そのほか'),
      ],
    },
  ],
};

/** The wishes an ambulance crew needs first, in the order the emergency sheet prints them. */
export const emergencyWishKeys = [
  'cpr',
  'transport',
  'ventilation',
  'tubeFeeding',
  'ivFluids',
  'dialysis',
  'painRelief',
  'preferredHospital',
] as const;
