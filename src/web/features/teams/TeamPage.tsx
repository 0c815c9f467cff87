// `/teams/:teamId` — a care team: its timeline (live), its meeting polls and its members.
import { Alert, Anchor, Card, Grid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLiveUpdates } from '../../live';
import { useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { TeamAdmissionSection } from '../admission/TeamAdmissionSection';
import { EmergencySummarySection } from '../emergency/EmergencySummarySection';
import { FamilySection } from './FamilySection';
import { MeetingsSection } from './MeetingsSection';
import { MembersSection } from './MembersSection';
import { Timeline } from './Timeline';
import { useTeam } from './use-team';
import { VitalsSection } from './VitalsSection';
import './i18n';

export default function TeamPage() {
  const { t } = useTranslation('teams');
  const { teamId = '' } = useParams();
  const format = useDateFormatter();
  useLiveUpdates();
  const team = useTeam(teamId);
  if (team.isPending) return <Loading />;
  if (!team.data) return <ErrorAlert error={team.error} />;
  // A system admin's audited look is read-only: shown as a closed team is (no composer, no actions).
  const data = team.data.support ? { ...team.data, status: 'closed' as const } : team.data;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <PageTitle title={data.name} />
        <Text>
          {t('page.patient', { name: data.patient.name })}{' '}
          {/* The patient's record is no part of a support look. */}
          {!data.support && (
            <Anchor component={Link} to={`/patients/${data.patient.id}`}>
              {t('page.toPatient')}
            </Anchor>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {t('page.live')}
        </Text>
      </Card>
      {data.support && (
        <Alert color="red" role="status">
          {t('page.support', { reason: data.support.reason, time: format.dateTime(data.support.expiresAt) })}
        </Alert>
      )}
      {!data.support &&
        data.supportViewers.map((viewer) => (
          <Alert key={viewer.displayName + viewer.expiresAt} color="orange" role="status">
            {t('page.supportViewer', {
              name: viewer.displayName,
              reason: viewer.reason,
              time: format.dateTime(viewer.expiresAt),
            })}
          </Alert>
        ))}
      {data.status === 'closed' && data.closedAt && (
        <Alert color="gray" role="status">
          {t('page.closed', { date: format.date(data.closedAt) })}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Timeline team={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {!data.support && <TeamAdmissionSection teamId={data.id} mayOpen={data.status === 'open'} />}
            {!data.support && <EmergencySummarySection patientId={data.patient.id} />}
            <VitalsSection teamId={data.id} />
            <MeetingsSection team={data} />
            <MembersSection team={data} />
            <FamilySection team={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
