import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { type ChangeRequestView, useRefreshDirectory } from './api';
import { RequestsList } from './RequestsList';
import './i18n';

type Props = { requests: ChangeRequestView[]; showPoint?: boolean; lead?: string };

/** 「変更の申請」: an organisation's requests, their results, and taking back one still waiting. */
export function RequestsSection({ requests, showPoint = false, lead }: Props) {
  const { t } = useTranslation();
  const refresh = useRefreshDirectory();
  const [withdrawing, setWithdrawing] = useState<ChangeRequestView | null>(null);
  const withdraw = useMutation({
    mutationFn: (request: ChangeRequestView) =>
      api.post(`/api/directory/change-requests/${encodeURIComponent(request.id)}/withdraw`),
    onSuccess: () => {
      setWithdrawing(null);
      void refresh();
    },
  });
  return (
    <section aria-labelledby="requests-heading">
      <Title order={2} id="requests-heading" mb="sm">
        {t('directoryMaintenance.requests.title')}
      </Title>
      <Stack>
        {lead && <Text>{lead}</Text>}
        <NoticeAlert message={withdraw.isSuccess && t('directoryMaintenance.requests.withdrawn')} />
        <RequestsList
          requests={requests}
          showPoint={showPoint}
          actions={(request) =>
            request.status === 'pending' && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    withdraw.reset();
                    setWithdrawing(request);
                  }}
                >
                  {t('directoryMaintenance.requests.withdraw')}
                </Button>
              </Group>
            )
          }
        />
      </Stack>
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('directoryMaintenance.requests.withdrawTitle')}
        confirmLabel={t('directoryMaintenance.requests.withdraw')}
        pending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing)}
        onClose={() => setWithdrawing(null)}
      >
        {t('directoryMaintenance.requests.withdrawBody')}
      </ConfirmDialog>
    </section>
  );
}
