// The dialogs of a post: who has read it, retracting it (changing it: EditPostDialog.tsx).
import { zodResolver } from '@hookform/resolvers/zod';
import { List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Receipts, retractRequest, type TeamPost } from '../../../shared/schemas/teams';
import { api } from '../../api';
import { useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { Loading } from '../../ui/Loading';
import { Modal } from '../../ui/Modal';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

export type Props = { teamId: string; post: TeamPost; onClose: () => void };

export function ReceiptsDialog({ teamId, post, onClose }: Props) {
  const { t } = useTranslation('teams');
  const format = useDateFormatter();
  const receipts = useQuery({
    queryKey: ['teams', teamId, 'receipts', post.id, post.readCount],
    queryFn: () => api.get<Receipts>(teamPath(teamId, `/posts/${post.id}/receipts`)),
  });
  const none = <Text c="dimmed">{t('receipts.none')}</Text>;
  return (
    <Modal opened onClose={onClose} title={t('receipts.title')}>
      {receipts.isPending ? (
        <Loading />
      ) : !receipts.data ? (
        <ErrorAlert error={receipts.error} />
      ) : (
        <Stack>
          <Title order={3} size="h4">
            {t('receipts.read')}
          </Title>
          {receipts.data.read.length === 0 ? (
            none
          ) : (
            <List>
              {receipts.data.read.map((r) => (
                <List.Item key={r.userId}>
                  {r.displayName}（{r.organisationName}）— {format.dateTime(r.at)}
                </List.Item>
              ))}
            </List>
          )}
          <Title order={3} size="h4">
            {t('receipts.unread')}
          </Title>
          {receipts.data.unread.length === 0 ? (
            none
          ) : (
            <List>
              {receipts.data.unread.map((r) => (
                <List.Item key={r.userId}>
                  {r.displayName}（{r.organisationName}）
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Modal>
  );
}

export function RetractDialog({ teamId, post, onClose }: Props) {
  const { t } = useTranslation('teams');
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(retractRequest),
    defaultValues: { reason: '' },
  });
  const retract = useTeamMutation(teamId, (reason: string) =>
    api.post<TeamPost>(teamPath(teamId, `/posts/${post.id}/retract`), { reason }),
  );
  return (
    <Modal opened onClose={onClose} title={t('post.retractTitle')}>
      <form
        noValidate
        onSubmit={form.handleSubmit(({ reason }) => retract.mutate(reason, { onSuccess: onClose }))}
      >
        <Stack>
          <Text>{t('post.retractLead')}</Text>
          <Textarea
            label={t('post.retractReason')}
            required
            error={form.formState.errors.reason?.message}
            {...form.register('reason')}
          />
          <ErrorAlert error={retract.error} shownPaths={['reason']} />
          <FormButtons onCancel={onClose} pending={retract.isPending} submitLabel={t('post.retract')} />
        </Stack>
      </form>
    </Modal>
  );
}
