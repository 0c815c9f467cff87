// The fields of a form definition as inputs, section by section (shared/forms/definition.ts): the one
// definition the print layout (FormSheet) and the server's check read too.
import {
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormField, FormValue, FormValues } from '../../shared/forms/definition';

type Props = {
  definition: FormDefinition;
  values: FormValues;
  errors: Record<string, string>;
  onChange: (key: string, value: FormValue) => void;
};

/** Choice lists this long are a drop-down; shorter ones are radio buttons one can see at once. */
const RADIO_LIMIT = 5;

function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: FormField;
  value: FormValue | undefined;
  error?: string;
  onChange: (value: FormValue) => void;
}) {
  const { t } = useTranslation();
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          label={field.label}
          value={text}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'textarea':
      return (
        <Textarea
          label={field.label}
          value={text}
          error={error}
          autosize
          minRows={2}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          type="date"
          label={field.label}
          value={text}
          error={error}
          maw={320}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <TextInput
          type="number"
          inputMode="numeric"
          label={field.label}
          value={typeof value === 'number' ? String(value) : ''}
          error={error}
          maw={200}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
        />
      );
    case 'choice':
      return (field.choices?.length ?? 0) > RADIO_LIMIT ? (
        <NativeSelect
          label={field.label}
          value={text}
          error={error}
          data={[{ value: '', label: t('admission.document.unset') }, ...(field.choices ?? [])]}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <Radio.Group label={field.label} value={text} error={error} onChange={onChange}>
          <Group mt="xs">
            {field.choices?.map((choice) => (
              <Radio key={choice} value={choice} label={choice} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group
          label={field.label}
          value={Array.isArray(value) ? value : []}
          error={error}
          onChange={onChange}
        >
          <Group mt="xs">
            {field.choices?.map((choice) => (
              <Checkbox key={choice} value={choice} label={choice} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'yesno':
      return (
        <Radio.Group
          label={field.label}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          error={error}
          onChange={(choice) => onChange(choice === 'yes')}
        >
          <Group mt="xs">
            <Radio value="yes" label={t('admission.document.yes')} />
            <Radio value="no" label={t('admission.document.no')} />
          </Group>
        </Radio.Group>
      );
  }
}

export function FormFields({ definition, values, errors, onChange }: Props) {
  return (
    <Stack gap="xl">
      {definition.sections.map((section) => (
        <section key={section.key} aria-labelledby={`form-${section.key}`}>
          <Title order={3} size="h3" id={`form-${section.key}`} mb="sm">
            {section.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
            {section.fields.map((field) => (
              <div
                key={field.key}
                style={field.wide || field.type === 'multi' ? { gridColumn: '1 / -1' } : undefined}
              >
                <FieldInput
                  field={field}
                  value={values[field.key]}
                  error={errors[field.key]}
                  onChange={(value) => onChange(field.key, value)}
                />
              </div>
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
