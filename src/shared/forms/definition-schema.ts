// A form definition as data (what a city uploads to revise a form): checked so that every definition
// the platform stores can drive the edit screen, the validation and the print — unique keys, choices
// where a field has them and nowhere else, prefill sources that exist.
import { z } from 'zod';
import { allFormIds, type FormDefinition, prefillSources } from './definition';

const name = (what: string, max: number) =>
  z.string().trim().min(1, `${what}を入力してください。`).max(max, `${what}は${max}文字以内にしてください。`);

const fieldSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9]{0,49}$/, '項目のキーは英字で始まる英数字（50文字まで）にしてください。'),
    label: name('項目名', 100),
    type: z.enum(['text', 'textarea', 'date', 'number', 'choice', 'multi', 'yesno'], {
      error: '項目の種類は text, textarea, date, number, choice, multi, yesno のどれかにしてください。',
    }),
    choices: z.array(name('選択肢', 50)).max(40, '選択肢は40までにしてください。').optional(),
    maxLength: z.int().min(1).max(20_000).optional(),
    prefill: z.enum(prefillSources, { error: '記入元（prefill）が正しくありません。' }).optional(),
    personal: z.boolean().optional(),
    wide: z.boolean().optional(),
  })
  .strict()
  .refine(
    (field) =>
      field.type === 'choice' || field.type === 'multi'
        ? (field.choices?.length ?? 0) >= 2 && new Set(field.choices).size === field.choices?.length
        : field.choices === undefined,
    {
      error: '選択肢は choice と multi の項目にだけ、重ならないものを2つ以上書いてください。',
      path: ['choices'],
    },
  );

export const formDefinitionSchema = z
  .object({
    id: z.enum(allFormIds),
    version: z.int().min(1),
    title: name('様式名', 100),
    subtitle: z.string().max(200),
    sections: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,49}$/),
            title: name('章の題', 100),
            fields: z.array(fieldSchema).min(1),
          })
          .strict(),
      )
      .min(1, '章を1つ以上書いてください。')
      .max(30),
  })
  .strict()
  .superRefine((definition, context) => {
    const keys = definition.sections.flatMap((section) => section.fields.map((field) => field.key));
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    if (repeated.length > 0)
      context.addIssue({
        code: 'custom',
        message: `項目のキーが重なっています: ${[...new Set(repeated)].join(', ')}`,
        path: ['sections'],
      });
  }) satisfies z.ZodType<FormDefinition>;
