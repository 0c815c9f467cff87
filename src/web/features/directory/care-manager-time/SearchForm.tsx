import { Button, Grid, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseTime } from '../../../../shared/care-manager-time';
import { weekdays } from '../../../../shared/directory-codes';
import { useLabel } from '../../../ui/labels';
import type { Area } from '../maintenance/api';

export type Search = { area: string; weekday: string; time: string };
const none: Search = { area: '', weekday: '', time: '' };

type Props = { search: Search; areas: Area[]; onSearch: (search: Search) => void; className?: string };

/** 地域・曜日・時刻: 「火曜 13:30 に連絡できる医師」 is weekday 火 and time 13:30. */
export function SearchForm({ search, areas, onSearch, className }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [values, setValues] = useState<Search>(search);
  const set = (key: keyof Search) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [key]: event.currentTarget.value });
  return (
    <form
      className={className}
      aria-label={t('careManagerTime.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch({ ...values, time: values.time ? normaliseTime(values.time) : '' });
      }}
    >
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NativeSelect
            label={t('careManagerTime.area')}
            value={values.area}
            onChange={set('area')}
            data={[
              { value: '', label: t('careManagerTime.anyArea') },
              ...areas.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <NativeSelect
            label={t('careManagerTime.weekday')}
            value={values.weekday}
            onChange={set('weekday')}
            data={[
              { value: '', label: t('careManagerTime.anyDay') },
              ...weekdays.map((day) => ({ value: day.code, label: label(weekdays, day.code) })),
            ]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <TextInput
            label={t('careManagerTime.time')}
            placeholder={t('careManagerTime.timeHint')}
            inputMode="numeric"
            maxLength={8}
            value={values.time}
            onChange={set('time')}
          />
        </Grid.Col>
      </Grid>
      <Group mt="md">
        <Button type="submit">{t('common.search')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setValues(none);
            onSearch(none);
          }}
        >
          {t('common.clear')}
        </Button>
      </Group>
    </form>
  );
}
