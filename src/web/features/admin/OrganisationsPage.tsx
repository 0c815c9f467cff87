// `/admin/organisations` — system admin: register organisations and edit them. After creating one,
// the admin continues on its page (/orgs/:id) to invite its first organisation admin.
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { organisationKinds } from '../../../shared/identity';
import type { organisationList } from '../../../shared/schemas/admin';
import type { OrganisationView } from '../../../shared/schemas/organisations';
import type { areaList } from '../../../shared/schemas/settings';
import { api } from '../../api';
import { EditorModal } from '../../ui/EditorModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { OrganisationForm, type OrganisationValues } from './OrganisationForm';
import './i18n';

type Organisation = z.infer<typeof organisationList>['organisations'][number];
const listKey = ['admin', 'organisations'] as const;

/** Kana-insensitive enough for a filter box: NFKC, katakana → hiragana, no spaces, lower case. */
const fold = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s/g, '')
    .toLowerCase();

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const organisations = useQuery({
    queryKey: listKey,
    queryFn: () => api.get<z.infer<typeof organisationList>>('/api/admin/organisations'),
  });
  const areas = useQuery({
    queryKey: ['areas'],
    queryFn: () => api.get<z.infer<typeof areaList>>('/api/areas'),
  });
  const areaName = (id: string | null) => areas.data?.areas.find((area) => area.id === id)?.name ?? '';

  const create = useMutation({
    mutationFn: ({ active: _, ...values }: OrganisationValues) =>
      api.post<OrganisationView>('/api/admin/organisations', {
        ...values,
        phone: values.phone || undefined,
        address: values.address || undefined,
      }),
    onSuccess: (organisation) => {
      void queryClient.invalidateQueries({ queryKey: listKey });
      navigate(`/orgs/${organisation.id}?created=1`);
    },
  });
  const update = useMutation({
    mutationFn: ({ id, values }: { id: string; values: OrganisationValues }) =>
      api.patch<OrganisationView>(`/api/admin/organisations/${encodeURIComponent(id)}`, values),
    onSuccess: () => {
      setEditing(null);
      setNotice(t('admin.organisations.updated'));
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });

  const open = (target: Organisation | 'new') => {
    create.reset();
    update.reset();
    setNotice(null);
    setEditing(target);
  };
  const visible = (organisations.data?.organisations ?? []).filter(
    (org) => !filter || fold(`${org.name}${org.kana}`).includes(fold(filter)),
  );

  return (
    <Stack gap="lg">
      <PageTitle title={t('admin.organisations.title')} />
      <Text>{t('admin.organisations.lead')}</Text>
      <Group>
        <Button onClick={() => open('new')}>{t('admin.organisations.add')}</Button>
      </Group>
      {notice && (
        <Text role="status" c="green.9" fw={700}>
          {notice}
        </Text>
      )}
      <section aria-labelledby="org-list-heading">
        <Group justify="space-between" mb="sm" align="end">
          <Title order={2} id="org-list-heading">
            {t('admin.organisations.listHeading')}
          </Title>
          <TextInput
            label={t('admin.organisations.filter')}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            type="search"
            size="sm"
          />
        </Group>
        {organisations.isPending && <Loading />}
        <ErrorAlert error={organisations.error} />
        {organisations.data && visible.length === 0 && <Text>{t('admin.organisations.none')}</Text>}
        {visible.length > 0 && (
          <ScrollTable label={t('admin.organisations.listHeading')} minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.organisations.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.organisations.kind')}</Table.Th>
                <Table.Th scope="col">{t('admin.organisations.area')}</Table.Th>
                <Table.Th scope="col">{t('admin.organisations.memberCount')}</Table.Th>
                <Table.Th scope="col">{t('admin.organisations.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((org) => (
                <Table.Tr key={org.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/orgs/${org.id}`} fw={700}>
                      {org.name}
                    </Anchor>
                    <Text size="sm">{org.kana}</Text>
                  </Table.Th>
                  <Table.Td>{label(organisationKinds, org.kind)}</Table.Td>
                  <Table.Td className="nowrap">{areaName(org.areaId)}</Table.Td>
                  <Table.Td>{org.memberCount}</Table.Td>
                  <Table.Td>
                    <Badge color={org.active ? 'green' : 'gray'} variant="light">
                      {org.active ? t('admin.organisations.active') : t('admin.organisations.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="sm"
                      variant="default"
                      aria-label={t('admin.organisations.editLabel', { name: org.name })}
                      onClick={() => open(org)}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </section>
      <EditorModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('admin.organisations.addTitle')}
        editTitle={(org) => t('admin.organisations.editTitle', { name: org.name })}
      >
        {editing !== null && (
          <OrganisationForm
            key={editing === 'new' ? 'new' : editing.id}
            editing={editing !== 'new'}
            initial={
              editing === 'new'
                ? undefined
                : {
                    name: editing.name,
                    kana: editing.kana,
                    kind: editing.kind,
                    areaId: editing.areaId,
                    phone: editing.phone ?? '',
                    address: editing.address ?? '',
                    active: editing.active,
                  }
            }
            areas={areas.data?.areas ?? []}
            pending={create.isPending || update.isPending}
            error={editing === 'new' ? create.error : update.error}
            onSubmit={(values) =>
              editing === 'new' ? create.mutate(values) : update.mutate({ id: editing.id, values })
            }
            onCancel={() => setEditing(null)}
          />
        )}
      </EditorModal>
    </Stack>
  );
}
