// The dialogs that change an episode: a step done (by FAX, phone … with the person on the other side),
// the expected discharge, the conference's date, the discharge and its outcome. Each sends the version
// it was opened from; the server's 409 says someone else changed it first.
import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  Controller,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clockInJapan, dayInJapan, instantInJapan, todayInJapan } from '../../../shared/dates';
import {
  conferenceScheduleRequest,
  dischargeRequest,
  type EpisodeStepView,
  type EpisodeView,
  expectedDischargeRequest,
  outcomes,
  recordMethods,
  stepRecordRequest,
} from '../../../shared/schemas/admission-episodes';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { applyServerErrors } from '../../ui/forms';
import { Modal } from '../../ui/Modal';
import { HospitalSelect } from './HospitalSelect';
import { episodePath, useEpisodeMutation } from './use-episode';

type Close = { onClose: () => void };

/**
 * A resolver for a form whose fields are not the request's shape (a date and a time for an instant, an
 * empty date for null): the request is made from the values, checked with the shared schema, and its
 * issues are placed on the fields of the same name.
 */
function resolverVia<Input extends FieldValues, Output>(
  schema: z.ZodType<Output>,
  toRequest: (values: Input) => unknown,
): Resolver<Input, unknown, Output> {
  return async (values) => {
    const parsed = schema.safeParse(toRequest(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: FieldErrors<Input> = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'root') as keyof Input;
      errors[name] ??= { type: 'validate', message: issue.message } as FieldErrors<Input>[keyof Input];
    }
    return { values: {}, errors };
  };
}

/** Sends the form through the mutation; closes the dialog when saved, puts server issues on fields. */
function useSubmit<Input extends FieldValues, Output>(
  form: UseFormReturn<Input, unknown, Output>,
  mutation: UseMutationResult<EpisodeView, Error, Output>,
  fields: Path<Input>[],
  onClose: () => void,
) {
  return form.handleSubmit((values) =>
    mutation.mutate(values, {
      onSuccess: onClose,
      onError: (error) => applyServerErrors(error, form.setError, fields),
    }),
  );
}

