// `/admin/users` — system admin: find accounts, change system roles, disable and enable.
import { Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { membershipRoles, professions, type SystemRole, systemRoles } from '../../../shared/identity';
import type { userList } from '../../../shared/schemas/admin';
import { api, withQuery } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormButtons } from '../../ui/FormButtons';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { Modal } from '../../ui/Modal';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { lockedNow, PersonCell } from '../../ui/PersonCell';
import { ScrollTable } from '../../ui/ScrollTable';
import { useMe } from '../../ui/session';
import './i18n';

type User = z.infer<typeof userList>['users'][number];

export default function UsersPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useMe();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [rolesFor, setRolesFor] = useState<User | null>(null);
  const [roles, setRoles] = useState<SystemRole[]>([]);
  const [disabling, setDisabling] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const users = useQuery({
    queryKey: ['admin', 'users', q],
    queryFn: () => api.get<z.infer<typeof userList>>(withQuery('/api/admin/users', { q })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  const saveRoles = useMutation({
    mutationFn: ({ id, systemRoles: value }: { id: string; systemRoles: SystemRole[] }) =>
      api.put(`/api/admin/users/${encodeURIComponent(id)}/system-roles`, { systemRoles: value }),
    onSuccess: () => {
      setRolesFor(null);
      setNotice(t('admin.users.rolesSaved'));
      void refresh();
    },
  });
  const setDisabled = useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      api.put<User>(`/api/admin/users/${encodeURIComponent(id)}/disabled`, { disabled }),
    onSuccess: (user) => {
      setDisabling(null);
      setNotice(
        t(user.disabled ? 'admin.users.disabledNotice' : 'admin.users.enabledNotice', {
          name: user.displayName,
        }),
      );
      void refresh();
    },
  });

  return (
    <Stack gap="lg">
      <PageTitle title={t('admin.users.title')} />
      <Text>{t('admin.users.lead')}</Text>
      <search>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setParams(search.trim() ? { q: search.trim() } : {});
          }}
        >
          <Group align="end">
            <TextInput
              label={t('admin.users.search')}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit">{t('common.search')}</Button>
          </Group>
        </form>
      </search>
      <NoticeAlert message={notice} onClose={() => setNotice(null)} />
      {users.isPending && <Loading />}
      <ErrorAlert error={users.error ?? setDisabled.error} />
      {users.data && (
        <Text role="status">
          {users.data.users.length === 0
            ? t('admin.users.none')
            : t('admin.users.count', { count: users.data.users.length })}
        </Text>
      )}
      {users.data && users.data.users.length > 0 && (
        <ScrollTable label={t('admin.users.title')} minWidth={960}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.profession')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.organisations')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.systemRoles')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.users.map((user) => {
              const locked = lockedNow(user.lockedUntil);
              const isMe = user.id === me.data?.user.id;
              return (
                <Table.Tr key={user.id}>
                  <PersonCell displayName={user.displayName} kana={user.kana} loginId={user.loginId} />
                  <Table.Td className="nowrap">{label(professions, user.profession)}</Table.Td>
                  <Table.Td>
                    {user.organisations.map((org) => (
                      <Text size="sm" key={org.id}>
                        {org.name}（{label(membershipRoles, org.role)}）
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.systemRoles.map((role) => (
                        <Badge key={role} variant="light">
                          {label(systemRoles, role)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={user.disabled ? 'red' : 'green'} variant="light">
                        {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}
                      </Badge>
                      {locked && (
                        <Badge color="red" variant="light">
                          {t('admin.users.locked')}
                        </Badge>
                      )}
                      {!user.totpEnabled && (
                        <Badge color="orange" variant="light">
                          {t('admin.users.noTotp')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="sm"
                        variant="default"
                        aria-label={t('admin.users.editRolesLabel', { name: user.displayName })}
                        onClick={() => {
                          saveRoles.reset();
                          setRoles(user.systemRoles);
                          setRolesFor(user);
                        }}
                      >
                        {t('admin.users.editRoles')}
                      </Button>
                      {!isMe && (
                        <Button
                          size="sm"
                          variant="outline"
                          color={user.disabled ? 'blue' : 'red'}
                          aria-label={t(
                            user.disabled ? 'admin.users.enableLabel' : 'admin.users.disableLabel',
                            {
                              name: user.displayName,
                            },
                          )}
                          onClick={() => {
                            setDisabled.reset();
                            setDisabling(user);
                          }}
                        >
                          {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
      <Modal
        opened={rolesFor !== null}
        onClose={() => setRolesFor(null)}
        title={t('admin.users.rolesTitle', { name: rolesFor?.displayName ?? '' })}
        centered
      >
        <Stack>
          <Checkbox.Group
            label={t('admin.users.systemRoles')}
            value={roles}
            onChange={(value) => setRoles(value as SystemRole[])}
          >
            <Stack gap="xs" mt="xs">
              {systemRoles.map((role) => (
                <Checkbox key={role.code} value={role.code} label={label(systemRoles, role.code)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ErrorAlert error={saveRoles.error} />
          <FormButtons
            onCancel={() => setRolesFor(null)}
            pending={saveRoles.isPending}
            onSubmit={() => rolesFor && saveRoles.mutate({ id: rolesFor.id, systemRoles: roles })}
          />
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={disabling !== null}
        title={disabling?.disabled ? t('admin.users.enableTitle') : t('admin.users.disableTitle')}
        confirmLabel={disabling?.disabled ? t('admin.users.enableConfirm') : t('admin.users.disableConfirm')}
        danger={!disabling?.disabled}
        pending={setDisabled.isPending}
        error={setDisabled.error}
        onConfirm={() => disabling && setDisabled.mutate({ id: disabling.id, disabled: !disabling.disabled })}
        onClose={() => setDisabling(null)}
      >
        {disabling?.disabled
          ? t('admin.users.enableBody', { name: disabling.displayName })
          : t('admin.users.disableBody', { name: disabling?.displayName ?? '' })}
      </ConfirmDialog>
    </Stack>
  );
}
