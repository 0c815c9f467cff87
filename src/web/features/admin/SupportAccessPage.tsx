// `/admin/support-access` — system admin: an audited, read-only look at one care team for an hour
// (監査付き閲覧), asked with a reason (the support request), and the record of every such look.
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Badge, Button, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import {
  SUPPORT_ACCESS_MINUTES,
  type SupportAccessGrant,
  supportAccessRequest,
} from '../../../shared/schemas/admin';
import { api } from '../../api';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import './i18n';

const key = ['admin', 'support-access'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The team's address as pasted from the request (a URL or the id itself), turned into its id. */
const formSchema = z
  .object({ teamId: z.string().transform((text) => UUID.exec(text)?.[0] ?? text.trim()), reason: z.string() })
  .pipe(supportAccessRequest);

export default function SupportAccessPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const grants = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: SupportAccessGrant[] }>('/api/admin/support-access'),
  });
  const form = useForm<z.input<typeof formSchema>, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { teamId: '', reason: '' },
  });
  const grant = useMutation({
    mutationFn: (values: z.output<typeof formSchema>) =>
      api.post<SupportAccessGrant>('/api/admin/support-access', values),
    onSuccess: (granted) => {
      void client.invalidateQueries({ queryKey: key });
      navigate(`/teams/${granted.teamId}`);
    },
  });
  const { errors } = form.formState;
  return (
    <Stack gap="lg">
      <PageTitle title={t('admin.support.title')} />
      <Text>{t('admin.support.lead', { minutes: SUPPORT_ACCESS_MINUTES })}</Text>
      <Section id="support-request-heading" title={t('admin.support.request')}>
        <form noValidate onSubmit={form.handleSubmit((values) => grant.mutate(values))}>
          <Stack>
            <TextInput
              label={t('admin.support.team')}
              description={t('admin.support.teamHint')}
              required
              error={errors.teamId?.message}
              {...form.register('teamId')}
            />
            <Textarea
              label={t('admin.support.reason')}
              description={t('admin.support.reasonHint')}
              required
              autosize
              minRows={2}
              error={errors.reason?.message}
              {...form.register('reason')}
            />
            <ErrorAlert error={grant.error} shownPaths={['reason', 'teamId']} />
            <div>
              <Button type="submit" color="red" loading={grant.isPending}>
                {t('admin.support.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Section>
      <Section id="support-list-heading" title={t('admin.support.list')}>
        {grants.isPending ? (
          <Loading />
        ) : !grants.data ? (
          <ErrorAlert error={grants.error} />
        ) : grants.data.items.length === 0 ? (
          <Text>{t('admin.support.none')}</Text>
        ) : (
          <ScrollTable label={t('admin.support.list')} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.support.when')}</Table.Th>
                <Table.Th>{t('admin.support.by')}</Table.Th>
                <Table.Th>{t('admin.support.teamColumn')}</Table.Th>
                <Table.Th>{t('admin.support.reason')}</Table.Th>
                <Table.Th>{t('admin.support.until')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <DateText value={item.createdAt} time />
                  </Table.Td>
                  <Table.Td>{item.grantedTo}</Table.Td>
                  <Table.Td>
                    {item.active && item.mine ? (
                      <Anchor component={Link} to={`/teams/${item.teamId}`}>
                        {item.teamName}
                      </Anchor>
                    ) : (
                      item.teamName
                    )}
                  </Table.Td>
                  <Table.Td className="pre-line">{item.reason}</Table.Td>
                  <Table.Td>
                    {item.active ? (
                      <Badge color="red" variant="light">
                        {t('admin.support.activeUntil')} <DateText value={item.expiresAt} time />
                      </Badge>
                    ) : (
                      <DateText value={item.expiresAt} time />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Section>
    </Stack>
  );
}
