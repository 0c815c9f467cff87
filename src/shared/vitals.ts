// Vital signs (バイタル) a team records on its timeline: the measures, their units and the range a
// value must fall in to be taken (outside it, the number is a typing slip, not a reading).
import type { Labelled } from './labelled';

export const vitalMeasures = [
  { code: 'systolic', ja: '血圧（上）', en: 'Systolic BP', unit: 'mmHg', min: 40, max: 300, step: 1 },
  { code: 'diastolic', ja: '血圧（下）', en: 'Diastolic BP', unit: 'mmHg', min: 20, max: 200, step: 1 },
  { code: 'pulse', ja: '脈拍', en: 'Pulse', unit: '回/分', min: 20, max: 250, step: 1 },
  { code: 'temperature', ja: '体温', en: 'Temperature', unit: '℃', min: 30, max: 45, step: 0.1 },
  { code: 'spo2', ja: 'SpO2', en: 'SpO2', unit: '%', min: 50, max: 100, step: 1 },
  { code: 'respiratoryRate', ja: '呼吸数', en: 'Respiratory rate', unit: '回/分', min: 4, max: 80, step: 1 },
  { code: 'weight', ja: '体重', en: 'Weight', unit: 'kg', min: 1, max: 300, step: 0.1 },
  // 食事量 in tenths of a full meal (割), as care records write it.
  { code: 'mealIntake', ja: '食事量', en: 'Meal intake', unit: '割', min: 0, max: 10, step: 1 },
] as const satisfies readonly (Labelled<string> & { unit: string; min: number; max: number; step: number })[];
export type VitalMeasure = (typeof vitalMeasures)[number]['code'];

/** 排便: none, or the stool's form. */
export const bowelMovements = [
  { code: 'none', ja: 'なし', en: 'None' },
  { code: 'normal', ja: 'あり（普通便）', en: 'Normal' },
  { code: 'soft', ja: 'あり（軟便）', en: 'Soft' },
  { code: 'diarrhea', ja: 'あり（下痢）', en: 'Diarrhoea' },
  { code: 'hard', ja: 'あり（硬便）', en: 'Hard' },
] as const satisfies readonly Labelled<string>[];
export const bowelCodes = bowelMovements.map((b) => b.code) as [string, ...string[]];

/** What a chart can draw (blood pressure as one chart of both values). */
export const vitalCharts = [
  { code: 'bloodPressure', measures: ['systolic', 'diastolic'] },
  { code: 'pulse', measures: ['pulse'] },
  { code: 'temperature', measures: ['temperature'] },
  { code: 'spo2', measures: ['spo2'] },
  { code: 'respiratoryRate', measures: ['respiratoryRate'] },
  { code: 'weight', measures: ['weight'] },
  { code: 'mealIntake', measures: ['mealIntake'] },
] as const satisfies readonly { code: string; measures: readonly VitalMeasure[] }[];
export type VitalChart = (typeof vitalCharts)[number]['code'];
