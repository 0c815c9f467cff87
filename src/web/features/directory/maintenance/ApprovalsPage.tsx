// `/directory/approvals` — the support center's queue: each request's fields before → after (marked
// when the entry changed since), approve or return with a comment; below, the latest decisions.
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { approvalsKey, type ChangeRequestView } from './api';
import { type Decision, DecisionDialog } from './DecisionDialog';
import { RequestsList } from './RequestsList';
import './i18n';

function useRequests(status: 'pending' | 'decided') {
  return useQuery({
    queryKey: approvalsKey(status),
    queryFn: async () =>
      (await api.get<{ requests: ChangeRequestView[] }>(`/api/directory/change-requests?status=${status}`))
        .requests,
  });
}

export default function ApprovalsPage() {
  const { t } = useTranslation();
  const pending = useRequests('pending');
  const decided = useRequests('decided');
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (request: ChangeRequestView, decision: Decision['decision']) => {
    setNotice(null);
    setDeciding({ request, decision });
  };
  return (
    <Stack gap="xl">
      <div>
        <PageTitle title={t('directoryMaintenance.approvals.title')} />
        <Text>{t('directoryMaintenance.approvals.lead')}</Text>
      </div>
      <NoticeAlert message={notice} onClose={() => setNotice(null)} />
      <section aria-labelledby="pending-heading">
        <Title order={2} id="pending-heading" mb="sm">
          {t('directoryMaintenance.approvals.pending', { count: pending.data?.length ?? 0 })}
        </Title>
        {pending.isPending && <Loading />}
        <ErrorAlert error={pending.error} />
        {pending.data && (
          <RequestsList
            requests={pending.data}
            showPoint
            actions={(request) => (
              <Group>
                <Button onClick={() => open(request, 'approve')}>
                  {t('directoryMaintenance.approvals.approve')}
                </Button>
                <Button variant="outline" color="red" onClick={() => open(request, 'reject')}>
                  {t('directoryMaintenance.approvals.reject')}
                </Button>
                <Anchor component={Link} to={`/directory/points/${request.servicePointId}`}>
                  {t('directoryMaintenance.approvals.viewEntry')}
                </Anchor>
              </Group>
            )}
          />
        )}
      </section>
      <section aria-labelledby="decided-heading">
        <Title order={2} id="decided-heading" mb="sm">
          {t('directoryMaintenance.approvals.decided')}
        </Title>
        {decided.isPending && <Loading />}
        <ErrorAlert error={decided.error} />
        {decided.data && <RequestsList requests={decided.data.slice(0, 10)} showPoint />}
      </section>
      <DecisionDialog
        deciding={deciding}
        onClose={() => setDeciding(null)}
        onDone={(decision) => {
          setDeciding(null);
          setNotice(
            t(
              decision.decision === 'approve'
                ? 'directoryMaintenance.approvals.approved'
                : 'directoryMaintenance.approvals.rejected',
              {
                name: decision.request.pointName,
              },
            ),
          );
        }}
      />
    </Stack>
  );
}
