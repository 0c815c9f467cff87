// `/patients/:patientId/edit` — changing the record. Someone else's change in between (409) is said,
// with the way to load the current record (the form then shows it; nothing is saved over it).
import { Alert, Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { PatientDetail, PatientFields } from '../../../shared/schemas/patients';
import { api, isApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { PatientForm } from './PatientForm';
import { formValuesOf, patientKey, usePatient } from './use-patient';
import './i18n';

export default function EditPatientPage() {
  const { t } = useTranslation('patients');
  const { patientId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const patient = usePatient(patientId);
  const update = useMutation({
    mutationFn: (values: PatientFields) =>
      api.put<PatientDetail>(`/api/patients/${encodeURIComponent(patientId)}`, {
        ...values,
        version: patient.data?.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(patientKey(patientId), saved);
      navigate(`/patients/${patientId}`, { state: { saved: true } });
    },
  });
  if (patient.isPending) return <Loading />;
  if (!patient.data) return <ErrorAlert error={patient.error} />;
  const conflict = isApiError(update.error) && update.error.code === 'edit_conflict';
  const reload = () => {
    const current = (update.error as { details?: { current?: PatientDetail } }).details?.current;
    if (current) queryClient.setQueryData(patientKey(patientId), current);
    update.reset();
  };
  const { data } = patient;

  return (
    <Stack gap="lg">
      <PageTitle title={t('form.editTitle', { name: data.name })} />
      {conflict && (
        <Alert color="orange" title={t('form.conflictTitle')} role="alert">
          <Stack gap="sm">
            {update.error?.message}
            <Button variant="outline" w="fit-content" onClick={reload}>
              {t('form.conflictReload')}
            </Button>
          </Stack>
        </Alert>
      )}
      <PatientForm
        key={data.version}
        initial={formValuesOf(data)}
        pointNames={{
          physician: data.primaryPhysician.servicePointName,
          careManager: data.careManager.servicePointName,
        }}
        submitLabel={t('form.saveChanges')}
        pending={update.isPending}
        error={conflict ? null : update.error}
        onSubmit={(values) => update.mutate(values)}
        onCancel={() => navigate(`/patients/${patientId}`)}
      />
    </Stack>
  );
}
