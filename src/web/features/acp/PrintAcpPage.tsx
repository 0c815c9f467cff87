// `/patients/:patientId/acp/print?number=N` — a version of the 人生会議 record on A4, black on white,
// in the form's layout (the current version when no number is given).
import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormSheetSections } from '../../ui/FormSheet';
import { Loading } from '../../ui/Loading';
import { PrintButton } from '../../ui/PrintButton';
import { usePatient } from '../patients/use-patient';
import { useAcp } from './use-acp';
import './i18n';

export default function PrintAcpPage() {
  const { t } = useTranslation('acp');
  const { patientId = '' } = useParams();
  const [search] = useSearchParams();
  const patient = usePatient(patientId);
  const acp = useAcp(patientId);
  if (patient.isPending || acp.isPending) return <Loading />;
  if (!patient.data || !acp.data) return <ErrorAlert error={patient.error ?? acp.error} />;
  const number = Number(search.get('number') ?? acp.data.current);
  const version = acp.data.versions.find((v) => v.number === number);
  if (!version) return <ErrorAlert error={new Error(t('none'))} />;
  const definition = acp.data.definition;
  return (
    <Stack gap="md">
      <Group className="no-print">
        <PrintButton />
        <Anchor component={Link} to={`/patients/${patientId}/acp`}>
          {t('back')}
        </Anchor>
      </Group>
      <article className="form-print" aria-label={definition.title}>
        <header className="form-print-head">
          <h1>{definition.title}</h1>
          <p>
            {patient.data.name} さん　{t('version', { number: version.number })}
            {version.status === 'draft' ? `（${t('draft')}）` : ''}
          </p>
        </header>
        <FormSheetSections definition={definition} values={version.values} />
      </article>
    </Stack>
  );
}
