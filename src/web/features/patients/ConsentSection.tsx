// The consents of a patient (情報共有の同意): their history, recording one, withdrawing one.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { todayInJapan } from '../../../shared/dates';
import { consentMethods, consentScopes } from '../../../shared/patients';
import type { StoredFile } from '../../../shared/schemas/files';
import {
  type Consent,
  consentCreateRequest,
  consentWithdrawRequest,
  type PatientDetail,
} from '../../../shared/schemas/patients';
import { api } from '../../api';
import { AttachmentPicker } from '../../ui/AttachmentPicker';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { useLabel } from '../../ui/labels';
import { Modal } from '../../ui/Modal';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import { ConsentDocument } from './ConsentDocument';
import { patientKey } from './use-patient';
import './i18n';

type ConsentInput = z.input<typeof consentCreateRequest>;
type ConsentValues = z.output<typeof consentCreateRequest>;

function RecordConsentForm({
  patientId,
  onDone,
}: {
  patientId: string;
  onDone: (saved: PatientDetail | null) => void;
}) {
  const { t } = useTranslation('patients');
  const label = useLabel();
  const form = useForm<ConsentInput, unknown, ConsentValues>({
    resolver: zodResolver(consentCreateRequest),
    defaultValues: { scopes: [], method: 'written', consentedOn: todayInJapan(), notes: '' },
  });
  const [scan, setScan] = useState<StoredFile[]>([]);
  const record = useMutation({
    mutationFn: (values: ConsentValues) =>
      api.post<PatientDetail>(`/api/patients/${encodeURIComponent(patientId)}/consents`, {
        ...values,
        documentFileId: scan[0]?.id,
      }),
    onSuccess: onDone,
  });
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => record.mutate(values))}>
      <Stack>
        <Controller
          control={form.control}
          name="scopes"
          render={({ field }) => (
            <Checkbox.Group label={t('consent.scope')} required error={errors.scopes?.message} {...field}>
              <Stack gap="xs" mt="xs">
                {consentScopes.map((scope) => (
                  <Checkbox key={scope.code} value={scope.code} label={label(consentScopes, scope.code)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <Radio.Group label={t('consent.method')} required {...field}>
              <Group mt="xs">
                {consentMethods.map((method) => (
                  <Radio key={method.code} value={method.code} label={label(consentMethods, method.code)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <TextInput
          type="date"
          label={t('consent.consentedOn')}
          required
          w={200}
          error={errors.consentedOn?.message}
          {...form.register('consentedOn')}
        />
        <Textarea label={t('consent.notes')} error={errors.notes?.message} {...form.register('notes')} />
        <AttachmentPicker
          uploadUrl={`/api/patients/${encodeURIComponent(patientId)}/files`}
          max={1}
          value={scan}
          onChange={setScan}
          label={t('consent.documentPick')}
        />
        <ErrorAlert error={record.error} />
        <FormButtons
          onCancel={() => onDone(null)}
          pending={record.isPending}
          submitLabel={t('consent.record')}
        />
      </Stack>
    </form>
  );
}

function WithdrawForm({
  patientId,
  consent,
  onDone,
}: {
  patientId: string;
  consent: Consent;
  onDone: (saved: PatientDetail | null) => void;
}) {
  const { t } = useTranslation('patients');
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(consentWithdrawRequest),
    defaultValues: { reason: '' },
  });
  const withdraw = useMutation({
    mutationFn: ({ reason }: { reason: string }) =>
      api.post<PatientDetail>(
        `/api/patients/${encodeURIComponent(patientId)}/consents/${encodeURIComponent(consent.id)}/withdraw`,
        { reason },
      ),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => withdraw.mutate(values))}>
      <Stack>
        <Textarea
          label={t('consent.withdrawReason')}
          required
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        <ErrorAlert error={withdraw.error} />
        <FormButtons
          onCancel={() => onDone(null)}
          pending={withdraw.isPending}
          submitLabel={t('consent.withdrawConfirm')}
        />
      </Stack>
    </form>
  );
}

function StatusOf({ consent }: { consent: Consent }) {
  const { t } = useTranslation('patients');
  const format = useDateFormatter();
  if (consent.withdrawnAt)
    return (
      <Stack gap={2}>
        <Badge color="gray" variant="light">
          {t('consent.withdrawn', {
            date: format.date(consent.withdrawnAt),
            name: consent.withdrawnBy?.name ?? '',
          })}
        </Badge>
        {consent.withdrawalReason && (
          <Text size="sm">{t('consent.reason', { reason: consent.withdrawalReason })}</Text>
        )}
      </Stack>
    );
  return (
    <Badge color={consent.inForce ? 'green' : 'yellow'} variant="light">
      {consent.inForce ? t('consent.inForce') : t('consent.notYet')}
    </Badge>
  );
}

export function ConsentSection({ patient }: { patient: PatientDetail }) {
  const { t } = useTranslation('patients');
  const label = useLabel();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (message: string) => (next: PatientDetail | null) => {
    setRecording(false);
    setWithdrawing(null);
    if (!next) return;
    queryClient.setQueryData(patientKey(patient.id), next);
    setNotice(message);
  };

  return (
    <Section id="consent-heading" title={t('consent.title')}>
      <Stack>
        <Text size="sm">{t('consent.lead')}</Text>
        <NoticeAlert message={notice} onClose={() => setNotice(null)} />
        {patient.consents.length === 0 ? (
          <Text>{t('consent.none')}</Text>
        ) : (
          <ScrollTable label={t('consent.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consent.scope')}</Table.Th>
                <Table.Th>{t('consent.method')}</Table.Th>
                <Table.Th>{t('consent.consentedOn')}</Table.Th>
                <Table.Th>{t('consent.recordedBy')}</Table.Th>
                <Table.Th>{t('consent.status')}</Table.Th>
                <Table.Th>{t('consent.document')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {patient.consents.map((consent) => (
                <Table.Tr key={consent.id}>
                  <Table.Td>
                    {label(consentScopes, consent.scope)}
                    {consent.notes && (
                      <Text size="sm" c="dimmed">
                        {consent.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{label(consentMethods, consent.method)}</Table.Td>
                  <Table.Td>
                    <DateText value={consent.consentedOn} />
                  </Table.Td>
                  <Table.Td>
                    {consent.recordedBy.name}
                    <Text size="sm" c="dimmed">
                      {consent.organisationName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusOf consent={consent} />
                  </Table.Td>
                  <Table.Td>
                    <ConsentDocument
                      patientId={patient.id}
                      consent={consent}
                      onSaved={(next) => saved(t('consent.documentAttached'))(next)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!consent.withdrawnAt && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`${label(consentScopes, consent.scope)}: ${t('consent.withdraw')}`}
                        onClick={() => setWithdrawing(consent)}
                      >
                        {t('consent.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        <Group>
          <Button variant="light" onClick={() => setRecording(true)}>
            {t('consent.record')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('consent.record')} size="lg">
        <RecordConsentForm patientId={patient.id} onDone={saved(t('consent.recorded'))} />
      </Modal>
      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={
          withdrawing ? t('consent.withdrawTitle', { scope: label(consentScopes, withdrawing.scope) }) : ''
        }
      >
        {withdrawing && (
          <WithdrawForm
            patientId={patient.id}
            consent={withdrawing}
            onDone={saved(t('consent.withdrawnNotice'))}
          />
        )}
      </Modal>
    </Section>
  );
}
