// `/orgs/:orgId` — one organisation: its details and members; its admins (and system admins) also
// manage members and invites here.
import { Alert, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { organisationKinds } from '../../../shared/identity';
import type { memberList } from '../../../shared/schemas/organisations';
import { api, isApiError } from '../../api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import NotFoundPage from '../../ui/NotFoundPage';
import { PageTitle } from '../../ui/PageTitle';
import { hasRole, useMe } from '../../ui/session';
import { OrgDirectorySummary } from '../directory/maintenance/OrgDirectorySummary';
import { InvitesSection } from './InvitesSection';
import { MembersSection } from './MembersSection';
import { TeamPlacesSection } from './TeamPlacesSection';
import '../admin/i18n';

export type MemberList = z.infer<typeof memberList>;
export const orgKey = (orgId: string) => ['orgs', orgId] as const;

export default function OrganisationPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { orgId = '' } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const org = useQuery({
    queryKey: orgKey(orgId),
    queryFn: () => api.get<MemberList>(`/api/orgs/${encodeURIComponent(orgId)}`),
  });

  if (org.isPending) return <Loading />;
  if (org.isError) {
    // Organisations one may not see answer 404, like ones that do not exist.
    if (isApiError(org.error) && (org.error.status === 404 || org.error.status === 400))
      return <NotFoundPage />;
    return <ErrorAlert error={org.error} />;
  }
  const { organisation, members } = org.data;
  const myRole = me.data?.memberships.find((m) => m.organisationId === orgId)?.role;
  const canManage = hasRole(me.data, ['system_admin']) || myRole === 'admin';
  const justCreated = params.get('created') === '1';

  return (
    <Stack gap="xl">
      <div>
        <PageTitle title={organisation.name} />
        <Group gap="xs" mb="sm">
          <Badge variant="light">{label(organisationKinds, organisation.kind)}</Badge>
          {!organisation.active && <Badge color="gray">{t('organisations.inactive')}</Badge>}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" className="details">
          <div>
            <Text component="dt" fw={700} size="sm">
              {t('admin.organisations.kana')}
            </Text>
            <Text component="dd">{organisation.kana}</Text>
          </div>
          <div>
            <Text component="dt" fw={700} size="sm">
              {t('organisations.phone')}
            </Text>
            <Text component="dd">{organisation.phone || t('common.notSet')}</Text>
          </div>
          <div>
            <Text component="dt" fw={700} size="sm">
              {t('organisations.address')}
            </Text>
            <Text component="dd">{organisation.address || t('common.notSet')}</Text>
          </div>
        </SimpleGrid>
      </div>
      {justCreated && canManage && (
        <Alert color="green" role="status">
          {t('organisations.created')}
        </Alert>
      )}
      <MembersSection
        orgId={orgId}
        organisationName={organisation.name}
        members={members}
        canManage={canManage}
      />
      {myRole === 'admin' && <TeamPlacesSection orgId={orgId} members={members} />}
      {canManage && <OrgDirectorySummary orgId={orgId} />}
      {canManage && <InvitesSection orgId={orgId} defaultRole={members.length === 0 ? 'admin' : 'member'} />}
    </Stack>
  );
}
