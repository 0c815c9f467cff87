// `/directory/imports` — center staff and system admins: import an open-data file (choosing the mode),
// follow the run while it goes (polled every second), read its counts, repairs and refused rows, and
// look back at past runs. The run shown is in the URL (`?run=…`), so a report can be linked to.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';
import { RunList } from './imports/RunList';
import { RunReport } from './imports/RunReport';
import { UploadForm } from './imports/UploadForm';
import './imports/i18n';

export default function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const show = (id: string, nextOffset = 0) =>
    setParams(nextOffset > 0 ? { run: id, offset: String(nextOffset) } : { run: id });

  return (
    <Stack gap="xl">
      <div>
        <PageTitle title={t('directoryImport.title')} />
        <Text>{t('directoryImport.lead')}</Text>
      </div>
      <UploadForm onStarted={(id) => show(id)} />
      {runId && <RunReport key={runId} id={runId} offset={offset} onPage={(next) => show(runId, next)} />}
      <RunList selected={runId} onSelect={(id) => show(id)} />
    </Stack>
  );
}
