// The fields of a visit report (訪問記録): the visit's date and times, the person's condition, what
// was done, what the team should know, and the next visit.
import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComposerFields } from './composer-form';
import './i18n';

const texts = ['condition', 'care', 'handover'] as const;

export function VisitReportFields({ form, idPrefix }: { form: ComposerFields; idPrefix: string }) {
  const { t } = useTranslation('teams');
  const errors = form.formState.errors.visitReport;
  const dateField = (name: 'visitedOn' | 'startTime' | 'endTime' | 'nextVisitOn', type: 'date' | 'time') => (
    <TextInput
      id={`${idPrefix}-visit-${name}`}
      type={type}
      label={t(`visitReport.${name}`)}
      error={errors?.[name]?.message}
      {...form.register(`visitReport.${name}`)}
    />
  );
  return (
    <fieldset className="plain-fieldset">
      <legend>{t('visitReport.legend')}</legend>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {dateField('visitedOn', 'date')}
          {dateField('startTime', 'time')}
          {dateField('endTime', 'time')}
          {dateField('nextVisitOn', 'date')}
        </SimpleGrid>
        {texts.map((name) => (
          <Textarea
            key={name}
            id={`${idPrefix}-visit-${name}`}
            label={t(`visitReport.${name}`)}
            autosize
            minRows={2}
            maxRows={8}
            error={errors?.[name]?.message}
            {...form.register(`visitReport.${name}`)}
          />
        ))}
      </Stack>
    </fieldset>
  );
}
