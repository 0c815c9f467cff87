import { zodResolver } from '@hookform/resolvers/zod';
import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { areaKinds } from '../../../shared/identity';
import { areaFields } from '../../../shared/schemas/settings';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { applyServerErrors } from '../../ui/forms';
import { useLabel } from '../../ui/labels';

export type AreaValues = z.output<typeof areaFields>;
type Input = z.input<typeof areaFields>;
type Center = { id: string; name: string };
const fields = ['name', 'kana', 'kind', 'responsibleCenterId', 'sortOrder'] as const;

type Props = {
  initial?: Input;
  centers: Center[];
  pending: boolean;
  error: unknown;
  onSubmit: (values: AreaValues) => void;
  onCancel: () => void;
};

export function AreaForm({ initial, centers, pending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const form = useForm<Input, unknown, AreaValues>({
    resolver: zodResolver(areaFields),
    defaultValues: initial ?? {
      name: '',
      kana: '',
      kind: 'daily_life_area',
      responsibleCenterId: null,
      sortOrder: 0,
    },
  });
  useEffect(() => {
    if (error) applyServerErrors(error, form.setError, fields);
  }, [error, form.setError]);
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
      <Stack>
        <TextInput label={t('settings.areas.name')} error={errors.name?.message} {...form.register('name')} />
        <TextInput
          label={t('settings.areas.kana')}
          description={t('common.kanaHint')}
          error={errors.kana?.message}
          {...form.register('kana')}
        />
        <NativeSelect
          label={t('settings.areas.kind')}
          error={errors.kind?.message}
          data={areaKinds.map((kind) => ({ value: kind.code, label: label(areaKinds, kind.code) }))}
          {...form.register('kind')}
        />
        <NativeSelect
          label={t('settings.areas.center')}
          error={errors.responsibleCenterId?.message}
          data={[
            { value: '', label: t('settings.areas.noCenter') },
            ...centers.map((center) => ({ value: center.id, label: center.name })),
          ]}
          {...form.register('responsibleCenterId', { setValueAs: (value) => (value ? value : null) })}
        />
        <TextInput
          label={t('settings.areas.sortOrder')}
          description={t('settings.areas.sortOrderHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={10000}
          error={errors.sortOrder?.message}
          {...form.register('sortOrder', { setValueAs: (value) => (value === '' ? 0 : Number(value)) })}
        />
        <ErrorAlert error={error} shownPaths={fields} />
        <FormButtons onCancel={onCancel} pending={pending} />
      </Stack>
    </form>
  );
}
