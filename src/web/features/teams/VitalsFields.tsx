// The fields of a vitals post (バイタル): when it was measured, the measures that were taken (any of
// them), and 排便. Numbers as text with a decimal keypad on phones.
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bowelMovements, vitalMeasures } from '../../../shared/vitals';
import { useLabel } from '../../ui/labels';
import type { ComposerFields } from './composer-form';
import './i18n';

export function VitalsFields({ form, idPrefix }: { form: ComposerFields; idPrefix: string }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const errors = form.formState.errors.vitals;
  // The request's time of measurement is made of these two fields: its message shows under them.
  const measuredAt = (errors as { measuredAt?: { message?: string } } | undefined)?.measuredAt?.message;
  return (
    <fieldset className="plain-fieldset">
      <legend>{t('vitals.legend')}</legend>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <TextInput
          id={`${idPrefix}-vitals-date`}
          type="date"
          label={t('vitals.date')}
          error={errors?.date?.message ?? measuredAt ?? errors?.message}
          {...form.register('vitals.date')}
        />
        <TextInput
          id={`${idPrefix}-vitals-time`}
          type="time"
          label={t('vitals.time')}
          error={errors?.time?.message}
          {...form.register('vitals.time')}
        />
        {vitalMeasures.map((m) => (
          <TextInput
            key={m.code}
            id={`${idPrefix}-vitals-${m.code}`}
            inputMode="decimal"
            autoComplete="off"
            label={`${label(vitalMeasures, m.code)}（${m.unit}）`}
            error={errors?.[m.code]?.message}
            {...form.register(`vitals.${m.code}`)}
          />
        ))}
        <NativeSelect
          id={`${idPrefix}-vitals-bowel`}
          label={t('vitals.bowel')}
          data={[
            { value: '', label: t('vitals.notRecorded') },
            ...bowelMovements.map((b) => ({ value: b.code, label: label(bowelMovements, b.code) })),
          ]}
          error={errors?.bowel?.message}
          {...form.register('vitals.bowel')}
        />
      </SimpleGrid>
    </fieldset>
  );
}
