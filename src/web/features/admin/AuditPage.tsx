// `/admin/audit` — system admin: search the append-only audit log (filters live in the URL) and
// check its hash chain.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Code, Grid, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { type auditList, auditQuery, type auditVerification } from '../../../shared/schemas/admin';
import { api, withQuery } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyServerErrors } from '../../ui/forms';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { adminJa } from './i18n';

const filterNames = ['action', 'actorUserId', 'targetType', 'targetId', 'from', 'to'] as const;
const filterSchema = auditQuery.pick({
  action: true,
  actorUserId: true,
  targetType: true,
  targetId: true,
  from: true,
  to: true,
});
type Filters = z.infer<typeof filterSchema>;
type AuditList = z.infer<typeof auditList>;
/** Every action code the client has a name for, e.g. `auth.login` (offered in the filter). */
const knownActions = Object.entries(adminJa.audit.actions).flatMap(([group, names]) =>
  Object.keys(names).map((name) => `${group}.${name}`),
);
const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const actionName = (code: string): string | null => {
    const key = `admin.audit.actions.${code}`;
    return knownActions.includes(code) && i18n.exists(key) ? t(key as never) : null;
  };
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    filterNames.flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  ) as Filters;

  const form = useForm<Filters>({ resolver: zodResolver(filterSchema), values: filters });
  const records = useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) =>
      api.get<AuditList>(withQuery('/api/admin/audit', { ...filters, limit: 100, beforeId: pageParam })),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const verify = useMutation({
    mutationFn: () => api.get<z.infer<typeof auditVerification>>('/api/admin/audit/verify'),
  });
  const rows = records.data?.pages.flatMap((page) => page.records) ?? [];
  const { errors } = form.formState;
  const register = (name: (typeof filterNames)[number]) =>
    form.register(name, { setValueAs: emptyToUndefined });

  useEffect(() => {
    if (records.error) applyServerErrors(records.error, form.setError, filterNames);
  }, [records.error, form.setError]);

  return (
    <Stack gap="lg">
      <PageTitle title={t('admin.audit.title')} />
      <Text>{t('admin.audit.lead')}</Text>

      <section aria-labelledby="verify-heading">
        <Card withBorder padding="lg">
          <Title order={2} id="verify-heading" mb="sm">
            {t('admin.audit.verifyHeading')}
          </Title>
          <Button
            variant="default"
            w="fit-content"
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('admin.audit.verify')}
          </Button>
          <ErrorAlert error={verify.error} />
          {verify.data && (
            <Alert color={verify.data.ok ? 'green' : 'red'} role="status" mt="md">
              {verify.data.ok
                ? t('admin.audit.verifyOk', { checked: verify.data.checked })
                : t('admin.audit.verifyBroken', { id: verify.data.brokenAt ?? '?' })}
              {verify.data.problem && (
                <Text size="sm" mt={4}>
                  {verify.data.problem}
                </Text>
              )}
              {verify.data.headHash && (
                <Text size="sm" mt={4}>
                  {t('admin.audit.headHash')}: <Code>{verify.data.headHash}</Code>
                </Text>
              )}
            </Alert>
          )}
        </Card>
      </section>

      <section aria-labelledby="filters-heading">
        <Title order={2} id="filters-heading" mb="sm">
          {t('admin.audit.filtersHeading')}
        </Title>
        <search aria-labelledby="filters-heading">
          <form
            noValidate
            onSubmit={form.handleSubmit((values) => {
              const next = new URLSearchParams();
              for (const name of filterNames) {
                const value = values[name];
                if (value) next.set(name, value);
              }
              setParams(next);
            })}
          >
            <Grid align="flex-end">
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('admin.audit.action')}
                  description={t('admin.audit.actionHint')}
                  list="audit-action-codes"
                  autoComplete="off"
                  spellCheck={false}
                  error={errors.action?.message}
                  {...register('action')}
                />
                <datalist id="audit-action-codes">
                  {knownActions.map((code) => (
                    <option key={code} value={code}>
                      {actionName(code)}
                    </option>
                  ))}
                </datalist>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('admin.audit.actor')}
                  error={errors.actorUserId?.message}
                  {...register('actorUserId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('admin.audit.targetType')}
                  error={errors.targetType?.message}
                  {...register('targetType')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('admin.audit.targetId')}
                  error={errors.targetId?.message}
                  {...register('targetId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('admin.audit.from')}
                  description={t('admin.audit.dateHint')}
                  type="date"
                  error={errors.from?.message}
                  {...register('from')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('admin.audit.to')}
                  description={t('admin.audit.dateHint')}
                  type="date"
                  error={errors.to?.message}
                  {...register('to')}
                />
              </Grid.Col>
            </Grid>
            <Group mt="md">
              <Button type="submit">{t('common.search')}</Button>
              <Button variant="default" onClick={() => setParams(new URLSearchParams())}>
                {t('common.clear')}
              </Button>
            </Group>
          </form>
        </search>
      </section>

      <section aria-labelledby="records-heading">
        <Title order={2} id="records-heading" mb="sm">
          {t('admin.audit.resultsHeading')}
        </Title>
        {records.isPending && <Loading />}
        <ErrorAlert error={records.error} shownPaths={filterNames} />
        {records.data && rows.length === 0 && <Text>{t('admin.audit.none')}</Text>}
        {rows.length > 0 && (
          <ScrollTable label={t('admin.audit.resultsHeading')} minWidth={1000} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.audit.occurredAt')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.actorName')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.action')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.target')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.reason')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.ip')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>
                    <Text size="sm" className="mono">
                      #{record.id}
                    </Text>
                    <DateText value={record.occurredAt} time />
                  </Table.Td>
                  <Table.Td className="nowrap">{record.actorName ?? t('admin.audit.system')}</Table.Td>
                  <Table.Td>
                    {actionName(record.action) && <Text size="sm">{actionName(record.action)}</Text>}
                    <Text size="sm" className="mono nowrap">
                      {record.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {record.targetType && <Text size="sm">{record.targetType}</Text>}
                    {record.targetId && (
                      <Text size="sm" className="mono">
                        {record.targetId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{record.reason ?? ''}</Table.Td>
                  <Table.Td className="mono nowrap">{record.ip ?? ''}</Table.Td>
                  <Table.Td className="nowrap">
                    {record.details !== null && record.details !== undefined && (
                      <details>
                        <summary>{t('admin.audit.showDetails')}</summary>
                        <Code block>{JSON.stringify(record.details, null, 2)}</Code>
                      </details>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
        {records.hasNextPage && (
          <Button
            mt="md"
            variant="default"
            loading={records.isFetchingNextPage}
            onClick={() => records.fetchNextPage()}
          >
            {t('admin.audit.more')}
          </Button>
        )}
      </section>
    </Stack>
  );
}
