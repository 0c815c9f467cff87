// The team's family members (家族): the owner issues a one-time joining code, shown once, and ends a
// family member's access.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { keyPersonRelations } from '../../../shared/patients';
import {
  type FamilyInvitation,
  type FamilyMember,
  familyInviteRequest,
} from '../../../shared/schemas/family';
import type { TeamDetail } from '../../../shared/schemas/teams';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { useLabel } from '../../ui/labels';
import { Modal } from '../../ui/Modal';
import { Section } from '../../ui/Section';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

type Input = z.input<typeof familyInviteRequest>;

function InviteFamilyForm({ team, onDone }: { team: TeamDetail; onDone: () => void }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const format = useDateFormatter();
  const form = useForm<Input>({
    resolver: zodResolver(familyInviteRequest),
    defaultValues: { name: '', relation: 'child' },
  });
  const issue = useTeamMutation(team.id, (values: Input) =>
    api.post<FamilyInvitation>(teamPath(team.id, '/family'), values),
  );
  if (issue.data)
    return (
      <Stack>
        <Text fw={700}>
          {t('family.codeFor', { name: issue.data.name, date: format.dateTime(issue.data.expiresAt) })}
        </Text>
        <CopyField label={t('family.code')} value={issue.data.code} />
        <CopyField
          label={t('family.link')}
          value={`${window.location.origin}/family/join#${issue.data.code}`}
        />
        <Group justify="flex-end">
          <Button onClick={onDone}>{t('family.done')}</Button>
        </Group>
      </Stack>
    );
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => issue.mutate(values))}>
      <Stack>
        <Text>{t('family.inviteLead', { hours: 72 })}</Text>
        <TextInput
          label={t('family.name')}
          required
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <NativeSelect
          label={t('family.relation')}
          data={keyPersonRelations.map((r) => ({ value: r.code, label: label(keyPersonRelations, r.code) }))}
          {...form.register('relation')}
        />
        <ErrorAlert error={issue.error} shownPaths={['name']} />
        <FormButtons onCancel={onDone} pending={issue.isPending} submitLabel={t('family.issue')} />
      </Stack>
    </form>
  );
}

export function FamilySection({ team }: { team: TeamDetail }) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const format = useDateFormatter();
  const [inviting, setInviting] = useState(false);
  const [ending, setEnding] = useState<FamilyMember | null>(null);
  const end = useTeamMutation(team.id, (member: FamilyMember) =>
    api.post(teamPath(team.id, `/family/${member.id}/end`)),
  );
  const owner = team.me.isOwner && team.status === 'open';
  return (
    <Section id="family-heading" title={t('family.title')}>
      <Stack>
        {team.family.length === 0 ? (
          <Text>{t('family.none')}</Text>
        ) : (
          <List listStyleType="none" spacing="sm">
            {team.family.map((member) => (
              <List.Item key={member.id}>
                <Text fw={700}>
                  {member.name}（{label(keyPersonRelations, member.relation)}）
                </Text>
                <Text size="sm">
                  {member.status === 'active'
                    ? t('family.joined')
                    : t('family.invited', { date: format.dateTime(member.codeExpiresAt) })}
                </Text>
                {team.me.isOwner && (
                  <Button size="xs" variant="default" mt={4} onClick={() => setEnding(member)}>
                    {t('family.end')}
                  </Button>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {owner && (
          <div>
            <Button variant="light" onClick={() => setInviting(true)}>
              {t('family.invite')}
            </Button>
          </div>
        )}
      </Stack>
      <Modal opened={inviting} onClose={() => setInviting(false)} title={t('family.inviteTitle')}>
        {inviting && <InviteFamilyForm team={team} onDone={() => setInviting(false)} />}
      </Modal>
      {ending && (
        <ConfirmDialog
          opened
          danger
          title={t('family.endTitle', { name: ending.name })}
          pending={end.isPending}
          error={end.error}
          onConfirm={() => end.mutate(ending, { onSuccess: () => setEnding(null) })}
          onClose={() => setEnding(null)}
        >
          {t('family.endBody', { name: ending.name })}
        </ConfirmDialog>
      )}
    </Section>
  );
}
