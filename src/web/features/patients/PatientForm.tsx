// The patient's record as a form (registration and changes): validated with the shared schema in
// the browser, the server's field messages placed beside their fields.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Labelled } from '../../../shared/labelled';
import {
  careLevels,
  dementiaIndependenceLevels,
  keyPersonRelations,
  physicalIndependenceLevels,
  sexes,
} from '../../../shared/patients';
import { type PatientFields, type PatientFieldsInput, patientFields } from '../../../shared/schemas/patients';
import type { areaList } from '../../../shared/schemas/settings';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { useLabel } from '../../ui/labels';
import { BirthDateInput } from './BirthDateInput';
import { PointPicker } from './PointPicker';
import './i18n';

const placedFields = ['name', 'kana', 'birthDate', 'sex', 'address', 'phone', 'insuredNumber'] as const;

type Props = {
  initial?: PatientFieldsInput;
  /** Names of the offices already chosen, shown before the directory is searched. */
  pointNames?: { physician: string | null; careManager: string | null };
  /** Above the fields (the organisation choice of a registration). */
  header?: ReactNode;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: PatientFields) => void;
  onCancel: () => void;
};

const empty: PatientFieldsInput = { name: '', kana: '', birthDate: '', sex: 'female', keyPersons: [] };

function FormCard({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" mb="sm" id={id}>
        {title}
      </Title>
      <Stack>{children}</Stack>
    </Card>
  );
}

export function PatientForm({
  initial,
  pointNames,
  header,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: Props) {
  const { t } = useTranslation('patients');
  const label = useLabel();
  const form = useForm<PatientFieldsInput, unknown, PatientFields>({
    resolver: zodResolver(patientFields),
    defaultValues: initial ?? empty,
  });
  const keyPersons = useFieldArray({ control: form.control, name: 'keyPersons' });
  const areas = useQuery({
    queryKey: ['areas'],
    queryFn: () => api.get<z.infer<typeof areaList>>('/api/areas'),
  });
  useEffect(() => {
    if (error) applyServerErrors(error, form.setError, placedFields);
  }, [error, form.setError]);
  const { errors } = form.formState;
  const choices = (list: readonly Labelled<string>[], withNone: boolean) => [
    ...(withNone ? [{ value: '', label: t('form.notSet') }] : []),
    ...list.map((item) => ({ value: item.code, label: label(list, item.code) })),
  ];
  const orNull = { setValueAs: (value: string) => (value ? value : null) };

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="lg">
        {header}
        <FormCard title={t('form.basics')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.name')}
              required
              error={errors.name?.message}
              {...form.register('name')}
            />
            <TextInput
              label={t('form.kana')}
              description={t('form.kanaHint')}
              required
              error={errors.kana?.message}
              {...form.register('kana')}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="birthDate"
            render={({ field }) => (
              <BirthDateInput
                value={field.value}
                onChange={field.onChange}
                error={errors.birthDate?.message}
              />
            )}
          />
          <NativeSelect label={t('form.sex')} data={choices(sexes, false)} {...form.register('sex')} />
          <TextInput
            label={t('form.address')}
            error={errors.address?.message}
            {...form.register('address')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('form.area')}
              data={[
                { value: '', label: t('form.noArea') },
                ...(areas.data?.areas ?? []).map((area) => ({ value: area.id, label: area.name })),
              ]}
              {...form.register('areaId', orNull)}
            />
            <TextInput
              label={t('form.phone')}
              type="tel"
              error={errors.phone?.message}
              {...form.register('phone')}
            />
          </SimpleGrid>
          <Checkbox label={t('form.livesAlone')} {...form.register('livesAlone')} />
        </FormCard>

        <FormCard title={t('form.insurance')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.insuredNumber')}
              inputMode="numeric"
              error={errors.insuredNumber?.message}
              {...form.register('insuredNumber')}
            />
            <NativeSelect
              label={t('form.careLevel')}
              data={choices(careLevels, true)}
              {...form.register('careLevel', orNull)}
            />
            <NativeSelect
              label={t('form.physicalIndependence')}
              data={choices(physicalIndependenceLevels, true)}
              {...form.register('physicalIndependence', orNull)}
            />
            <NativeSelect
              label={t('form.dementiaIndependence')}
              data={choices(dementiaIndependenceLevels, true)}
              {...form.register('dementiaIndependence', orNull)}
            />
          </SimpleGrid>
        </FormCard>

        <FormCard title={t('form.keyPersons')}>
          {keyPersons.fields.map((person, index) => (
            <Card key={person.id} withBorder component="fieldset" className="plain-fieldset" padding="sm">
              <legend>{t('form.keyPersonLegend', { index: index + 1 })}</legend>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('form.keyPersonName')}
                  required
                  error={errors.keyPersons?.[index]?.name?.message}
                  {...form.register(`keyPersons.${index}.name`)}
                />
                <NativeSelect
                  label={t('form.relation')}
                  data={choices(keyPersonRelations, false)}
                  {...form.register(`keyPersons.${index}.relation`)}
                />
                <TextInput
                  label={t('form.keyPersonPhone')}
                  type="tel"
                  error={errors.keyPersons?.[index]?.phone?.message}
                  {...form.register(`keyPersons.${index}.phone`)}
                />
                <TextInput label={t('form.keyPersonNotes')} {...form.register(`keyPersons.${index}.notes`)} />
              </SimpleGrid>
              <Group justify="flex-end" mt="xs">
                <Button variant="subtle" color="red" onClick={() => keyPersons.remove(index)}>
                  {t('form.removeKeyPerson', { index: index + 1 })}
                </Button>
              </Group>
            </Card>
          ))}
          <Group>
            <Button
              variant="light"
              disabled={keyPersons.fields.length >= 10}
              onClick={() => keyPersons.append({ name: '', relation: 'child', phone: '', notes: '' })}
            >
              {t('form.addKeyPerson')}
            </Button>
          </Group>
        </FormCard>

        <FormCard title={t('form.professionals')}>
          <Controller
            control={form.control}
            name="primaryPhysician.servicePointId"
            render={({ field }) => (
              <PointPicker
                label={t('form.physicianPoint')}
                value={field.value ?? null}
                initialName={pointNames?.physician ?? null}
                onChange={field.onChange}
              />
            )}
          />
          <TextInput label={t('form.physicianName')} {...form.register('primaryPhysician.name')} />
          <Controller
            control={form.control}
            name="careManager.servicePointId"
            render={({ field }) => (
              <PointPicker
                label={t('form.careManagerPoint')}
                value={field.value ?? null}
                initialName={pointNames?.careManager ?? null}
                onChange={field.onChange}
              />
            )}
          />
          <TextInput label={t('form.careManagerName')} {...form.register('careManager.name')} />
        </FormCard>

        <FormCard title={t('form.medical')}>
          <Textarea
            label={t('form.medicalHistory')}
            autosize
            minRows={2}
            {...form.register('medicalHistory')}
          />
          <Textarea label={t('form.medication')} autosize minRows={2} {...form.register('medication')} />
          <Textarea label={t('form.allergies')} autosize minRows={1} {...form.register('allergies')} />
        </FormCard>

        <ErrorAlert error={error} shownPaths={placedFields} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
