// The demo city's admission and discharge support rule: a plausible example, labelled as one, so that
// the deadlines can be tried out. Not any city's actual rule.
import type { RuleParameters } from '../../shared/schemas/admission-rule';

export const demoRule: { title: string; body: string; effectiveFrom: string; parameters: RuleParameters } = {
  title: '入退院支援ルール（例）',
  effectiveFrom: '2026-04-01',
  parameters: {
    dayCounting: 'business',
    yearEndClosure: { from: '12-29', to: '01-03' },
    admissionInfoDays: 3,
    dischargeNoticeDaysBefore: 3,
    conferenceCriteria:
      '退院後に医療処置（点滴、喀痰吸引、胃ろう等）が続く方、要介護度が大きく変わる見込みの方、独居や老老介護で在宅生活に不安がある方',
    dischargeInfoDays: 5,
    // Since the 2024 revision: (I) on the day of admission, (II) within the following two days.
    admissionInfoFees: [
      { label: '入院時情報連携加算(I)', units: 250, withinDays: 0 },
      { label: '入院時情報連携加算(II)', units: 200, withinDays: 2 },
    ],
  },
  body: [
    'このルールは、デモ用の例です。実際の市のルールではありません。',
    '',
    '1. 入院時: ケアマネジャーは、担当する利用者の入院を知ったら、入院日から3営業日以内に「入院時情報提供書」を病院の入退院支援窓口へ提供します。',
    '2. 退院見込み: 病院は、退院後に支援が必要な方について、退院予定日の3営業日前までにケアマネジャーへ連絡します。ケアマネジャーがいない方は、地域包括支援センターへ連絡します。',
    '3. 退院前カンファレンス: 対象となる方について、病院は退院前にケアマネジャー、訪問看護、かかりつけ医等と退院前カンファレンスを開きます。',
    '4. 退院時: ケアマネジャーは、病院から聞き取った内容を「退院・退所情報記録書」に、退院日から5営業日以内に記録します。',
    '',
    '営業日は、土日・祝日と年末年始（12月29日〜1月3日）を除いて数えます。',
  ].join('\n'),
};
