// `/directory/points/:id/edit` — an entry's maintainers keep it current: 「内容を確認した」, the facts
// published at once, ケアマネタイム, changes the center approves, the requests and the history.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import NotFoundPage from '../../../ui/NotFoundPage';
import { PageTitle } from '../../../ui/PageTitle';
import { useMaintenance } from './api';
import { CareManagerTimeEditor } from './CareManagerTimeEditor';
import { ChangeRequestForm } from './ChangeRequestForm';
import { ConfirmSection } from './ConfirmSection';
import { useEditSession } from './edit-session';
import { PublishedForm } from './PublishedForm';
import { RequestsSection } from './RequestsSection';
import { VersionHistory } from './VersionHistory';
import './i18n';

export default function EditPointPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const view = useMaintenance(id);
  const session = useEditSession(view.data?.point.version);
  if (view.isPending) return <Loading />;
  if (view.isError) {
    if (isApiError(view.error) && [400, 404].includes(view.error.status)) return <NotFoundPage />;
    return (
      <>
        <PageTitle title={t('directoryMaintenance.edit.cannotTitle')} />
        <ErrorAlert error={view.error} />
      </>
    );
  }
  const { point } = view.data;
  const key = `${id}:${session.generation}`;
  return (
    <Stack gap="xl">
      <div>
        <PageTitle title={t('directoryMaintenance.edit.title', { name: point.name })} />
        <Text>
          {point.serviceName}
          {point.organisationName ? `（${point.organisationName}）` : ''}
        </Text>
        <Group gap="lg" mt="xs">
          <Anchor component={Link} to={`/directory/points/${id}`}>
            {t('directoryMaintenance.edit.publicPage')}
          </Anchor>
          {point.organisationId && (
            <Anchor component={Link} to={`/orgs/${point.organisationId}/directory`}>
              {t('directoryMaintenance.edit.orgEntries')}
            </Anchor>
          )}
        </Group>
      </div>
      <ConfirmSection point={point} session={session} />
      <PublishedForm key={`published:${key}`} point={point} session={session} />
      {view.data.keepsCareManagerTime && (
        <CareManagerTimeEditor key={`cmt:${key}`} view={view.data} session={session} />
      )}
      <ChangeRequestForm key={`request:${key}`} view={view.data} session={session} />
      <RequestsSection requests={view.data.requests} />
      <VersionHistory pointId={id} />
    </Stack>
  );
}
