// An office chosen from the resource map: type part of its name, pick one of the matches (a plain
// list of buttons: no pop-up to lose on a phone, read in order by a screen reader), or clear it.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { directorySearchResult } from '../../../shared/schemas/directory';
import { api, withQuery } from '../../api';
import './i18n';

type Props = {
  label: string;
  value: string | null;
  /** The name of the office already chosen (the directory is not asked for it). */
  initialName: string | null;
  onChange: (id: string | null) => void;
};

export function PointPicker({ label, value, initialName, onChange }: Props) {
  const { t } = useTranslation('patients');
  const id = useId();
  const [search, setSearch] = useState('');
  const [chosenName, setChosenName] = useState(initialName);
  const [words] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['directory-pick', words],
    enabled: words.length >= 2,
    queryFn: () =>
      api.get<z.infer<typeof directorySearchResult>>(
        withQuery('/api/directory/search', { q: words, limit: 8 }),
      ),
  });
  const choose = (pointId: string | null, name: string | null) => {
    setChosenName(name);
    setSearch('');
    onChange(pointId);
  };

  if (value)
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500} id={id}>
          {label}
        </Text>
        <Group gap="sm">
          <Text aria-labelledby={id}>{chosenName ?? value}</Text>
          <Button size="xs" variant="subtle" onClick={() => choose(null, null)}>
            {t('form.pointClear')}
          </Button>
        </Group>
      </Stack>
    );
  const items = words.length >= 2 ? (found.data?.items ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput
        label={label}
        description={t('form.pointSearchHint')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        aria-controls={`${id}-results`}
      />
      <div id={`${id}-results`} aria-live="polite">
        {words.length >= 2 && found.data && items.length === 0 && (
          <Text size="sm">{t('form.pointNone')}</Text>
        )}
        {items.length > 0 && (
          <Stack gap={2} component="ul" className="plain-list">
            {items.map((item) => (
              <li key={item.id}>
                <Button variant="subtle" size="compact-sm" onClick={() => choose(item.id, item.name)}>
                  {t('form.pointChoose', { name: item.name, address: item.address })}
                </Button>
              </li>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
