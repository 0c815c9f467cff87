// The values of a filled form checked against its definition (on the server and in the browser), and
// the FAX variant: fields that identify the person masked — the name to initials, the rest left out.
import { z } from 'zod';
import { calendarDate } from '../schemas/common';
import { type FormDefinition, type FormField, type FormValues, fieldsOf } from './definition';

function fieldSchema(field: FormField): z.ZodType {
  const label = field.label;
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const max = field.maxLength ?? 200;
      return z.string().max(max, `${label}は${max}文字以内で入力してください。`);
    }
    case 'date':
      return calendarDate(label).or(z.literal(''));
    case 'number':
      return z
        .number(`${label}は数字で入力してください。`)
        .int(`${label}は整数で入力してください。`)
        .min(0, `${label}は0以上で入力してください。`)
        .max(999, `${label}は999以下で入力してください。`);
    case 'choice':
      return z
        .enum((field.choices ?? []) as [string, ...string[]], `${label}は選択肢から選んでください。`)
        .or(z.literal(''));
    case 'multi':
      return z.array(
        z.enum((field.choices ?? []) as [string, ...string[]], `${label}は選択肢から選んでください。`),
      );
    case 'yesno':
      return z.boolean(`${label}は「あり」か「なし」を選んでください。`);
  }
}

/** Every field optional (a form is saved while being filled); unknown keys refused. */
export function formValuesSchema(definition: FormDefinition) {
  return z.strictObject(
    Object.fromEntries(
      fieldsOf(definition).map((field) => [field.key, fieldSchema(field).nullable().optional()]),
    ),
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'この様式にない項目があります。' : undefined) },
  );
}

/** The name as initials, from its reading when there is one: ヤマダ ハナコ → ヤ・ハ. */
export function initialsOf(name: string, kana: string | undefined): string {
  const source = (kana || name).trim();
  return source
    .split(/[\s　]+/)
    .filter(Boolean)
    .map((part) => part[0])
    .join('・');
}

const CITY = /^(.+?[都道府県])?(.+?[市区町村])/;

/**
 * The values for the FAX variant: the name as initials, the address as its city, and the other
 * personal fields (birth date, phone, carers' names and numbers) left blank.
 */
export function maskForFax(definition: FormDefinition, values: FormValues): FormValues {
  const masked: FormValues = { ...values };
  for (const field of fieldsOf(definition)) {
    if (!field.personal) continue;
    const value = values[field.key];
    if (field.key === 'name' && typeof value === 'string')
      masked.name = initialsOf(value, typeof values.kana === 'string' ? values.kana : undefined);
    else if (field.key === 'address' && typeof value === 'string')
      masked.address = value.match(CITY)?.[0] ?? '';
    else masked[field.key] = null;
  }
  return masked;
}

/** The keys whose values differ between two fillings of a form (an absent value is null). */
export const changedKeys = (a: FormValues, b: FormValues): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null),
  );
