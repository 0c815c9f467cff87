// `/teams/broadcast` — one notice to several of the user's teams (年末年始の休み, 連絡先の変更 …):
// each team gets its own post, so nobody sends the same FAX to every office.
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { broadcastRequest, type CareHome } from '../../../shared/schemas/teams';
import { api } from '../../api';
import { careHomeKey } from '../../live';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import './i18n';

type Input = z.input<typeof broadcastRequest>;
type Values = z.output<typeof broadcastRequest>;

export default function BroadcastPage() {
  const { t } = useTranslation('teams');
  const client = useQueryClient();
  const home = useQuery({ queryKey: careHomeKey, queryFn: () => api.get<CareHome>('/api/home/care') });
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(broadcastRequest),
    defaultValues: { teamIds: [], body: '', urgent: false },
  });
  const send = useMutation({
    mutationFn: (values: Values) => api.post<{ posts: unknown[] }>('/api/teams/broadcast', values),
    onSuccess: () => {
      form.reset({ teamIds: [], body: '', urgent: false });
      void client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
  if (home.isPending) return <Loading />;
  if (!home.data) return <ErrorAlert error={home.error} />;
  const open = home.data.teams.filter((team) => team.status === 'open');
  const { errors } = form.formState;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/home" size="sm">
        ← {t('home.title')}
      </Anchor>
      <PageTitle title={t('broadcast.title')} />
      <Text>{t('broadcast.lead')}</Text>
      <NoticeAlert message={send.data ? t('broadcast.sent', { count: send.data.posts.length }) : null} />
      {open.length < 2 ? (
        <Text>{t('broadcast.noTeams')}</Text>
      ) : (
        <form noValidate onSubmit={form.handleSubmit((values) => send.mutate(values))}>
          <Stack>
            <Controller
              control={form.control}
              name="teamIds"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('broadcast.teams')}
                  required
                  error={errors.teamIds?.message}
                  {...field}
                >
                  <Stack gap="xs" mt="xs">
                    {open.map((team) => (
                      <Checkbox key={team.id} value={team.id} label={team.name} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
            <Textarea
              label={t('broadcast.body')}
              required
              autosize
              minRows={4}
              error={errors.body?.message}
              {...form.register('body')}
            />
            <Checkbox label={t('composer.urgent')} color="red" {...form.register('urgent')} />
            <ErrorAlert error={send.error} shownPaths={['teamIds', 'body']} />
            <Group>
              <Button type="submit" loading={send.isPending}>
                {t('broadcast.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
