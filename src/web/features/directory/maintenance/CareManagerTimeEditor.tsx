import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { normaliseTime } from '../../../../shared/care-manager-time';
import { contactChannels, weekdays } from '../../../../shared/directory';
import { careManagerTimesFields, checkWindows } from '../../../../shared/schemas/directory-maintenance';
import { api } from '../../../api';
import { useLabel } from '../../../ui/labels';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { type PointMaintenanceView, pointPath, type WriteResult } from './api';
import type { EditSession } from './edit-session';
import { SaveError } from './SaveError';

const schema = careManagerTimesFields.superRefine(checkWindows);
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

const emptyWindow: Input['windows'][number] = {
  physicianName: '',
  weekday: 'mon',
  startTime: '13:00',
  endTime: '14:00',
  channels: ['phone'],
  notes: '',
};

type Props = { view: PointMaintenanceView; session: EditSession };

/** ケアマネタイム: the clinic's weekly windows (add and remove rows, saved all at once) and who sees them. */
export function CareManagerTimeEditor({ view, session }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      careManagerTimePublic: view.point.careManagerTimePublic,
      windows: view.careManagerTimes,
    },
  });
  const rows = useFieldArray({ control: form.control, name: 'windows' });
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.put<WriteResult>(`${pointPath(view.point.id)}/care-manager-times`, {
        ...values,
        version: session.version,
      }),
    onSuccess: (result) => session.saved(result.version),
  });
  const rowErrors = form.formState.errors.windows;

  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="cmt-heading">
      <Title order={2} id="cmt-heading" mb="xs">
        {t('careManagerTime.editor.heading')}
      </Title>
      <Text mb="md">{t('careManagerTime.editor.lead')}</Text>
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <Checkbox
            label={t('careManagerTime.editor.public')}
            description={t('careManagerTime.editor.publicHint')}
            {...form.register('careManagerTimePublic')}
          />
          {rows.fields.length === 0 && <Text>{t('careManagerTime.editor.none')}</Text>}
          {rows.fields.map((row, i) => {
            const errors = rowErrors?.[i];
            return (
              <Fieldset key={row.id} legend={t('careManagerTime.editor.row', { n: i + 1 })} variant="filled">
                <Grid align="flex-end">
                  <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                    <TextInput
                      label={t('careManagerTime.physician')}
                      description={t('careManagerTime.editor.physicianHint')}
                      error={errors?.physicianName?.message}
                      {...form.register(`windows.${i}.physicianName`)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                    <NativeSelect
                      label={t('careManagerTime.weekday')}
                      data={weekdays.map((day) => ({ value: day.code, label: label(weekdays, day.code) }))}
                      error={errors?.weekday?.message}
                      {...form.register(`windows.${i}.weekday`)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, md: 3 }}>
                    <TextInput
                      label={t('careManagerTime.start')}
                      description={t('careManagerTime.editor.timeHint')}
                      inputMode="numeric"
                      maxLength={8}
                      error={errors?.startTime?.message}
                      {...form.register(`windows.${i}.startTime`, { setValueAs: normaliseTime })}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, md: 3 }}>
                    <TextInput
                      label={t('careManagerTime.end')}
                      description={t('careManagerTime.editor.timeHint')}
                      inputMode="numeric"
                      maxLength={8}
                      error={errors?.endTime?.message}
                      {...form.register(`windows.${i}.endTime`, { setValueAs: normaliseTime })}
                    />
                  </Grid.Col>
                  <Grid.Col span={12}>
                    <Controller
                      control={form.control}
                      name={`windows.${i}.channels`}
                      render={({ field }) => (
                        <Checkbox.Group
                          label={t('careManagerTime.channels')}
                          value={field.value}
                          onChange={field.onChange}
                          error={errors?.channels?.message}
                        >
                          <Group gap="md" mt="xs">
                            {contactChannels.map((channel) => (
                              <Checkbox
                                key={channel.code}
                                value={channel.code}
                                label={label(contactChannels, channel.code)}
                              />
                            ))}
                          </Group>
                        </Checkbox.Group>
                      )}
                    />
                  </Grid.Col>
                  <Grid.Col span={12}>
                    <TextInput
                      label={t('careManagerTime.notes')}
                      error={errors?.notes?.message}
                      {...form.register(`windows.${i}.notes`)}
                    />
                  </Grid.Col>
                </Grid>
                <Group justify="flex-end" mt="sm">
                  <Button
                    variant="outline"
                    color="red"
                    onClick={() => rows.remove(i)}
                    aria-label={t('careManagerTime.editor.removeLabel', { n: i + 1 })}
                  >
                    {t('careManagerTime.editor.remove')}
                  </Button>
                </Group>
              </Fieldset>
            );
          })}
          <Group>
            <Button variant="default" onClick={() => rows.append({ ...emptyWindow })}>
              {t('careManagerTime.editor.add')}
            </Button>
          </Group>
          {rowErrors?.message && (
            <Text c="red" role="alert">
              {rowErrors.message}
            </Text>
          )}
          <SaveError error={save.error} onReload={session.reload} />
          <NoticeAlert message={save.isSuccess && t('careManagerTime.editor.saved')} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('careManagerTime.editor.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
