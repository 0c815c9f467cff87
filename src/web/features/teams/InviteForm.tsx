// The owner finds a professional by name and invites them with a role in the team.
import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { professions } from '../../../shared/identity';
import type { Candidate, TeamDetail } from '../../../shared/schemas/teams';
import { type TeamRole, teamRoles } from '../../../shared/teams';
import { api, withQuery } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

/** A first guess of the team role from the profession; the owner can change it. */
const roleFor: Record<string, TeamRole> = {
  physician: 'physician',
  nurse: 'visiting_nurse',
  care_manager: 'care_manager',
  pharmacist: 'pharmacist',
  dentist: 'dentist',
  medical_social_worker: 'msw',
};

function CandidateRow({
  team,
  candidate,
  onInvited,
}: {
  team: TeamDetail;
  candidate: Candidate;
  onInvited: () => void;
}) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const [role, setRole] = useState<TeamRole>(roleFor[candidate.profession] ?? 'other');
  const invite = useTeamMutation(team.id, () =>
    api.post(teamPath(team.id, '/invitations'), {
      userId: candidate.userId,
      organisationId: candidate.organisationId,
      teamRole: role,
    }),
  );
  const id = `invite-${candidate.userId}-${candidate.organisationId}`;
  return (
    <Card component="li" withBorder padding="sm">
      <Text fw={700}>{candidate.displayName}</Text>
      <Text size="sm">
        {label(professions, candidate.profession)}・{candidate.organisationName}
      </Text>
      <Group align="flex-end" mt="xs">
        <NativeSelect
          id={id}
          label={t('members.role')}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as TeamRole)}
          data={teamRoles.map((r) => ({ value: r.code, label: label(teamRoles, r.code) }))}
        />
        <Button loading={invite.isPending} onClick={() => invite.mutate(undefined, { onSuccess: onInvited })}>
          {t('members.inviteButton')}
        </Button>
      </Group>
      <ErrorAlert error={invite.error} />
    </Card>
  );
}

export function InviteForm({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [invited, setInvited] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['teams', team.id, 'candidates', q],
    queryFn: () => api.get<{ items: Candidate[] }>(withQuery(teamPath(team.id, '/candidates'), { q })),
    enabled: q !== '',
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setInvited(null);
    setQ(text.trim());
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('members.invite')}
      </Title>
      <search>
        <form onSubmit={search} aria-label={t('members.invite')}>
          <Group align="flex-end">
            <TextInput
              label={t('members.search')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" variant="light">
              {t('members.searchButton')}
            </Button>
          </Group>
        </form>
      </search>
      <NoticeAlert message={invited && t('members.invitedNotice', { name: invited })} />
      <ErrorAlert error={found.error} />
      {found.data && found.data.items.length === 0 && <Text>{t('members.noResult')}</Text>}
      {found.data && found.data.items.length > 0 && (
        <Stack component="ul" gap="xs" className="plain-list">
          {found.data.items.map((candidate) => (
            <CandidateRow
              key={`${candidate.userId}-${candidate.organisationId}`}
              team={team}
              candidate={candidate}
              onInvited={() => {
                setInvited(candidate.displayName);
                void found.refetch();
              }}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
