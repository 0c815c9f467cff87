// The team's meeting polls: answering ○△× per date, the owner fixing one, the fixed date for the
// calendar.
import { Anchor, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/dates';
import type { Meeting, MeetingAnswer } from '../../../shared/schemas/meetings';
import type { TeamDetail } from '../../../shared/schemas/teams';
import { api } from '../../api';
import { teamKey } from '../../live';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Modal } from '../../ui/Modal';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { Section } from '../../ui/Section';
import { ProposeMeetingForm } from './ProposeMeetingForm';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

const answers: MeetingAnswer[] = ['yes', 'maybe', 'no'];

function useWhen() {
  const format = useDateFormatter();
  return (o: { startsAt: string; endsAt: string }) =>
    `${format.dateTime(o.startsAt)}〜${formatTime(o.endsAt)}`;
}

function MeetingCard({ team, meeting }: { team: TeamDetail; meeting: Meeting }) {
  const { t } = useTranslation('teams');
  const when = useWhen();
  const mine = (optionId: string) =>
    meeting.options.find((o) => o.id === optionId)?.answers.find((a) => a.userId === team.me.userId)?.answer;
  const [chosen, setChosen] = useState<Record<string, MeetingAnswer | undefined>>(() =>
    Object.fromEntries(meeting.options.map((o) => [o.id, mine(o.id)])),
  );
  const [fixing, setFixing] = useState<Meeting['options'][number] | null>(null);
  const answer = useTeamMutation(team.id, () =>
    api.put(teamPath(team.id, `/meetings/${meeting.id}/answers`), {
      answers: Object.entries(chosen).flatMap(([optionId, value]) =>
        value ? [{ optionId, answer: value }] : [],
      ),
    }),
  );
  const fix = useTeamMutation(team.id, (optionId: string) =>
    api.post(teamPath(team.id, `/meetings/${meeting.id}/fix`), { optionId }),
  );
  const fixed = meeting.options.find((o) => o.id === meeting.fixedOptionId);
  const polling = meeting.status === 'polling' && team.status === 'open';
  return (
    <Card component="article" withBorder padding="md" aria-label={meeting.title}>
      <Title order={3} size="h4">
        {meeting.title}
      </Title>
      {meeting.place && <Text size="sm">{meeting.place}</Text>}
      <Text size="sm" c="dimmed">
        {t('meetings.byWhom', { name: meeting.createdBy })}
      </Text>
      {fixed ? (
        <Stack gap={4} mt="sm">
          <Text fw={700}>{t('meetings.fixed', { when: when(fixed) })}</Text>
          <Anchor href={teamPath(team.id, `/meetings/${meeting.id}/calendar.ics`)} download>
            {t('meetings.calendar')}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="sm" mt="sm">
          {meeting.options.map((option) => {
            const count = (a: MeetingAnswer) => option.answers.filter((x) => x.answer === a).length;
            return (
              <Stack key={option.id} gap={4}>
                <Group justify="space-between" gap="xs">
                  <Text fw={700}>{when(option)}</Text>
                  <Text size="sm">
                    {t('meetings.tally', { yes: count('yes'), maybe: count('maybe'), no: count('no') })}
                  </Text>
                </Group>
                {polling && (
                  <Radio.Group
                    label={t('meetings.myAnswer', { when: when(option) })}
                    value={chosen[option.id] ?? null}
                    onChange={(value) => setChosen({ ...chosen, [option.id]: value as MeetingAnswer })}
                  >
                    <Group gap="sm" mt={4}>
                      {answers.map((a) => (
                        <Radio key={a} value={a} label={t(`meetings.${a}`)} />
                      ))}
                    </Group>
                  </Radio.Group>
                )}
                {polling && team.me.isOwner && (
                  <div>
                    <Button size="xs" variant="light" onClick={() => setFixing(option)}>
                      {t('meetings.fix')}
                    </Button>
                  </div>
                )}
              </Stack>
            );
          })}
          {meeting.waiting.length > 0 && (
            <Text size="sm">
              {t('meetings.waiting', { names: meeting.waiting.map((w) => w.displayName).join('、') })}
            </Text>
          )}
          {polling && (
            <Group>
              <Button onClick={() => answer.mutate(undefined)} loading={answer.isPending}>
                {t('meetings.answer')}
              </Button>
            </Group>
          )}
          <NoticeAlert message={answer.isSuccess && t('meetings.answered')} />
          <ErrorAlert error={answer.error} />
        </Stack>
      )}
      {fixing && (
        <ConfirmDialog
          opened
          title={t('meetings.fixTitle', { when: when(fixing) })}
          pending={fix.isPending}
          error={fix.error}
          onConfirm={() => fix.mutate(fixing.id, { onSuccess: () => setFixing(null) })}
          onClose={() => setFixing(null)}
        >
          {t('meetings.fixBody')}
        </ConfirmDialog>
      )}
    </Card>
  );
}

export function MeetingsSection({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const [proposing, setProposing] = useState(false);
  const meetings = useQuery({
    queryKey: [...teamKey(team.id), 'meetings'],
    queryFn: () => api.get<{ items: Meeting[] }>(teamPath(team.id, '/meetings')),
  });
  return (
    <Section id="meetings-heading" title={t('meetings.title')}>
      <Stack>
        {meetings.isPending ? (
          <Loading />
        ) : meetings.error ? (
          <ErrorAlert error={meetings.error} />
        ) : meetings.data.items.length === 0 ? (
          <Text>{t('meetings.none')}</Text>
        ) : (
          meetings.data.items.map((meeting) => <MeetingCard key={meeting.id} team={team} meeting={meeting} />)
        )}
        {team.me.isOwner && team.status === 'open' && (
          <div>
            <Button variant="light" onClick={() => setProposing(true)}>
              {t('meetings.propose')}
            </Button>
          </div>
        )}
      </Stack>
      <Modal
        opened={proposing}
        onClose={() => setProposing(false)}
        title={t('meetings.proposeTitle')}
        size="lg"
      >
        <ProposeMeetingForm teamId={team.id} onDone={() => setProposing(false)} />
      </Modal>
    </Section>
  );
}
