// A new version of the rule, written from the latest one (its values filled in). The server refuses
// it with a 409 when someone else added a version meanwhile; the message says to reload.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type FieldPath, type UseFormReturn, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { todayInJapan } from '../../../shared/dates';
import {
  type RuleOverview,
  type RuleVersion,
  type RuleVersionRequest,
  ruleVersionRequest,
} from '../../../shared/schemas/admission-rule';
import { api } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { Section } from '../../ui/Section';

const dayFields = [
  'admissionInfoDays',
  'dischargeNoticeDaysBefore',
  'dischargeInfoDays',
] as const satisfies readonly (keyof RuleVersionRequest['parameters'])[];

const DEFAULT_CLOSURE = { from: '12-29', to: '01-03' };

function valuesFrom(latest: RuleVersion | null): RuleVersionRequest {
  return {
    title: latest?.title ?? '',
    body: latest?.body ?? '',
    effectiveFrom: todayInJapan(),
    parameters: latest
      ? { ...latest.parameters, yearEndClosure: latest.parameters.yearEndClosure ?? DEFAULT_CLOSURE }
      : {
          dayCounting: 'business',
          yearEndClosure: DEFAULT_CLOSURE,
          admissionInfoDays: 3,
          dischargeNoticeDaysBefore: 3,
          conferenceCriteria: '',
          dischargeInfoDays: 5,
          admissionInfoFees: [],
        },
    basedOn: latest?.version ?? null,
  };
}

type Props = {
  latest: RuleVersion | null;
  /** The page shows the overview the server answered with. */
  onSaved: (overview: RuleOverview) => void;
};

export function RuleVersionForm({ latest, onSaved }: Props) {
  const { t } = useTranslation();
  const [closure, setClosure] = useState(latest ? latest.parameters.yearEndClosure !== null : true);
  // Without the closure, its fields are not part of the request (nor checked).
  const withClosure = (values: RuleVersionRequest): RuleVersionRequest =>
    closure ? values : { ...values, parameters: { ...values.parameters, yearEndClosure: null } };
  const form = useForm<RuleVersionRequest>({
    resolver: (values, context, options) =>
      zodResolver(ruleVersionRequest)(withClosure(values), context, options),
    defaultValues: valuesFrom(latest),
  });
  const fields: FieldPath<RuleVersionRequest>[] = [
    'title',
    'body',
    'effectiveFrom',
    ...dayFields.map((name) => `parameters.${name}` as const),
    'parameters.conferenceCriteria',
    'parameters.yearEndClosure.from',
    'parameters.yearEndClosure.to',
  ];
  const save = useMutation({
    mutationFn: (values: RuleVersionRequest) =>
      api.post<RuleOverview>('/api/admission/rule/versions', withClosure(values)),
    onSuccess: (overview) => {
      onSaved(overview);
      form.reset(valuesFrom(overview.versions[0] ?? null));
    },
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const { errors } = form.formState;
  const p = errors.parameters;
  return (
    <Section id="rule-new-version" title={t('admission.rule.newVersion')}>
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <TextInput
            label={t('admission.rule.name')}
            error={errors.title?.message}
            {...form.register('title')}
          />
          <TextInput
            type="date"
            label={t('admission.rule.effectiveFrom')}
            description={t('admission.rule.effectiveFromHint')}
            error={errors.effectiveFrom?.message}
            maw={480}
            {...form.register('effectiveFrom')}
          />
          <Controller
            control={form.control}
            name="parameters.dayCounting"
            render={({ field }) => (
              <Radio.Group label={t('admission.rule.counting')} value={field.value} onChange={field.onChange}>
                <Group mt="xs">
                  <Radio value="business" label={t('admission.rule.business')} />
                  <Radio value="calendar" label={t('admission.rule.calendar')} />
                </Group>
              </Radio.Group>
            )}
          />
          <Checkbox
            label={t('admission.rule.closure')}
            checked={closure}
            onChange={(event) => setClosure(event.currentTarget.checked)}
          />
          {closure && (
            <Group>
              <TextInput
                label={t('admission.rule.closureFrom')}
                placeholder="12-29"
                w={200}
                error={p?.yearEndClosure?.from?.message}
                {...form.register('parameters.yearEndClosure.from')}
              />
              <TextInput
                label={t('admission.rule.closureTo')}
                placeholder="01-03"
                w={200}
                error={p?.yearEndClosure?.to?.message}
                {...form.register('parameters.yearEndClosure.to')}
              />
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {dayFields.map((name) => (
              <TextInput
                key={name}
                type="number"
                inputMode="numeric"
                min={0}
                label={t(`admission.rule.days.${name}`)}
                error={p?.[name]?.message}
                {...form.register(`parameters.${name}`, { valueAsNumber: true })}
              />
            ))}
          </SimpleGrid>
          <FeeFields form={form} />
          <Textarea
            autosize
            minRows={2}
            label={t('admission.rule.conference')}
            error={p?.conferenceCriteria?.message}
            {...form.register('parameters.conferenceCriteria')}
          />
          <Textarea
            autosize
            minRows={6}
            label={t('admission.rule.body')}
            error={errors.body?.message}
            {...form.register('body')}
          />
          <ErrorAlert error={save.error} shownPaths={fields} />
          <NoticeAlert
            message={save.isSuccess && t('admission.rule.saved', { version: save.data.versions[0]?.version })}
          />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('admission.rule.create')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

/** The fees the admission information earns by when it is given (入院時情報連携加算 (I), (II) …). */
function FeeFields({ form }: { form: UseFormReturn<RuleVersionRequest> }) {
  const { t } = useTranslation();
  const fees = useFieldArray({ control: form.control, name: 'parameters.admissionInfoFees' });
  const errors = form.formState.errors.parameters?.admissionInfoFees;
  return (
    <Fieldset legend={t('admission.rule.fees')}>
      <Stack gap="sm">
        <Text size="sm">{t('admission.rule.feesHint')}</Text>
        {fees.fields.map((fee, index) => (
          <Group key={fee.id} align="flex-end" wrap="wrap">
            <TextInput
              label={t('admission.rule.feeLabel')}
              error={errors?.[index]?.label?.message}
              {...form.register(`parameters.admissionInfoFees.${index}.label`)}
            />
            <TextInput
              type="number"
              inputMode="numeric"
              w={120}
              label={t('admission.rule.feeUnits')}
              error={errors?.[index]?.units?.message}
              {...form.register(`parameters.admissionInfoFees.${index}.units`, { valueAsNumber: true })}
            />
            <TextInput
              type="number"
              inputMode="numeric"
              w={200}
              label={t('admission.rule.feeWithin')}
              error={errors?.[index]?.withinDays?.message}
              {...form.register(`parameters.admissionInfoFees.${index}.withinDays`, { valueAsNumber: true })}
            />
            <Button variant="subtle" color="red" onClick={() => fees.remove(index)}>
              {t('admission.rule.feeRemove')}
            </Button>
          </Group>
        ))}
        {fees.fields.length < 4 && (
          <Button
            variant="default"
            w="fit-content"
            onClick={() => fees.append({ label: '', units: 0, withinDays: 0 })}
          >
            {t('admission.rule.feeAdd')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
