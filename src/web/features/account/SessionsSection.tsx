import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { sessionList } from '../../../shared/schemas/account';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useResetSession } from '../../ui/session';
import { Section } from './Section';
import { describeUserAgent } from './user-agent';

const sessionsKey = ['me', 'sessions'] as const;

export function SessionsSection() {
  const { t } = useTranslation();
  const format = useDateFormatter();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const [confirmAll, setConfirmAll] = useState(false);
  const sessions = useQuery({
    queryKey: sessionsKey,
    queryFn: () => api.get<z.infer<typeof sessionList>>('/api/me/sessions'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsKey });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
  const revokeOthers = useMutation({
    mutationFn: () => api.post('/api/me/sessions/revoke-others'),
    onSuccess: refresh,
  });
  const logoutAll = useMutation({
    mutationFn: () => api.post('/api/auth/logout-all'),
    onSuccess: () => {
      resetSession();
      navigate('/login', { state: { loggedOut: true } });
    },
  });

  return (
    <Section id="sessions-heading" title={t('account.sessions.heading')}>
      <Stack>
        <Text>{t('account.sessions.lead')}</Text>
        {sessions.isPending && <Loading />}
        <ErrorAlert error={sessions.error ?? revoke.error ?? revokeOthers.error} />
        {revokeOthers.isSuccess && (
          <Alert color="green" role="status">
            {t('account.sessions.revokedOthers')}
          </Alert>
        )}
        {sessions.data && (
          // Cards rather than a table: on a phone every fact and the button stay in view.
          <Stack component="ul" gap="sm" className="scene-list" aria-label={t('account.sessions.listLabel')}>
            {[...sessions.data.sessions]
              .sort((a, b) => Number(b.current) - Number(a.current))
              .map((session) => (
                <Card component="li" key={session.id} withBorder padding="md">
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={4}>
                      <Group gap="xs">
                        <Text fw={700}>
                          {describeUserAgent(session.userAgent) ?? t('account.sessions.unknown')}
                        </Text>
                        {session.current && (
                          <Badge color="blue" variant="light">
                            {t('account.sessions.current')}
                          </Badge>
                        )}
                      </Group>
                      <dl className="facts">
                        <div>
                          <dt>{t('account.sessions.createdAt')}</dt>
                          <dd>
                            <DateText value={session.createdAt} time />
                          </dd>
                        </div>
                        <div>
                          <dt>{t('account.sessions.lastSeenAt')}</dt>
                          <dd>
                            <DateText value={session.lastSeenAt} time />
                          </dd>
                        </div>
                        <div>
                          <dt>{t('account.sessions.ip')}</dt>
                          <dd className="mono">{session.ip ?? t('account.sessions.unknown')}</dd>
                        </div>
                      </dl>
                    </Stack>
                    {!session.current && (
                      <Button
                        size="sm"
                        variant="default"
                        loading={revoke.isPending && revoke.variables === session.id}
                        aria-label={t('account.sessions.revokeLabel', {
                          time: format.dateTime(session.createdAt),
                        })}
                        onClick={() => revoke.mutate(session.id)}
                      >
                        {t('account.sessions.revoke')}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
          </Stack>
        )}
        <Group>
          <Button variant="default" loading={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
            {t('account.sessions.revokeOthers')}
          </Button>
          <Button color="red" variant="outline" onClick={() => setConfirmAll(true)}>
            {t('account.sessions.logoutAll')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmAll}
        title={t('account.sessions.logoutAll')}
        danger
        pending={logoutAll.isPending}
        error={logoutAll.error}
        onConfirm={() => logoutAll.mutate()}
        onClose={() => setConfirmAll(false)}
      >
        {t('account.sessions.logoutAllConfirm')}
      </ConfirmDialog>
    </Section>
  );
}
