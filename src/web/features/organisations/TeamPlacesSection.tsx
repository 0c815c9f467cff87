// The organisation's care-team places (ケアチームでの担当), for its admins: who is in which team in
// which role, and handing the place of someone who left (or changes duties) over to a colleague.
import { Badge, Button, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamPlace } from '../../../shared/schemas/organisations';
import { teamRoles } from '../../../shared/teams';
import { api } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { ScrollTable } from '../../ui/ScrollTable';
import { Section } from '../../ui/Section';
import type { MemberList } from './OrganisationPage';

type Props = { orgId: string; members: MemberList['members'] };
type Places = { items: TeamPlace[] };

export function TeamPlacesSection({ orgId, members }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const client = useQueryClient();
  const key = ['orgs', orgId, 'team-places'];
  const path = `/api/orgs/${encodeURIComponent(orgId)}/team-places`;
  const places = useQuery({ queryKey: key, queryFn: () => api.get<Places>(path) });
  const [handing, setHanding] = useState<TeamPlace | null>(null);
  const [successor, setSuccessor] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const handOver = useMutation({
    mutationFn: ({ place, userId }: { place: TeamPlace; userId: string }) =>
      api.post<Places>(`${path}/${encodeURIComponent(place.memberId)}/hand-over`, { userId }),
    onSuccess: (next, { place }) => {
      client.setQueryData(key, next);
      setNotice(t('admin.teamPlaces.done', { team: place.teamName }));
      setHanding(null);
    },
  });
  const open = (place: TeamPlace) => {
    handOver.reset();
    setSuccessor(successorsOf(place)[0]?.userId ?? '');
    setHanding(place);
  };
  const role = (place: TeamPlace) => label(teamRoles, place.teamRole);
  const successorsOf = (place: TeamPlace) => members.filter((m) => m.userId !== place.user.id);
  return (
    <Section id="team-places-heading" title={t('admin.teamPlaces.title')}>
      <Stack>
        <Text size="sm">{t('admin.teamPlaces.lead')}</Text>
        <NoticeAlert message={notice} onClose={() => setNotice(null)} />
        {places.isPending ? (
          <Loading />
        ) : !places.data ? (
          <ErrorAlert error={places.error} />
        ) : places.data.items.length === 0 ? (
          <Text>{t('admin.teamPlaces.none')}</Text>
        ) : (
          <ScrollTable label={t('admin.teamPlaces.title')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.teamPlaces.person')}</Table.Th>
                <Table.Th>{t('admin.teamPlaces.team')}</Table.Th>
                <Table.Th>{t('admin.teamPlaces.role')}</Table.Th>
                <Table.Th>{t('admin.teamPlaces.since')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {places.data.items.map((place) => (
                <Table.Tr key={place.memberId}>
                  <Table.Td>
                    {place.user.displayName}
                    {!place.stillMember && (
                      <Badge color="orange" variant="light" display="block" mt={4}>
                        {t('admin.teamPlaces.left')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{place.teamName}</Table.Td>
                  <Table.Td>
                    {role(place)}
                    {place.isOwner && ` ・${t('admin.teamPlaces.owner')}`}
                    {place.status === 'invited' && ` ・${t('admin.teamPlaces.invited')}`}
                  </Table.Td>
                  <Table.Td>
                    <DateText value={place.since} />
                  </Table.Td>
                  <Table.Td>
                    {!place.stillMember && successorsOf(place).length > 0 && (
                      <Button
                        size="xs"
                        aria-label={t('admin.teamPlaces.handOverFor', {
                          name: place.user.displayName,
                          team: place.teamName,
                        })}
                        onClick={() => open(place)}
                      >
                        {t('admin.teamPlaces.handOver')}
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
        opened={handing !== null}
        title={handing ? t('admin.teamPlaces.handOverTitle', { team: handing.teamName }) : ''}
        confirmLabel={t('admin.teamPlaces.submit')}
        pending={handOver.isPending}
        error={handOver.error}
        onClose={() => setHanding(null)}
        onConfirm={() => handing && successor && handOver.mutate({ place: handing, userId: successor })}
      >
        {handing && (
          <Stack>
            <Text>
              {t('admin.teamPlaces.handOverLead', { name: handing.user.displayName, role: role(handing) })}
            </Text>
            <NativeSelect
              label={t('admin.teamPlaces.successor')}
              value={successor}
              onChange={(event) => setSuccessor(event.currentTarget.value)}
              data={successorsOf(handing).map((m) => ({ value: m.userId, label: m.displayName }))}
            />
          </Stack>
        )}
      </ConfirmDialog>
    </Section>
  );
}
