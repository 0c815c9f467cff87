// The owner proposes candidate dates for the care-team meeting (times in Japan).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { instantInJapan, todayInJapan } from '../../../shared/dates';
import { MAX_MEETING_OPTIONS, type Meeting, meetingCreateRequest } from '../../../shared/schemas/meetings';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

/** What the form edits: a date and two times per option, turned into the request's instants. */
const formSchema = z.object({
  title: meetingCreateRequest.shape.title,
  place: meetingCreateRequest.shape.place,
  options: z
    .array(
      z.object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日付を入れてください' }),
        starts: z.string().regex(/^\d{2}:\d{2}$/, { error: '開始の時刻を入れてください' }),
        ends: z.string().regex(/^\d{2}:\d{2}$/, { error: '終了の時刻を入れてください' }),
      }),
    )
    .min(1),
});
type FormValues = z.infer<typeof formSchema>;

export function ProposeMeetingForm({ teamId, onDone }: { teamId: string; onDone: () => void }) {
  const { t } = useTranslation('teams');
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      title: t('meetings.defaultTitle'),
      place: '',
      options: [{ date: todayInJapan(), starts: '14:00', ends: '15:00' }],
    },
  });
  const options = useFieldArray({ control: form.control, name: 'options' });
  const propose = useTeamMutation(teamId, (values: FormValues) =>
    api.post<Meeting>(teamPath(teamId, '/meetings'), {
      title: values.title,
      place: values.place,
      options: values.options.map((o) => ({
        startsAt: instantInJapan(o.date, o.starts),
        endsAt: instantInJapan(o.date, o.ends),
      })),
    }),
  );
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => propose.mutate(values, { onSuccess: onDone }))}>
      <Stack>
        <TextInput
          label={t('meetings.titleLabel')}
          required
          error={errors.title?.message}
          {...form.register('title')}
        />
        <TextInput label={t('meetings.place')} error={errors.place?.message} {...form.register('place')} />
        <Text size="sm">{t('meetings.privacy')}</Text>
        {options.fields.map((field, index) => (
          <Fieldset key={field.id} legend={t('meetings.option', { index: index + 1 })}>
            <Group align="flex-end" gap="sm">
              <TextInput
                type="date"
                label={t('meetings.date')}
                required
                error={errors.options?.[index]?.date?.message}
                {...form.register(`options.${index}.date`)}
              />
              <TextInput
                type="time"
                label={t('meetings.starts')}
                required
                error={errors.options?.[index]?.starts?.message}
                {...form.register(`options.${index}.starts`)}
              />
              <TextInput
                type="time"
                label={t('meetings.ends')}
                required
                error={errors.options?.[index]?.ends?.message}
                {...form.register(`options.${index}.ends`)}
              />
              {options.fields.length > 1 && (
                <Button variant="default" onClick={() => options.remove(index)}>
                  {t('meetings.removeOption', { index: index + 1 })}
                </Button>
              )}
            </Group>
          </Fieldset>
        ))}
        {options.fields.length < MAX_MEETING_OPTIONS && (
          <div>
            <Button
              variant="light"
              onClick={() => {
                const last = form.getValues(`options.${options.fields.length - 1}`);
                options.append({ ...last });
              }}
            >
              {t('meetings.addOption')}
            </Button>
          </div>
        )}
        <ErrorAlert error={propose.error} />
        <FormButtons onCancel={onDone} pending={propose.isPending} submitLabel={t('meetings.submit')} />
      </Stack>
    </form>
  );
}
