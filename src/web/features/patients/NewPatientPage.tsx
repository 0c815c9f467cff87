// `/patients/new` — registering a patient for one of the user's organisations. A patient with the same
// reading and birth date is shown first (possibly the same person); the user may register anyway.
import { Alert, Anchor, Button, List, NativeSelect, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PatientDetail, PatientFields, PatientSummary } from '../../../shared/schemas/patients';
import { api, isApiError } from '../../api';
import { PageTitle } from '../../ui/PageTitle';
import { useMe } from '../../ui/session';
import { PatientForm } from './PatientForm';
import './i18n';

type Submission = { values: PatientFields; confirmDuplicate: boolean };

export default function NewPatientPage() {
  const { t } = useTranslation('patients');
  const navigate = useNavigate();
  const memberships = useMe().data?.memberships ?? [];
  const [organisationId, setOrganisationId] = useState(memberships[0]?.organisationId ?? '');
  const [last, setLast] = useState<PatientFields | null>(null);
  const create = useMutation({
    mutationFn: ({ values, confirmDuplicate }: Submission) =>
      api.post<PatientDetail>('/api/patients', { ...values, organisationId, confirmDuplicate }),
    onSuccess: (patient) => navigate(`/patients/${patient.id}`, { state: { saved: true } }),
  });
  const duplicates =
    isApiError(create.error) && create.error.code === 'possible_duplicate'
      ? ((create.error.details as { duplicates: PatientSummary[] }).duplicates ?? [])
      : [];
  const submit = (values: PatientFields) => {
    setLast(values);
    create.mutate({ values, confirmDuplicate: false });
  };

  return (
    <Stack gap="lg">
      <PageTitle title={t('form.newTitle')} />
      {duplicates.length > 0 && last && (
        <Alert color="orange" title={t('form.duplicateTitle')} role="alert">
          <Stack gap="sm">
            {create.error instanceof Error && create.error.message}
            <List>
              {duplicates.map((patient) => (
                <List.Item key={patient.id}>
                  <Anchor component={Link} to={`/patients/${patient.id}`}>
                    {t('form.duplicateOpen', { name: patient.name, organisation: patient.organisationName })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
            <Button
              variant="outline"
              w="fit-content"
              loading={create.isPending}
              onClick={() => create.mutate({ values: last, confirmDuplicate: true })}
            >
              {t('form.registerAnyway')}
            </Button>
          </Stack>
        </Alert>
      )}
      <PatientForm
        header={
          memberships.length > 1 && (
            <NativeSelect
              label={t('form.organisation')}
              value={organisationId}
              onChange={(e) => setOrganisationId(e.currentTarget.value)}
              data={memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
            />
          )
        }
        submitLabel={t('form.save')}
        pending={create.isPending}
        error={duplicates.length > 0 ? null : create.error}
        onSubmit={submit}
        onCancel={() => navigate('/patients')}
      />
    </Stack>
  );
}
