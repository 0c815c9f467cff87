import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type Path, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { serviceGroups, serviceKinds } from '../../../../shared/directory';
import {
  type ChangeRequestCreate,
  changeRequestCreate,
  identityFieldNames,
} from '../../../../shared/schemas/directory-maintenance';
import { api } from '../../../api';
import { applyServerErrors } from '../../../ui/forms';
import { useLang } from '../../../ui/labels';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { type PointMaintenanceView, pointPath, useAreas, useRefreshDirectory } from './api';
import type { EditSession } from './edit-session';
import { SaveError } from './SaveError';
import './i18n';

type Point = PointMaintenanceView['point'];
type Field = (typeof identityFieldNames)[number];
/** What the inputs hold: text throughout (numbers and 「指定しない」 become values on the way out). */
type Input = Record<Field | 'note', string>;
type Request = z.output<typeof changeRequestCreate>;

/** As the input shows it; coordinates without floating-point noise (31.605999999999998 → 31.606). */
const asText = (value: unknown) => {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(Number(value.toFixed(7))) : String(value);
};
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

function initialValues(point: Point): Input {
  const values = Object.fromEntries(identityFieldNames.map((field) => [field, asText(point[field])]));
  return { ...values, note: '' } as Input;
}

const changed = (values: Input, point: Point, field: Field) =>
  values[field].trim() !== asText(point[field]).trim();

/** Only the fields changed from the published entry are asked for (and checked); coordinates go as a pair. */
function toRequest(values: Input, point: Point, version: number): ChangeRequestCreate {
  const request: Record<string, unknown> = { version };
  for (const field of identityFieldNames) {
    if (!changed(values, point, field)) continue;
    request[field] = field === 'areaId' ? values[field] || null : values[field];
  }
  if (changed(values, point, 'latitude') || changed(values, point, 'longitude')) {
    request.latitude = numberOrNull(values.latitude);
    request.longitude = numberOrNull(values.longitude);
  }
  if (values.note.trim()) request.note = values.note;
  return request as ChangeRequestCreate;
}

type Props = { view: PointMaintenanceView; session: EditSession };

/** 「変更を申請」: identity, name, address and kind, which the center approves (center staff: published at once). */
export function ChangeRequestForm({ view, session }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const areas = useAreas();
  const { point, appliesDirectly } = view;
  const [outcome, setOutcome] = useState<'pending' | 'applied' | null>(null);
  const refresh = useRefreshDirectory();
  const base = zodResolver(changeRequestCreate);
  const resolver: Resolver<Input, unknown, Request> = (values, context, options) => {
    const request = toRequest(values, point, session.version);
    if (Object.keys(request).every((key) => key === 'version' || key === 'note'))
      return {
        values: {},
        errors: { root: { type: 'no_change', message: t('directoryMaintenance.request.noChange') } },
      };
    return base(request, context, options as never) as never;
  };
  const form = useForm<Input, unknown, Request>({ resolver, defaultValues: initialValues(point) });
  const save = useMutation({
    mutationFn: (request: Request) =>
      api.post<{ outcome: 'pending' | 'applied'; version: number }>(
        `${pointPath(point.id)}/change-requests`,
        request,
      ),
    onSuccess: (result) => {
      setOutcome(result.outcome);
      if (result.outcome === 'applied') session.saved(result.version);
      else {
        form.reset(initialValues(point));
        void refresh();
      }
    },
    onError: (error) => applyServerErrors(error, form.setError, identityFieldNames as Path<Input>[]),
  });
  const { errors } = form.formState;
  const input = (
    field: Field,
    label: string,
    extra: { description?: string; inputMode?: 'decimal' } = {},
  ) => <TextInput label={label} error={errors[field]?.message} {...extra} {...form.register(field)} />;
  const kindOptions = serviceGroups.map((group) => ({
    group: group[lang],
    items: serviceKinds
      .filter((kind) => kind.group === group.code)
      .map((kind) => ({ value: kind.code, label: kind[lang] })),
  }));

  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="request-heading">
      <Title order={2} id="request-heading" mb="xs">
        {t(
          appliesDirectly
            ? 'directoryMaintenance.request.headingCenter'
            : 'directoryMaintenance.request.heading',
        )}
      </Title>
      <Text mb="md">
        {t(appliesDirectly ? 'directoryMaintenance.request.leadCenter' : 'directoryMaintenance.request.lead')}
      </Text>
      <form noValidate onSubmit={form.handleSubmit((request) => save.mutate(request))}>
        <Stack>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {input('name', t('directoryMaintenance.fields.name'))}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {input('kana', t('directoryMaintenance.fields.kana'), { description: t('common.kanaHint') })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('directoryMaintenance.fields.serviceCode')}
                data={kindOptions}
                error={errors.serviceCode?.message}
                {...form.register('serviceCode')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {input('officialCode', t('directoryMaintenance.fields.officialCode'))}
            </Grid.Col>
            <Grid.Col span={12}>{input('address', t('directoryMaintenance.fields.address'))}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {input('building', t('directoryMaintenance.fields.building'))}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('directoryMaintenance.fields.areaId')}
                data={[
                  { value: '', label: t('directoryMaintenance.request.noArea') },
                  ...(areas.data?.areas ?? []).map((area) => ({ value: area.id, label: area.name })),
                ]}
                error={errors.areaId?.message}
                {...form.register('areaId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              {input('municipalityCode', t('directoryMaintenance.fields.municipalityCode'))}
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              {input('latitude', t('directoryMaintenance.fields.latitude'), { inputMode: 'decimal' })}
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              {input('longitude', t('directoryMaintenance.fields.longitude'), { inputMode: 'decimal' })}
            </Grid.Col>
          </Grid>
          {!appliesDirectly && (
            <Textarea
              label={t('directoryMaintenance.request.note')}
              autosize
              minRows={2}
              error={errors.note?.message}
              {...form.register('note')}
            />
          )}
          {errors.root?.message && (
            <Alert color="red" role="alert">
              {errors.root.message}
            </Alert>
          )}
          <SaveError error={save.error} shownPaths={identityFieldNames} onReload={session.reload} />
          <NoticeAlert
            message={
              outcome === 'pending'
                ? t('directoryMaintenance.request.sent')
                : outcome === 'applied' && t('directoryMaintenance.request.applied')
            }
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t(
                appliesDirectly
                  ? 'directoryMaintenance.request.submitCenter'
                  : 'directoryMaintenance.request.submit',
              )}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
