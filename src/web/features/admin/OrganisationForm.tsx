// Create or edit an organisation (system admin). Same fields and rules as the server's schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { organisationKindGroups, organisationKinds } from '../../../shared/identity';
import { organisationCreateRequest } from '../../../shared/schemas/admin';
import type { areaList } from '../../../shared/schemas/settings';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { applyServerErrors } from '../../ui/forms';
import { useLang } from '../../ui/labels';
import './i18n';

// The server's creation schema; editing sends the same fields plus `active` (PATCH accepts a subset).
const schema = organisationCreateRequest.extend({ active: z.boolean().optional() });
export type OrganisationValues = z.output<typeof schema>;
type Input = z.input<typeof schema>;
type Area = z.infer<typeof areaList>['areas'][number];
const fields = ['name', 'kana', 'kind', 'areaId', 'phone', 'address', 'active'] as const;

type Props = {
  initial?: Partial<Input>;
  areas: Area[];
  editing: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (values: OrganisationValues) => void;
  onCancel: () => void;
};

export function OrganisationForm({ initial, areas, editing, pending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useForm<Input, unknown, OrganisationValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: '',
      kana: '',
      kind: 'clinic',
      areaId: null,
      phone: '',
      address: '',
      ...(editing ? { active: true } : {}),
      ...initial,
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(onSubmit);
  useEffect(() => {
    if (error) applyServerErrors(error, form.setError, fields);
  }, [error, form.setError]);

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('admin.organisations.name')}
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextInput
          label={t('admin.organisations.kana')}
          description={t('common.kanaHint')}
          error={errors.kana?.message}
          {...form.register('kana')}
        />
        <NativeSelect
          label={t('admin.organisations.kind')}
          error={errors.kind?.message}
          {...form.register('kind')}
        >
          {organisationKindGroups.map((group) => (
            <optgroup key={group.code} label={group[lang]}>
              {organisationKinds
                .filter((kind) => kind.group === group.code)
                .map((kind) => (
                  <option key={kind.code} value={kind.code}>
                    {kind[lang]}
                  </option>
                ))}
            </optgroup>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('admin.organisations.area')}
          error={errors.areaId?.message}
          data={[
            { value: '', label: t('admin.organisations.noArea') },
            ...areas.map((area) => ({ value: area.id, label: area.name })),
          ]}
          {...form.register('areaId', { setValueAs: (value) => (value ? value : null) })}
        />
        <TextInput
          label={t('admin.organisations.phone')}
          type="tel"
          autoComplete="off"
          error={errors.phone?.message}
          {...form.register('phone')}
        />
        <TextInput
          label={t('admin.organisations.address')}
          error={errors.address?.message}
          {...form.register('address')}
        />
        {editing && (
          <Checkbox
            label={t('admin.organisations.active')}
            description={t('admin.organisations.activeHint')}
            {...form.register('active')}
          />
        )}
        <ErrorAlert error={error} shownPaths={fields} />
        <FormButtons onCancel={onCancel} pending={pending} />
      </Stack>
    </form>
  );
}
