// The home page's care section: invitations to answer, urgent posts to acknowledge, unread posts
// addressed to me, and my teams with their unread counts — kept current by the live stream.
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { HomeItem, Invitation } from '../../../shared/schemas/teams';
import { teamRoles } from '../../../shared/teams';
import { api } from '../../api';
import { careHomeKey, useLiveUpdates } from '../../live';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLabel } from '../../ui/labels';
import { TeamList } from './TeamList';
import { useCareHome } from './use-team';
import './i18n';

function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const format = useDateFormatter();
  const navigate = useNavigate();
  const client = useQueryClient();
  const answer = useMutation({
    mutationFn: (choice: 'accept' | 'decline') =>
      api.post<{ teamId: string }>(`/api/invitations/${invitation.memberId}/${choice}`),
    onSuccess: (result, choice) => {
      void client.invalidateQueries({ queryKey: careHomeKey });
      if (choice === 'accept') navigate(`/teams/${result.teamId}`);
    },
  });
  return (
    <Card component="li" withBorder padding="md">
      <Text fw={700}>{invitation.teamName}</Text>
      <Text size="sm">
        {t('home.invitedBy', {
          name: invitation.invitedBy ?? '',
          organisation: invitation.organisationName,
          role: label(teamRoles, invitation.teamRole),
          date: format.date(invitation.expiresAt),
        })}
      </Text>
      <Group mt="xs">
        <Button
          loading={answer.isPending && answer.variables === 'accept'}
          onClick={() => answer.mutate('accept')}
        >
          {t('home.accept')}
        </Button>
        <Button
          variant="default"
          loading={answer.isPending && answer.variables === 'decline'}
          onClick={() => answer.mutate('decline')}
        >
          {t('home.decline')}
        </Button>
      </Group>
      <ErrorAlert error={answer.error} />
    </Card>
  );
}

function Items({ items, urgent }: { items: HomeItem[]; urgent?: boolean }) {
  return (
    <Stack component="ul" gap="xs" className="plain-list">
      {items.map((item) => (
        <Card
          key={item.postId}
          component="li"
          withBorder
          padding="sm"
          className={urgent ? 'post-urgent' : undefined}
        >
          <Anchor component={Link} to={`/teams/${item.teamId}`} fw={700}>
            {item.teamName}
          </Anchor>
          <Text size="sm">
            {item.author}・<DateText value={item.createdAt} time />
          </Text>
          <Text>{item.excerpt}</Text>
        </Card>
      ))}
    </Stack>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </div>
  );
}

export function CareHomeSection() {
  const { t } = useTranslation('teams');
  useLiveUpdates();
  const home = useCareHome();
  if (home.error) return <ErrorAlert error={home.error} />;
  if (!home.data) return null;
  const { invitations, urgent, mentions, teams, polls } = home.data;
  return (
    <section aria-labelledby="care-heading">
      <Title order={2} id="care-heading" mb="sm">
        {t('home.title')}
      </Title>
      <Stack gap="lg">
        {invitations.length > 0 && (
          <Part title={t('home.invitations')}>
            <Stack component="ul" gap="xs" className="plain-list">
              {invitations.map((invitation) => (
                <InvitationCard key={invitation.memberId} invitation={invitation} />
              ))}
            </Stack>
          </Part>
        )}
        <Part title={t('home.urgent')}>
          {urgent.length ? <Items items={urgent} urgent /> : <Text>{t('home.noUrgent')}</Text>}
        </Part>
        {mentions.length > 0 && (
          <Part title={t('home.mentions')}>
            <Items items={mentions} />
          </Part>
        )}
        {polls.length > 0 && (
          <Part title={t('home.polls')}>
            <Stack component="ul" gap="xs" className="plain-list">
              {polls.map((poll) => (
                <Card key={poll.meetingId} component="li" withBorder padding="sm">
                  <Anchor component={Link} to={`/teams/${poll.teamId}`} fw={700}>
                    {poll.teamName}
                  </Anchor>
                  <Text>{poll.title}</Text>
                </Card>
              ))}
            </Stack>
          </Part>
        )}
        <Part title={t('home.teams')}>
          {teams.length ? <TeamList teams={teams} /> : <Text>{t('home.noTeams')}</Text>}
          {teams.filter((team) => team.status === 'open').length > 1 && (
            <Anchor component={Link} to="/teams/broadcast" mt="sm" display="inline-block">
              {t('broadcast.link')}
            </Anchor>
          )}
        </Part>
      </Stack>
    </section>
  );
}