/** A dialog holding one form that changes the episode. */
function FormDialog({
  title,
  onClose,
  onSubmit,
  mutation,
  children,
}: Close & {
  title: string;
  onSubmit: () => void;
  mutation: { error: Error | null; isPending: boolean };
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          {children}
          <ErrorAlert error={mutation.error} />
          <FormButtons onCancel={onClose} pending={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

type StepInput = z.input<typeof stepRecordRequest>;
type StepRequest = z.output<typeof stepRecordRequest>;

export function StepRecordForm({
  episode,
  step,
  onClose,
}: Close & { episode: EpisodeView; step: EpisodeStepView }) {
  const { t } = useTranslation();
  const conference = step.step === 'conference';
  const form = useForm<StepInput, unknown, StepRequest>({
    resolver: zodResolver(stepRecordRequest),
    defaultValues: {
      doneOn: todayInJapan(),
      method: conference ? 'in_person' : 'fax',
      counterpart: '',
      notes: '',
      participants: step.participants ?? '',
      minutes: '',
      version: step.version,
    },
  });
  const mutation = useEpisodeMutation(episode.id, (values: StepRequest) =>
    api.post<EpisodeView>(episodePath(episode.id, `/steps/${step.step}`), values),
  );
  const submit = useSubmit(
    form,
    mutation,
    ['doneOn', 'method', 'counterpart', 'notes', 'participants', 'minutes'],
    onClose,
  );
  const { errors } = form.formState;
  return (
    <FormDialog
      title={t('admission.episode.recordTitle', { step: t(`admission.episode.steps.${step.step}`) })}
      onSubmit={submit}
      mutation={mutation}
      onClose={onClose}
    >
      <TextInput
        type="date"
        label={t('admission.episode.doneOn')}
        error={errors.doneOn?.message}
        maw={320}
        {...form.register('doneOn')}
      />
      <Controller
        control={form.control}
        name="method"
        render={({ field }) => (
          <Radio.Group label={t('admission.episode.method')} value={field.value} onChange={field.onChange}>
            <Group mt="xs">
              {recordMethods.map((method) => (
                <Radio key={method} value={method} label={t(`admission.episode.methods.${method}`)} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      <TextInput
        label={t('admission.episode.counterpart')}
        description={t('admission.episode.counterpartHint')}
        error={errors.counterpart?.message}
        {...form.register('counterpart')}
      />
      {conference && (
        <>
          <Textarea
            label={t('admission.episode.participants')}
            autosize
            error={errors.participants?.message}
            {...form.register('participants')}
          />
          <Textarea
            label={t('admission.episode.minutes')}
            autosize
            minRows={4}
            error={errors.minutes?.message}
            {...form.register('minutes')}
          />
        </>
      )}
      <Textarea
        label={t('admission.episode.notes')}
        autosize
        error={errors.notes?.message}
        {...form.register('notes')}
      />
    </FormDialog>
  );
}

type ExpectedInput = { expectedDischargeOn: string; needsConference: boolean; version: number };
type ExpectedRequest = z.output<typeof expectedDischargeRequest>;

export function ExpectedDischargeForm({ episode, onClose }: Close & { episode: EpisodeView }) {
  const { t } = useTranslation();
  const form = useForm<ExpectedInput, unknown, ExpectedRequest>({
    // An empty date clears the expectation (null).
    resolver: resolverVia(expectedDischargeRequest, (values: ExpectedInput) => ({
      ...values,
      expectedDischargeOn: values.expectedDischargeOn || null,
    })),
    defaultValues: {
      expectedDischargeOn: episode.expectedDischargeOn ?? '',
      needsConference: episode.needsConference,
      version: episode.version,
    },
  });
  const mutation = useEpisodeMutation(episode.id, (values: ExpectedRequest) =>
    api.put<EpisodeView>(episodePath(episode.id, '/expected-discharge'), values),
  );
  const submit = useSubmit(form, mutation, ['expectedDischargeOn'], onClose);
  return (
    <FormDialog
      title={t('admission.episode.expectedTitle')}
      onSubmit={submit}
      mutation={mutation}
      onClose={onClose}
    >
      <TextInput
        type="date"
        label={t('admission.episode.expectedDischargeOn')}
        description={t('admission.episode.expectedHint')}
        error={form.formState.errors.expectedDischargeOn?.message}
        maw={320}
        {...form.register('expectedDischargeOn')}
      />
      <Checkbox
        label={t('admission.episode.needsConference')}
        description={t('admission.episode.needsConferenceHint')}
        {...form.register('needsConference')}
      />
    </FormDialog>
  );
}

type ScheduleInput = { date: string; time: string; participants: string; version: number };
type ScheduleRequest = z.output<typeof conferenceScheduleRequest>;

export function ConferenceScheduleForm({
  episode,
  step,
  onClose,
}: Close & { episode: EpisodeView; step: EpisodeStepView }) {
  const { t } = useTranslation();
  const at = step.scheduledAt ? new Date(step.scheduledAt) : null;
  const form = useForm<ScheduleInput, unknown, ScheduleRequest>({
    resolver: resolverVia(conferenceScheduleRequest, (values: ScheduleInput) => ({
      scheduledAt: values.date && values.time ? instantInJapan(values.date, values.time) : '',
      participants: values.participants,
      version: values.version,
    })),
    defaultValues: {
      date: at ? dayInJapan(at) : (episode.expectedDischargeOn ?? todayInJapan()),
      time: at ? clockInJapan(at) : '14:00',
      participants: step.participants ?? '',
      version: step.version,
    },
  });
  const mutation = useEpisodeMutation(episode.id, (values: ScheduleRequest) =>
    api.put<EpisodeView>(episodePath(episode.id, '/conference'), values),
  );
  const submit = useSubmit(form, mutation, [], onClose);
  // The request's one date-time field stands for both inputs.
  const invalid = (form.formState.errors as FieldErrors<{ scheduledAt: string }>).scheduledAt?.message;
  return (
    <FormDialog
      title={t('admission.episode.scheduleTitle')}
      onSubmit={submit}
      mutation={mutation}
      onClose={onClose}
    >
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('admission.episode.conferenceDate')}
          error={invalid}
          {...form.register('date')}
        />
        <TextInput type="time" label={t('admission.episode.conferenceTime')} {...form.register('time')} />
      </Group>
      <Textarea
        label={t('admission.episode.plannedParticipants')}
        autosize
        {...form.register('participants')}
      />
    </FormDialog>
  );
}

type DischargeInput = z.input<typeof dischargeRequest>;
type DischargeRequest = z.output<typeof dischargeRequest>;

export function DischargeForm({ episode, onClose }: Close & { episode: EpisodeView }) {
  const { t } = useTranslation();
  const form = useForm<DischargeInput, unknown, DischargeRequest>({
    resolver: zodResolver(dischargeRequest),
    defaultValues: {
      dischargedOn:
        episode.expectedDischargeOn && episode.expectedDischargeOn <= todayInJapan()
          ? episode.expectedDischargeOn
          : todayInJapan(),
      outcome: 'home',
      version: episode.version,
    },
  });
  const mutation = useEpisodeMutation(episode.id, (values: DischargeRequest) =>
    api.post<EpisodeView>(episodePath(episode.id, '/discharge'), values),
  );
  const submit = useSubmit(form, mutation, ['dischargedOn', 'outcome', 'transferHospitalPointId'], onClose);
  const outcome = form.watch('outcome');
  const { errors } = form.formState;
  return (
    <FormDialog
      title={t('admission.episode.dischargeTitle')}
      onSubmit={submit}
      mutation={mutation}
      onClose={onClose}
    >
      <TextInput
        type="date"
        label={t('admission.episode.dischargedOn')}
        error={errors.dischargedOn?.message}
        maw={320}
        {...form.register('dischargedOn')}
      />
      <Controller
        control={form.control}
        name="outcome"
        render={({ field }) => (
          <Radio.Group label={t('admission.episode.outcome')} value={field.value} onChange={field.onChange}>
            <Group mt="xs">
              {outcomes.map((code) => (
                <Radio key={code} value={code} label={t(`admission.episode.outcomes.${code}`)} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      {outcome === 'transfer' && (
        <Controller
          control={form.control}
          name="transferHospitalPointId"
          render={({ field }) => (
            <HospitalSelect
              label={t('admission.episode.transferHospital')}
              exclude={episode.hospital.id}
              value={field.value ?? null}
              onChange={(value) => field.onChange(value ?? undefined)}
              error={errors.transferHospitalPointId?.message}
            />
          )}
        />
      )}
    </FormDialog>
  );
}
