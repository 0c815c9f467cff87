// 救急医療情報 (the sheet kept in the kit in the refrigerator, forms.md §5): the items ambulance
// crews read first, pre-filled from the patient record. The wishes in an emergency are not items of
// this sheet: they come from the current 人生会議 record (acp-record.ts), with its date, so the two
// never disagree.
import { choiceLists, type FormDefinition } from './definition';
import { choice, date, longText, multi, text, yesNo } from './fields';

const contact = (n: 1 | 2 | 3) => [
  text(`contact${n}Name`, `緊急連絡先${n} 氏名`, { prefill: `patient.contact${n}Name` }),
  text(`contact${n}Relation`, `緊急連絡先${n} 続柄`, { prefill: `patient.contact${n}Relation` }),
  text(`contact${n}Phone`, `緊急連絡先${n} 電話番号`, {
    prefill: `patient.contact${n}Phone`,
    maxLength: 30,
    wide: true,
  }),
];

const watchOver = (n: 1 | 2) => [
  text(`watchOver${n}Name`, `見守り${n} 氏名（民生委員・近所の方など）`),
  text(`watchOver${n}Phone`, `見守り${n} 電話番号`, { maxLength: 30 }),
];

export const emergencyInfoSheet: FormDefinition = {
  id: 'emergency_info_sheet',
  version: 1,
  title: '救急医療情報',
  subtitle: '救急医療情報キット（冷蔵庫に保管）',
  sections: [
    {
      key: 'person',
      title: '1. ご本人',
      fields: [
        text('name', '氏名', { prefill: 'patient.name' }),
        text('kana', 'フリガナ', { prefill: 'patient.kana' }),
        date('birthDate', '生年月日', { prefill: 'patient.birthDate' }),
        choice('sex', '性別', ['女', '男', 'その他'], { prefill: 'patient.sex' }),
        choice('bloodType', '血液型', ['A', 'B', 'O', 'AB', '不明']),
        choice('rh', 'Rh', ['+', '−', '不明']),
        text('address', '住所', { prefill: 'patient.address', wide: true }),
        text('phone', '電話番号', { prefill: 'patient.phone', maxLength: 30 }),
        { ...yesNo('livesAlone', 'ひとり暮らし'), prefill: 'patient.livesAlone' },
      ],
    },
    {
      key: 'contacts',
      title: '2. 緊急連絡先（連絡する順）',
      fields: [...contact(1), ...contact(2), ...contact(3)],
    },
    {
      key: 'medical',
      title: '3. かかりつけ医・ケアマネジャー',
      fields: [
        text('clinic', 'かかりつけ医療機関', { prefill: 'patient.clinic' }),
        text('physician', '主治医', { prefill: 'patient.physician' }),
        text('clinicPhone', '医療機関の電話番号', { prefill: 'patient.clinicPhone', maxLength: 30 }),
        text('otherHospitals', 'ほかに通院している医療機関', { wide: true }),
        text('careManager', 'ケアマネジャー', { prefill: 'patient.careManager' }),
        text('careOffice', '居宅介護支援事業所', { prefill: 'patient.careOffice' }),
        text('careOfficePhone', '事業所の電話番号', { prefill: 'patient.careOfficePhone', maxLength: 30 }),
        choice('careLevel', '要介護度', choiceLists.careLevel, { prefill: 'patient.careLevel' }),
      ],
    },
    {
      key: 'health',
      title: '4. 病気・薬・アレルギー',
      fields: [
        longText('conditions', '持病・これまでの大きな病気', { prefill: 'patient.medicalHistory' }),
        longText('medicines', '飲んでいる薬', { prefill: 'patient.medication' }),
        yesNo('seeMedicineNotebook', 'お薬手帳を見てください'),
        text('medicineNotebookPlace', 'お薬手帳の置き場所'),
        text('allergyDrugs', 'アレルギー（薬）', { prefill: 'patient.allergies', wide: true }),
        text('allergyFood', 'アレルギー（食べ物・その他）', { wide: true }),
        multi('devices', '医療機器・処置', [
          'なし',
          'ペースメーカー',
          '在宅酸素',
          '人工呼吸器',
          '透析',
          '胃ろう',
          '尿道カテーテル',
          'インスリン注射',
          'その他',
        ]),
      ],
    },
    {
      key: 'insurance',
      title: '5. 保険',
      fields: [
        choice('insuranceType', '医療保険の種類', [
          '後期高齢者医療',
          '国民健康保険',
          '社会保険',
          '生活保護',
          'その他',
        ]),
        text('insuranceNumber', '保険者番号・記号番号', { maxLength: 40 }),
        yesNo('insuranceCopyEnclosed', '保険証（資格確認書）の写しを同封'),
        text('careInsuredNumber', '介護保険 被保険者番号', {
          prefill: 'patient.insuredNumber',
          maxLength: 20,
        }),
      ],
    },
    {
      key: 'watch',
      title: '6. 見守り',
      fields: [...watchOver(1), ...watchOver(2)],
    },
    {
      key: 'kit',
      title: '7. キット',
      fields: [
        text('kitPlace', 'キットの保管場所', { wide: true }),
        date('writtenOn', '記入日', { prefill: 'today' }),
      ],
    },
  ],
};
