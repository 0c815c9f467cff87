// Shorthands for writing form definitions: each says a field's type (and its usual print width) once.
import { choiceLists, type FieldType, type FormField } from './definition';

type Extra = Omit<FormField, 'key' | 'label' | 'type'>;

const field =
  (type: FieldType, defaults: Extra = {}) =>
  (key: string, label: string, extra: Extra = {}): FormField => ({ key, label, type, ...defaults, ...extra });

const withChoices =
  (type: 'choice' | 'multi', defaults: Extra = {}) =>
  (key: string, label: string, choices: readonly string[], extra: Extra = {}): FormField =>
    field(type, defaults)(key, label, { choices: [...choices], ...extra });

export const text = field('text', { maxLength: 200 });
export const longText = field('textarea', { maxLength: 2000, wide: true });
export const date = field('date');
export const count = field('number');
export const choice = withChoices('choice');
/** Several of the choices; on a line of its own. */
export const multi = withChoices('multi', { wide: true });
export const yesNo = (key: string, label: string): FormField => field('yesno')(key, label);

/** A daily activity by the ADL levels (自立 / 見守り / 一部介助 / 全介助). */
export const adl = (key: string, label: string): FormField => choice(key, label, choiceLists.adl);

/** The daily activities both forms ask, in the order of the MHLW examples (移乗 … 食事). */
export const dailyActivities: FormField[] = [
  adl('transfer', '移乗'),
  adl('dressing', '更衣'),
  adl('rising', '起居動作'),
  adl('grooming', '整容'),
  adl('bathing', '入浴'),
  adl('eating', '食事'),
];
/** Meals, swallowing and the mouth, in the words of both forms. */
export const mealForm = choice('mealForm', '食形態', ['普通', 'きざみ', '嚥下調整食', 'ミキサー']);
export const swallowing = choice('swallowing', '嚥下機能（むせ）', ['なし', '時々', '常に']);
export const oralHygiene = choice('oralHygiene', '口腔清潔', ['良', '不良', '著しく不良']);
