// A birth date entered in 和暦 (as on the 保険証, the default) or 西暦; the form keeps YYYY-MM-DD.
import { Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateBoth } from '../../../shared/dates';
import { fromWareki, recentEras, warekiYearOf } from '../../../shared/wareki';
import './i18n';

type Parts = { era: string; year: string; month: string; day: string };

function partsOf(iso: string): Parts {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return { era: '昭和', year: '', month: '', day: '' };
  const { era, eraYear } = warekiYearOf(iso);
  return {
    era,
    year: String(eraYear),
    month: String(Number(iso.slice(5, 7))),
    day: String(Number(iso.slice(8, 10))),
  };
}

type Props = { value: string; onChange: (iso: string) => void; error?: string };

export function BirthDateInput({ value, onChange, error }: Props) {
  const { t } = useTranslation('patients');
  const id = useId();
  const [calendar, setCalendar] = useState<'wareki' | 'seireki'>('wareki');
  const [parts, setParts] = useState<Parts>(() => partsOf(value));
  const complete = parts.year !== '' && parts.month !== '' && parts.day !== '';
  const impossible = calendar === 'wareki' && complete && value === '';
  const change = (next: Parts) => {
    setParts(next);
    const iso = fromWareki(next.era, Number(next.year), Number(next.month), Number(next.day));
    onChange(iso ?? '');
  };
  const field = (key: 'year' | 'month' | 'day', width: number) => (
    <TextInput
      label={t(`form.${key}`)}
      inputMode="numeric"
      w={width}
      value={parts[key]}
      onChange={(e) => change({ ...parts, [key]: e.currentTarget.value.replace(/\D/g, '').slice(0, 2) })}
    />
  );
  return (
    <fieldset className="plain-fieldset" aria-describedby={`${id}-result`}>
      <legend>{t('form.birthDate')}</legend>
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('form.calendar')}
          value={calendar}
          onChange={(next) => setCalendar(next as 'wareki' | 'seireki')}
          data={[
            { value: 'wareki', label: t('form.wareki') },
            { value: 'seireki', label: t('form.seireki') },
          ]}
          w="fit-content"
        />
        {calendar === 'wareki' ? (
          <Group gap="xs" align="flex-end">
            <NativeSelect
              label={t('form.era')}
              value={parts.era}
              data={[...recentEras]}
              onChange={(e) => change({ ...parts, era: e.currentTarget.value })}
            />
            {field('year', 70)}
            {field('month', 60)}
            {field('day', 60)}
          </Group>
        ) : (
          <TextInput
            type="date"
            label={t('form.seireki')}
            value={value}
            w={200}
            onChange={(e) => {
              onChange(e.currentTarget.value);
              setParts(partsOf(e.currentTarget.value));
            }}
          />
        )}
        <Text id={`${id}-result`} size="sm" c={impossible || error ? 'red.8' : undefined} role="status">
          {impossible
            ? t('form.birthDateInvalid')
            : value
              ? t('form.birthDateIs', { date: formatDateBoth(value) })
              : (error ?? '')}
        </Text>
      </Stack>
    </fieldset>
  );
}
