import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { areaKinds } from '../../../shared/identity';
import type { organisationChoices } from '../../../shared/schemas/organisations';
import type { areaList } from '../../../shared/schemas/settings';
import { api, isApiError, withQuery } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EditorModal } from '../../ui/EditorModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { ScrollTable } from '../../ui/ScrollTable';
import { AreaForm, type AreaValues } from './AreaForm';

type Area = z.infer<typeof areaList>['areas'][number];
const areasKey = ['areas'] as const;

export function AreasSection() {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Area | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Area | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const areas = useQuery({
    queryKey: areasKey,
    queryFn: () => api.get<z.infer<typeof areaList>>('/api/areas'),
  });
  const centers = useQuery({
    queryKey: ['orgs', { kind: 'community_center' }],
    queryFn: () =>
      api.get<z.infer<typeof organisationChoices>>(withQuery('/api/orgs', { kind: 'community_center' })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: areasKey });
  const done = (message: string) => {
    setEditing(null);
    setDeleting(null);
    setNotice(message);
    void refresh();
  };

  const create = useMutation({
    mutationFn: (values: AreaValues) => api.post('/api/areas', values),
    onSuccess: () => done(t('settings.areas.saved')),
  });
  const update = useMutation({
    mutationFn: ({ area, values }: { area: Area; values: AreaValues }) =>
      api.put(`/api/areas/${encodeURIComponent(area.id)}`, { ...values, version: area.version }),
    onSuccess: () => done(t('settings.areas.saved')),
  });
  const remove = useMutation({
    mutationFn: (area: Area) => api.delete(`/api/areas/${encodeURIComponent(area.id)}`),
    onSuccess: () => done(t('settings.areas.deleted')),
  });
  const conflict = isApiError(update.error) && update.error.code === 'version_conflict';

  const open = (target: Area | 'new') => {
    create.reset();
    update.reset();
    setNotice(null);
    setEditing(target);
  };

  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="areas-heading">
      <Title order={2} id="areas-heading" mb="md">
        {t('settings.areas.heading')}
      </Title>
      <Stack>
        <Text>{t('settings.areas.lead')}</Text>
        <Group>
          <Button onClick={() => open('new')}>{t('settings.areas.add')}</Button>
        </Group>
        <NoticeAlert message={notice} />
        {areas.isPending && <Loading />}
        <ErrorAlert error={areas.error ?? centers.error} />
        {areas.data && areas.data.areas.length === 0 && <Text>{t('settings.areas.none')}</Text>}
        {areas.data && areas.data.areas.length > 0 && (
          <ScrollTable label={t('settings.areas.heading')} minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.areas.sortOrder')}</Table.Th>
                <Table.Th scope="col">{t('settings.areas.name')}</Table.Th>
                <Table.Th scope="col">{t('settings.areas.kind')}</Table.Th>
                <Table.Th scope="col">{t('settings.areas.center')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {areas.data.areas.map((area) => (
                <Table.Tr key={area.id}>
                  <Table.Td>{area.sortOrder}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Text fw={700}>{area.name}</Text>
                    <Text size="sm">{area.kana}</Text>
                  </Table.Th>
                  <Table.Td className="nowrap">{label(areaKinds, area.kind)}</Table.Td>
                  <Table.Td>{area.responsibleCenterName ?? t('common.notSet')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="sm"
                        variant="default"
                        aria-label={t('settings.areas.editLabel', { name: area.name })}
                        onClick={() => open(area)}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="outline"
                        color="red"
                        aria-label={t('settings.areas.deleteLabel', { name: area.name })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(area);
                        }}
                      >
                        {t('common.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
      <EditorModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('settings.areas.addTitle')}
        editTitle={(area) => t('settings.areas.editTitle', { name: area.name })}
      >
        {conflict ? (
          <Stack>
            <Alert color="orange" role="alert">
              {t('settings.areas.conflict')}
            </Alert>
            <Button
              w="fit-content"
              onClick={async () => {
                await refresh();
                const fresh = queryClient
                  .getQueryData<z.infer<typeof areaList>>(areasKey)
                  ?.areas.find((area) => editing !== 'new' && area.id === editing?.id);
                update.reset();
                setEditing(fresh ?? null);
              }}
            >
              {t('common.reload')}
            </Button>
          </Stack>
        ) : (
          editing !== null && (
            <AreaForm
              key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
              initial={
                editing === 'new'
                  ? undefined
                  : {
                      name: editing.name,
                      kana: editing.kana,
                      kind: editing.kind,
                      responsibleCenterId: editing.responsibleCenterId,
                      sortOrder: editing.sortOrder,
                    }
              }
              centers={centers.data?.organisations ?? []}
              pending={create.isPending || update.isPending}
              error={editing === 'new' ? create.error : update.error}
              onSubmit={(values) =>
                editing === 'new' ? create.mutate(values) : update.mutate({ area: editing, values })
              }
              onCancel={() => setEditing(null)}
            />
          )
        )}
      </EditorModal>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('settings.areas.deleteTitle')}
        confirmLabel={t('common.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        errorTitle={t('settings.areas.deleteRefused')}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        {t('settings.areas.deleteBody', { name: deleting?.name ?? '' })}
      </ConfirmDialog>
    </Card>
  );
}
