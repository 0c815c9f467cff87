import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { DateText } from '../../../ui/DateText';
import { NoticeAlert } from '../../../ui/NoticeAlert';
import { usePublicSettings } from '../../../ui/public-settings';
import { type PointMaintenanceView, pointPath, type WriteResult } from './api';
import type { EditSession } from './edit-session';
import { StaleBadge } from './OrgEntriesTable';
import { SaveError } from './SaveError';
import './i18n';

type Props = { point: PointMaintenanceView['point']; session: EditSession };

/** When the entry was last confirmed, 「更新が必要です」, and 「内容を確認した」 (nothing changed, still true). */
export function ConfirmSection({ point, session }: Props) {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const confirm = useMutation({
    mutationFn: () => api.patch<WriteResult>(pointPath(point.id), { version: session.version }),
    onSuccess: (result) => session.saved(result.version),
  });
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="confirm-heading">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Title order={2} id="confirm-heading">
            {t('directoryMaintenance.confirm.heading')}
          </Title>
          <StaleBadge stale={point.stale} />
        </Group>
        <Text>
          {t('directoryMaintenance.confirm.last')}{' '}
          <DateText value={point.maintainedAt} fallback={t('directoryMaintenance.neverConfirmed')} />
        </Text>
        <Text>
          {t('directoryMaintenance.confirm.lead', { days: settings.data?.directoryStaleDays ?? 180 })}
        </Text>
        <NoticeAlert message={confirm.isSuccess && t('directoryMaintenance.confirm.done')} />
        <SaveError error={confirm.error} onReload={session.reload} />
        <Group>
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
            {t('directoryMaintenance.confirm.button')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
