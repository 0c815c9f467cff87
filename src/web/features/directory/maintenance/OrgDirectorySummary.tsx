import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { useOrgDirectory } from './api';
import { OrgEntriesTable } from './OrgEntriesTable';
import './i18n';

/** On the organisation's page: its directory entries, stale ones marked, and the way to keep them current. */
export function OrgDirectorySummary({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const directory = useOrgDirectory(orgId);
  if (directory.isPending) return <Loading />;
  if (directory.isError) return <ErrorAlert error={directory.error} />;
  const { points, staleAfterDays } = directory.data;
  if (points.length === 0) return null;
  const stale = points.filter((point) => point.stale).length;
  return (
    <section aria-labelledby="org-directory-heading">
      <Title order={2} id="org-directory-heading" mb="sm">
        {t('directoryMaintenance.org.heading')}
      </Title>
      <Stack>
        <Text>{t('directoryMaintenance.org.lead', { days: staleAfterDays })}</Text>
        {stale > 0 && (
          <Text fw={700} role="status">
            {t('directoryMaintenance.org.staleCount', { count: stale })}
          </Text>
        )}
        <OrgEntriesTable points={points} label={t('directoryMaintenance.entries.tableLabel')} />
        <Anchor component={Link} to={`/orgs/${orgId}/directory`}>
          {t('directoryMaintenance.org.requestsLink')}
        </Anchor>
      </Stack>
    </section>
  );
}
