// Forms as data (forms.md, "define each form once"): sections of typed fields with their choices, the
// record a field is pre-filled from, and hints for the A4 print. One definition drives the edit
// screen, validation on both sides (values.ts), the print layout and the masked FAX variant. A filled
// form keeps the definition's version it was filled with.
export type FieldType = 'text' | 'textarea' | 'date' | 'number' | 'choice' | 'multi' | 'yesno';

/** What a field can be pre-filled from: the patient record, the episode, the care manager. */
export const prefillSources = [
  'patient.name',
  'patient.kana',
  'patient.birthDate',
  'patient.age',
  'patient.sex',
  'patient.address',
  'patient.phone',
  'patient.careLevel',
  'patient.physicalIndependence',
  'patient.dementiaIndependence',
  'patient.household',
  'patient.keyPerson',
  'patient.keyPersonRelation',
  'patient.keyPersonPhone',
  'patient.medicalHistory',
  'patient.medication',
  'patient.physician',
  'patient.clinic',
  'patient.clinicPhone',
  'patient.allergies',
  'patient.insuredNumber',
  'patient.livesAlone',
  'patient.contact1Name',
  'patient.contact1Relation',
  'patient.contact1Phone',
  'patient.contact2Name',
  'patient.contact2Relation',
  'patient.contact2Phone',
  'patient.contact3Name',
  'patient.contact3Relation',
  'patient.contact3Phone',
  'patient.careManager',
  'patient.careOffice',
  'patient.careOfficePhone',
  'episode.admittedOn',
  'episode.expectedDischargeOn',
  'episode.dischargedOn',
  'episode.hospital',
  'episode.ward',
  'careManager.name',
  'careManager.office',
  'careManager.phone',
  'careManager.fax',
  'today',
] as const;
export type PrefillSource = (typeof prefillSources)[number];

export type FormField = {
  key: string;
  label: string;
  type: FieldType;
  /** choice and multi: the words of the printed form, stored as they are. */
  choices?: string[];
  maxLength?: number;
  prefill?: PrefillSource;
  /** Identifies the person: masked (initials, age, city only) in the FAX variant. */
  personal?: boolean;
  /** Print: a field on a whole line (default: half a line, two to a row). */
  wide?: boolean;
};

export type FormSection = { key: string; title: string; fields: FormField[] };

/** Every form the platform carries, by id. */
export const allFormIds = [
  'admission_info_sheet',
  'discharge_info_record',
  'emergency_info_sheet',
  'acp_record',
] as const;
/** The forms of admission and discharge (an episode's documents; a city may revise them). */
export type AdmissionFormId = 'admission_info_sheet' | 'discharge_info_record';

export type FormDefinition = {
  id: (typeof allFormIds)[number];
  version: number;
  title: string;
  /** The line under the title on paper (who gives it to whom). */
  subtitle: string;
  sections: FormSection[];
};

export type FormValue = string | string[] | boolean | number | null;
export type FormValues = Record<string, FormValue>;

export const fieldsOf = (definition: FormDefinition): FormField[] =>
  definition.sections.flatMap((section) => section.fields);

/** The choice lists several forms share (forms.md). */
export const choiceLists = {
  adl: ['自立', '見守り', '一部介助', '全介助'],
  careLevel: [
    '非該当',
    '事業対象者',
    '要支援1',
    '要支援2',
    '要介護1',
    '要介護2',
    '要介護3',
    '要介護4',
    '要介護5',
    '申請中',
    '区分変更中',
    '未申請',
  ],
  physicalIndependence: ['自立', 'J1', 'J2', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'],
  dementiaIndependence: ['自立', 'Ⅰ', 'Ⅱa', 'Ⅱb', 'Ⅲa', 'Ⅲb', 'Ⅳ', 'M'],
  procedures: [
    'なし',
    '点滴',
    '酸素療法',
    '喀痰吸引',
    '気管切開',
    '胃ろう',
    '経鼻栄養',
    '経腸栄養',
    '褥瘡処置',
    '尿道カテーテル',
    '尿路ストーマ',
    '消化管ストーマ',
    '痛みのコントロール',
    '排便コントロール',
    '自己注射(インスリン等)',
    '人工呼吸器',
    '透析',
    'その他',
  ],
} as const;
