// `/orgs/:orgId/directory` — an organisation's directory entries (stale ones marked) and the state of
// its change requests, with the center's comments.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import NotFoundPage from '../../../ui/NotFoundPage';
import { PageTitle } from '../../../ui/PageTitle';
import { useOrgDirectory } from './api';
import { OrgEntriesTable } from './OrgEntriesTable';
import { RequestsSection } from './RequestsSection';
import './i18n';

export default function OrgDirectoryPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const directory = useOrgDirectory(orgId);
  if (directory.isPending) return <Loading />;
  if (directory.isError) {
    if (isApiError(directory.error) && [400, 404].includes(directory.error.status)) return <NotFoundPage />;
    return (
      <>
        <PageTitle title={t('directoryMaintenance.org.cannotTitle')} />
        <ErrorAlert error={directory.error} />
      </>
    );
  }
  const { organisationName, points, requests, staleAfterDays } = directory.data;
  const title = t('directoryMaintenance.org.title', { name: organisationName });
  return (
    <Stack gap="xl">
      <div>
        <PageTitle title={title} />
        <Text>{t('directoryMaintenance.org.lead', { days: staleAfterDays })}</Text>
        <Anchor component={Link} to={`/orgs/${orgId}`} display="inline-block" mt="xs">
          {t('directoryMaintenance.org.back', { name: organisationName })}
        </Anchor>
      </div>
      <section aria-labelledby="entries-heading">
        <Title order={2} id="entries-heading" mb="sm">
          {t('directoryMaintenance.org.heading')}
        </Title>
        {points.length === 0 ? (
          <Text>{t('directoryMaintenance.org.none')}</Text>
        ) : (
          <OrgEntriesTable points={points} label={t('directoryMaintenance.entries.tableLabel')} />
        )}
      </section>
      <RequestsSection requests={requests} showPoint lead={t('directoryMaintenance.requests.lead')} />
    </Stack>
  );
}
