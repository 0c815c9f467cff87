// The team's members and open invitations; the owner invites, removes, hands over and closes, a
// member leaves.
import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TeamDetail, TeamMember } from '../../../shared/schemas/teams';
import { teamRoles } from '../../../shared/teams';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDateFormatter } from '../../ui/DateText';
import { useLabel } from '../../ui/labels';
import { Section } from '../../ui/Section';
import { InviteForm } from './InviteForm';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

type Action =
  | { kind: 'remove'; member: TeamMember }
  | { kind: 'transfer'; member: TeamMember }
  | { kind: 'leave' }
  | { kind: 'close' }
  | null;

function useMemberActions(team: TeamDetail) {
  const navigate = useNavigate();
  return useTeamMutation(team.id, async (action: NonNullable<Action>) => {
    if (action.kind === 'close') return api.post(teamPath(team.id, '/close'));
    if (action.kind === 'transfer')
      return api.post(teamPath(team.id, '/transfer'), { memberId: action.member.memberId });
    const memberId = action.kind === 'remove' ? action.member.memberId : team.me.memberId;
    await api.post(teamPath(team.id, `/members/${memberId}/end`));
    if (action.kind === 'leave') navigate('/home');
  });
}

function useDialogText() {
  const { t } = useTranslation('teams');
  return (action: NonNullable<Action>): [string, string] => {
    if (action.kind === 'leave') return [t('members.leaveTitle'), t('members.leaveBody')];
    if (action.kind === 'close') return [t('members.closeTitle'), t('members.closeBody')];
    const name = action.member.displayName;
    return action.kind === 'remove'
      ? [t('members.removeTitle', { name }), t('members.removeBody', { name })]
      : [t('members.transferTitle', { name }), t('members.transferBody', { name })];
  };
}

export function MembersSection({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const format = useDateFormatter();
  const [action, setAction] = useState<Action>(null);
  const close = () => setAction(null);
  const run = useMemberActions(team);
  const dialogText = useDialogText();
  const owner = team.me.isOwner && team.status === 'open';
  const dialog = action && dialogText(action);

  return (
    <Section id="members-heading" title={t('members.title')}>
      <Stack>
        <List listStyleType="none" spacing="sm">
          {team.members.map((member) => (
            <List.Item key={member.memberId}>
              <Group gap="xs" wrap="wrap">
                <Text fw={700}>{member.displayName}</Text>
                {member.isOwner && <Badge variant="light">{t('members.owner')}</Badge>}
                {member.status === 'invited' && (
                  <Badge variant="outline" color="gray">
                    {t('members.invited', {
                      date: format.date(member.invitationExpiresAt ?? member.invitedAt),
                    })}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {label(teamRoles, member.teamRole)}・{member.organisationName}
              </Text>
              {owner && !member.isOwner && (
                <Group gap="xs" mt={4}>
                  <Button size="xs" variant="default" onClick={() => setAction({ kind: 'remove', member })}>
                    {member.status === 'invited' ? t('members.cancelInvitation') : t('members.remove')}
                  </Button>
                  {member.status === 'active' && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setAction({ kind: 'transfer', member })}
                    >
                      {t('members.transfer')}
                    </Button>
                  )}
                </Group>
              )}
            </List.Item>
          ))}
        </List>
        {owner && <InviteForm team={team} />}
        <Group>
          {!team.me.isOwner && !team.support && (
            <Button variant="default" onClick={() => setAction({ kind: 'leave' })}>
              {t('members.leave')}
            </Button>
          )}
          {owner && (
            <Button variant="default" color="red" onClick={() => setAction({ kind: 'close' })}>
              {t('members.close')}
            </Button>
          )}
        </Group>
      </Stack>
      {action && dialog && (
        <ConfirmDialog
          opened
          title={dialog[0]}
          danger={action.kind !== 'transfer'}
          pending={run.isPending}
          error={run.error}
          onConfirm={() => run.mutate(action, { onSuccess: close })}
          onClose={close}
        >
          {dialog[1]}
        </ConfirmDialog>
      )}
    </Section>
  );
}
