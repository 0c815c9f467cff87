import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { capabilities, procedures, weekdays } from '../../../../shared/directory';
import { publishedFields } from '../../../../shared/schemas/directory-maintenance';
import { api } from '../../../api';
import { DateText } from '../../../ui/DateText';
import { applyServerErrors } from '../../../ui/forms';
import { useLabel } from '../../../ui/labels';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { type PointMaintenanceView, pointPath, type WriteResult } from './api';
import type { EditSession } from './edit-session';
import { SaveError } from './SaveError';
import './i18n';

// Languages are typed as one line (「英語、中国語」) and sent as a list.
const schema = publishedFields.extend({
  languages: z
    .string()
    .transform((text) => text.split(/[、,，\s]+/).filter((part) => part.length > 0))
    .pipe(publishedFields.shape.languages),
});
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;
const fields = Object.keys(schema.shape) as Path<Input>[];

const numberOrNull = (value: unknown) => (value === '' || value === null ? null : Number(value));

function initialValues(point: PointMaintenanceView['point']): Input {
  return {
    vacancy: point.vacancy,
    capacity: point.capacity,
    capabilities: point.capabilities as Input['capabilities'],
    procedures: point.procedures as Input['procedures'],
    openWeekdays: point.openWeekdays,
    languages: point.languages.join('、'),
    notes: point.notes ?? '',
    phone: point.phone ?? '',
    fax: point.fax ?? '',
    url: point.url ?? '',
    email: point.email ?? '',
    hours: point.hours ?? '',
    hoursNote: point.hoursNote ?? '',
  };
}

type Props = { point: PointMaintenanceView['point']; session: EditSession };

/** 「すぐに公開する情報」: vacancy, capabilities, procedures, open days, hours, contact, notes. */
export function PublishedForm({ point, session }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(point),
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.patch<WriteResult>(pointPath(point.id), { ...values, version: session.version }),
    onSuccess: (result) => session.saved(result.version),
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;
  const text = (name: Path<Input>, props: { label: string; description?: string; type?: string }) => (
    <TextInput {...props} error={errors[name as keyof Input]?.message} {...form.register(name)} />
  );
  const checkboxes = (
    name: 'capabilities' | 'procedures' | 'openWeekdays',
    list: typeof capabilities | typeof procedures | typeof weekdays,
    cols: number,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Checkbox.Group
          label={t(`directoryMaintenance.published.${name}`)}
          value={field.value as string[]}
          onChange={field.onChange}
          error={errors[name]?.message}
        >
          <SimpleGrid cols={{ base: 1, sm: cols }} spacing="xs" mt="xs">
            {list.map((item) => (
              <Checkbox key={item.code} value={item.code} label={label(list, item.code)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    />
  );

  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="published-heading">
      <Title order={2} id="published-heading" mb="xs">
        {t('directoryMaintenance.published.heading')}
      </Title>
      <Text mb="md">{t('directoryMaintenance.published.lead')}</Text>
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('directoryMaintenance.published.vacancy')}
                description={
                  point.vacancyUpdatedAt ? (
                    <>
                      {t('directoryMaintenance.published.vacancyAsOf')}{' '}
                      <DateText value={point.vacancyUpdatedAt} />
                    </>
                  ) : (
                    t('directoryMaintenance.published.vacancyHint')
                  )
                }
                type="number"
                inputMode="numeric"
                min={0}
                error={errors.vacancy?.message}
                {...form.register('vacancy', { setValueAs: numberOrNull })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('directoryMaintenance.published.capacity')}
                description={t('directoryMaintenance.published.capacityHint')}
                type="number"
                inputMode="numeric"
                min={0}
                error={errors.capacity?.message}
                {...form.register('capacity', { setValueAs: numberOrNull })}
              />
            </Grid.Col>
          </Grid>
          {checkboxes('capabilities', capabilities, 2)}
          {checkboxes('procedures', procedures, 3)}
          {checkboxes('openWeekdays', weekdays, 4)}
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {text('hours', {
                label: t('directoryMaintenance.published.hours'),
                description: t('directoryMaintenance.published.hoursHint'),
              })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {text('hoursNote', { label: t('directoryMaintenance.published.hoursNote') })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {text('phone', { label: t('directoryMaintenance.published.phone'), type: 'tel' })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {text('fax', { label: t('directoryMaintenance.published.fax'), type: 'tel' })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {text('url', { label: t('directoryMaintenance.published.url'), type: 'url' })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {text('email', { label: t('directoryMaintenance.published.email'), type: 'email' })}
            </Grid.Col>
            <Grid.Col span={12}>
              {text('languages', {
                label: t('directoryMaintenance.published.languages'),
                description: t('directoryMaintenance.published.languagesHint'),
              })}
            </Grid.Col>
          </Grid>
          <Textarea
            label={t('directoryMaintenance.published.notes')}
            description={t('directoryMaintenance.published.notesHint')}
            autosize
            minRows={3}
            error={errors.notes?.message}
            {...form.register('notes')}
          />
          <SaveError error={save.error} shownPaths={fields} onReload={session.reload} />
          <NoticeAlert message={save.isSuccess && t('directoryMaintenance.published.saved')} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('directoryMaintenance.published.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
