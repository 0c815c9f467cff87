// The declaration of one hospital or care-management office: does it operate the rule, and where is
// its admission/discharge window. Saved from the version read: a 409 says someone else saved first.
import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, type FieldPath, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type ParticipationEntry,
  type ParticipationUpdate,
  participationUpdate,
} from '../../../shared/schemas/admission-participation';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { applyServerErrors } from '../../ui/forms';
import { Modal } from '../../ui/Modal';
import { participationKey } from './ParticipationRates';

type Props = {
  entry: ParticipationEntry;
  onClose: () => void;
  onSaved: (entry: ParticipationEntry) => void;
};

type Input = z.input<typeof participationUpdate>;

const textFields = ['windowDepartment', 'windowPhone', 'windowFax', 'windowHours'] as const;

function valuesOf(entry: ParticipationEntry): ParticipationUpdate {
  const d = entry.declaration;
  return {
    participates: d ? entry.status === 'participating' : true,
    windowDepartment: d?.windowDepartment ?? '',
    windowPhone: d?.windowPhone ?? '',
    windowFax: d?.windowFax ?? '',
    windowHours: d?.windowHours ?? '',
    socialWorkerOnStaff: d?.socialWorkerOnStaff ?? false,
    dischargeNurseOnStaff: d?.dischargeNurseOnStaff ?? false,
    notes: d?.notes ?? '',
    version: d?.version ?? null,
  };
}

export function ParticipationForm({ entry, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The form holds the text as typed; the schema turns blanks into nulls for the request.
  const form = useForm<Input, unknown, ParticipationUpdate>({
    resolver: zodResolver(participationUpdate),
    defaultValues: valuesOf(entry),
  });
  const fields: FieldPath<Input>[] = ['participates', ...textFields, 'notes'];
  const save = useMutation({
    mutationFn: (values: ParticipationUpdate) =>
      api.put<{ entry: ParticipationEntry }>(`/api/admission/participation/${entry.servicePointId}`, values),
    onSuccess: async ({ entry: saved }) => {
      await queryClient.invalidateQueries({ queryKey: participationKey });
      onSaved(saved);
    },
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;
  const hospital = entry.kind === 'hospital';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('admission.participation.formTitle', { name: entry.name })}
      size="lg"
    >
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <Controller
            control={form.control}
            name="participates"
            render={({ field }) => (
              <Radio.Group
                label={t('admission.participation.participatesLabel')}
                value={field.value ? 'yes' : 'no'}
                onChange={(value) => field.onChange(value === 'yes')}
                error={errors.participates?.message}
              >
                <Group mt="xs">
                  <Radio value="yes" label={t('admission.participation.status.participating')} />
                  <Radio value="no" label={t('admission.participation.status.not_participating')} />
                </Group>
              </Radio.Group>
            )}
          />
          {hospital &&
            textFields.map((name) => (
              <TextInput
                key={name}
                label={t(`admission.participation.fields.${name}`)}
                error={errors[name]?.message}
                inputMode={name === 'windowPhone' || name === 'windowFax' ? 'tel' : undefined}
                {...form.register(name)}
              />
            ))}
          {hospital && (
            <>
              <Checkbox
                label={t('admission.participation.socialWorkerField')}
                {...form.register('socialWorkerOnStaff')}
              />
              <Checkbox
                label={t('admission.participation.dischargeNurseField')}
                {...form.register('dischargeNurseOnStaff')}
              />
            </>
          )}
          <Textarea
            label={t('admission.participation.notes')}
            autosize
            minRows={2}
            error={errors.notes?.message}
            {...form.register('notes')}
          />
          <ErrorAlert error={save.error} />
          <FormButtons onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
