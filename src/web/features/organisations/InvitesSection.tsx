import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type MembershipRole, membershipRoles } from '../../../shared/identity';
import {
  type inviteCreated,
  inviteCreateRequest,
  type inviteList,
} from '../../../shared/schemas/organisations';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { DateText, useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { ScrollTable } from '../../ui/ScrollTable';

type Invite = z.infer<typeof inviteList>['invites'][number];
type Created = z.infer<typeof inviteCreated>;
const statusColour = { valid: 'green', expired: 'gray', used: 'blue', revoked: 'red' } as const;
const lifetimes = [24, 72, 168, 336];
const fields = ['role', 'note', 'expiresInHours'] as const;

export function InvitesSection({ orgId, defaultRole }: { orgId: string; defaultRole: MembershipRole }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useDateFormatter();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<Invite | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/orgs/${encodeURIComponent(orgId)}/invites`;
  const key = ['orgs', orgId, 'invites'];

  const invites = useQuery({ queryKey: key, queryFn: () => api.get<z.infer<typeof inviteList>>(base) });
  const form = useForm<z.input<typeof inviteCreateRequest>, unknown, z.output<typeof inviteCreateRequest>>({
    resolver: zodResolver(inviteCreateRequest),
    defaultValues: { role: defaultRole, note: '', expiresInHours: 72 },
  });
  const create = useMutation({
    mutationFn: (values: z.output<typeof inviteCreateRequest>) =>
      api.post<Created>(base, { ...values, note: values.note || undefined }),
    onSuccess: (result) => {
      setCreated(result);
      form.reset({ role: 'member', note: '', expiresInHours: 72 });
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const revoke = useMutation({
    mutationFn: (invite: Invite) => api.delete(`${base}/${encodeURIComponent(invite.id)}`),
    onSuccess: () => {
      setRevoking(null);
      setNotice(t('organisations.invites.revoked'));
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const { errors } = form.formState;

  const hoursLabel = (hours: number) =>
    hours % 24 === 0 && hours >= 48
      ? t('organisations.invites.days', { count: hours / 24 })
      : t('organisations.invites.hours', { count: hours });

  return (
    <section aria-labelledby="invites-heading">
      <Title order={2} id="invites-heading" mb="sm">
        {t('organisations.invites.heading')}
      </Title>
      <Stack>
        <Text>{t('organisations.invites.lead')}</Text>
        <Card withBorder padding="lg">
          <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label={t('organisations.invites.role')}
                  error={errors.role?.message}
                  data={membershipRoles.map((role) => ({
                    value: role.code,
                    label: label(membershipRoles, role.code),
                  }))}
                  {...form.register('role')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label={t('organisations.invites.expiresIn')}
                  error={errors.expiresInHours?.message}
                  data={lifetimes.map((hours) => ({ value: String(hours), label: hoursLabel(hours) }))}
                  {...form.register('expiresInHours', { setValueAs: (value) => Number(value) })}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <TextInput
                  label={t('organisations.invites.note')}
                  description={t('organisations.invites.noteHint')}
                  error={errors.note?.message}
                  {...form.register('note')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <ErrorAlert error={create.error} shownPaths={fields} />
                <Button type="submit" loading={create.isPending}>
                  {t('organisations.invites.create')}
                </Button>
              </Grid.Col>
            </Grid>
          </form>
        </Card>

        {created && (
          <Alert color="green" title={t('organisations.invites.createdTitle')} role="status">
            <Stack gap="xs">
              <Text fw={700}>{t('organisations.invites.oneTime')}</Text>
              <CopyField label={t('organisations.invites.url')} value={created.url} />
              <Text size="sm">
                {label(membershipRoles, created.invite.role)} ・ {t('organisations.invites.expiresAt')}:{' '}
                <DateText value={created.invite.expiresAt} time />
              </Text>
              <Button variant="default" w="fit-content" onClick={() => setCreated(null)}>
                {t('common.close')}
              </Button>
            </Stack>
          </Alert>
        )}

        <Title order={3}>{t('organisations.invites.listHeading')}</Title>
        <NoticeAlert message={notice} />
        {invites.isPending && <Loading />}
        <ErrorAlert error={invites.error} />
        {invites.data && invites.data.invites.length === 0 && <Text>{t('organisations.invites.none')}</Text>}
        {invites.data && invites.data.invites.length > 0 && (
          <ScrollTable label={t('organisations.invites.listHeading')} minWidth={880}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.invites.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('organisations.invites.role')}</Table.Th>
                <Table.Th scope="col">{t('organisations.invites.note')}</Table.Th>
                <Table.Th scope="col">{t('organisations.invites.status')}</Table.Th>
                <Table.Th scope="col">{t('organisations.invites.expiresAt')}</Table.Th>
                <Table.Th scope="col">{t('organisations.invites.createdBy')}</Table.Th>
                <Table.Th scope="col">{t('organisations.invites.usedBy')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invites.data.invites.map((invite) => (
                <Table.Tr key={invite.id}>
                  <Table.Td>
                    <DateText value={invite.createdAt} time />
                  </Table.Td>
                  <Table.Td className="nowrap">{label(membershipRoles, invite.role)}</Table.Td>
                  <Table.Td>{invite.note ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColour[invite.status]} variant="light">
                      {t(`organisations.invites.statuses.${invite.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={invite.expiresAt} time />
                  </Table.Td>
                  <Table.Td className="nowrap">{invite.createdByName ?? ''}</Table.Td>
                  <Table.Td className="nowrap">{invite.usedByName ?? ''}</Table.Td>
                  <Table.Td>
                    {invite.status === 'valid' && (
                      <Button
                        size="sm"
                        color="red"
                        variant="outline"
                        aria-label={t('organisations.invites.revokeLabel', {
                          time: format.dateTime(invite.createdAt),
                        })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(invite);
                        }}
                      >
                        {t('organisations.invites.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('organisations.invites.revokeTitle')}
        confirmLabel={t('organisations.invites.revoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        {t('organisations.invites.revokeBody')}
      </ConfirmDialog>
    </section>
  );
}
