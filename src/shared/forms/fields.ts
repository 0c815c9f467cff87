// Shorthands for writing form definitions: each says a field's type once.
import type { FormField } from './definition';

type Extra = Omit<FormField, 'key' | 'label' | 'type'>;

export const text = (key: string, label: string, extra: Extra = {}): FormField => ({
  key,
  label,
  type: 'text',
  maxLength: 200,
  ...extra,
});
export const longText = (key: string, label: string, extra: Extra = {}): FormField => ({
  key,
  label,
  type: 'textarea',
  maxLength: 2000,
  wide: true,
  ...extra,
});
export const date = (key: string, label: string, extra: Extra = {}): FormField => ({
  key,
  label,
  type: 'date',
  ...extra,
});
export const choice = (
  key: string,
  label: string,
  choices: readonly string[],
  extra: Extra = {},
): FormField => ({
  key,
  label,
  type: 'choice',
  choices,
  ...extra,
});
export const multi = (
  key: string,
  label: string,
  choices: readonly string[],
  extra: Extra = {},
): FormField => ({
  key,
  label,
  type: 'multi',
  choices,
  wide: true,
  ...extra,
});
export const yesNo = (key: string, label: string): FormField => ({ key, label, type: 'yesno' });
export const count = (key: string, label: string): FormField => ({ key, label, type: 'number' });
