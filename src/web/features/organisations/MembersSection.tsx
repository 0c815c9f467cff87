import { Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type MembershipRole, membershipRoles, professions } from '../../../shared/identity';
import type { passwordResetCreated } from '../../../shared/schemas/organisations';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { lockedNow, PersonCell } from '../../ui/PersonCell';
import { ScrollTable } from '../../ui/ScrollTable';
import { meKey, useMe } from '../../ui/session';
import { type MemberList, orgKey } from './OrganisationPage';

type Member = MemberList['members'][number];
type ResetLink = z.infer<typeof passwordResetCreated>;
type Pending = { kind: 'remove' | 'reset'; member: Member } | null;

type Props = { orgId: string; organisationName: string; members: Member[]; canManage: boolean };

export function MembersSection({ orgId, organisationName, members, canManage }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useDateFormatter();
  const me = useMe();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetLink, setResetLink] = useState<{ name: string; link: ResetLink } | null>(null);
  const memberPath = (userId: string) =>
    `/api/orgs/${encodeURIComponent(orgId)}/members/${encodeURIComponent(userId)}`;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: orgKey(orgId) });
    void queryClient.invalidateQueries({ queryKey: meKey });
  };

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MembershipRole }) =>
      api.patch(memberPath(userId), { role }),
    onSuccess: () => {
      setNotice(t('organisations.members.roleChanged'));
      refresh();
    },
  });
  const unlock = useMutation({
    mutationFn: (userId: string) => api.post(`${memberPath(userId)}/unlock`),
    onSuccess: () => {
      setNotice(t('organisations.members.unlocked'));
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (member: Member) => api.delete(memberPath(member.userId)),
    onSuccess: (_, member) => {
      setPending(null);
      setNotice(t('organisations.members.removed', { name: member.displayName }));
      refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (member: Member) => api.post<ResetLink>(`${memberPath(member.userId)}/password-reset`),
    onSuccess: (link, member) => {
      setPending(null);
      setResetLink({ name: member.displayName, link });
      refresh();
    },
  });
  const actionError = changeRole.error ?? unlock.error;

  return (
    <section aria-labelledby="members-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="members-heading">
          {t('organisations.members.heading')}
        </Title>
        <Text>{t('organisations.members.count', { count: members.length })}</Text>
      </Group>
      <Stack>
        <NoticeAlert message={notice} onClose={() => setNotice(null)} />
        <ErrorAlert error={actionError} />
        {resetLink && (
          <Card withBorder padding="md" bg="yellow.0">
            <Stack gap="xs">
              <Text fw={700}>{t('organisations.members.resetCreated', { name: resetLink.name })}</Text>
              <Text>{t('organisations.members.resetAfter', { name: resetLink.name })}</Text>
              <Text>{t('organisations.oneTimeLink')}</Text>
              <CopyField label={t('organisations.members.resetLink')} value={resetLink.link.url} />
              <Text size="sm">
                {t('organisations.members.resetExpires', { time: format.dateTime(resetLink.link.expiresAt) })}
              </Text>
              <Button variant="default" w="fit-content" onClick={() => setResetLink(null)}>
                {t('common.close')}
              </Button>
            </Stack>
          </Card>
        )}
        {members.length === 0 ? (
          <Text>{t('organisations.members.none')}</Text>
        ) : (
          <ScrollTable label={t('organisations.members.heading')} minWidth={canManage ? 960 : 640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.members.name')}</Table.Th>
                <Table.Th scope="col">{t('organisations.members.profession')}</Table.Th>
                <Table.Th scope="col">{t('organisations.members.role')}</Table.Th>
                <Table.Th scope="col">{t('organisations.members.twoFactor')}</Table.Th>
                <Table.Th scope="col">{t('organisations.members.status')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => {
                const isMe = member.userId === me.data?.user.id;
                const locked = lockedNow(member.lockedUntil);
                return (
                  <Table.Tr key={member.userId}>
                    <PersonCell
                      displayName={member.displayName}
                      kana={member.kana}
                      loginId={member.loginId}
                      suffix={isMe && t('organisations.members.you')}
                    />
                    <Table.Td className="nowrap">{label(professions, member.profession)}</Table.Td>
                    <Table.Td>
                      {canManage ? (
                        <NativeSelect
                          size="sm"
                          aria-label={t('organisations.members.roleOf', { name: member.displayName })}
                          value={member.role}
                          disabled={changeRole.isPending}
                          data={membershipRoles.map((role) => ({
                            value: role.code,
                            label: label(membershipRoles, role.code),
                          }))}
                          onChange={(event) =>
                            changeRole.mutate({
                              userId: member.userId,
                              role: event.currentTarget.value as MembershipRole,
                            })
                          }
                        />
                      ) : (
                        label(membershipRoles, member.role)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={member.totpEnabled ? 'green' : 'orange'} variant="light">
                        {member.totpEnabled ? t('account.totp.enabled') : t('account.totp.disabled')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {locked && member.lockedUntil ? (
                        <Badge color="red" variant="light">
                          {t('organisations.members.lockedUntil', {
                            time: format.dateTime(member.lockedUntil),
                          })}
                        </Badge>
                      ) : (
                        <Text size="sm">
                          {t('organisations.members.joinedAt')}: <DateText value={member.joinedAt} />
                        </Text>
                      )}
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {locked && (
                            <Button
                              size="sm"
                              variant="default"
                              aria-label={t('organisations.members.unlockLabel', {
                                name: member.displayName,
                              })}
                              loading={unlock.isPending && unlock.variables === member.userId}
                              onClick={() => unlock.mutate(member.userId)}
                            >
                              {t('organisations.members.unlock')}
                            </Button>
                          )}
                          {!isMe && (
                            <Button
                              size="sm"
                              variant="default"
                              aria-label={t('organisations.members.resetLabel', { name: member.displayName })}
                              onClick={() => {
                                reset.reset();
                                setPending({ kind: 'reset', member });
                              }}
                            >
                              {t('organisations.members.reset')}
                            </Button>
                          )}
                          {!isMe && (
                            <Button
                              size="sm"
                              color="red"
                              variant="outline"
                              aria-label={t('organisations.members.removeLabel', {
                                name: member.displayName,
                              })}
                              onClick={() => {
                                remove.reset();
                                setPending({ kind: 'remove', member });
                              }}
                            >
                              {t('organisations.members.remove')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
      <ConfirmDialog
        opened={pending?.kind === 'remove'}
        title={t('organisations.members.removeTitle')}
        confirmLabel={t('organisations.members.remove')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => pending && remove.mutate(pending.member)}
        onClose={() => setPending(null)}
      >
        {t('organisations.members.removeBody', {
          name: pending?.member.displayName ?? '',
          org: organisationName,
        })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending?.kind === 'reset'}
        title={t('organisations.members.resetTitle')}
        confirmLabel={t('organisations.members.reset')}
        pending={reset.isPending}
        error={reset.error}
        onConfirm={() => pending && reset.mutate(pending.member)}
        onClose={() => setPending(null)}
      >
        {t('organisations.members.resetBody', { name: pending?.member.displayName ?? '' })}
      </ConfirmDialog>
    </section>
  );
}
