// On the care team's page and the patient's page: the 救急医療情報 and 人生会議 of the patient in two
// lines — when the sheet was last confirmed, which ACP version is current — with the way to each, and
// 「救急隊が閲覧しました」 when a crew has looked lately (it arrives live).
import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { AccessNotices } from './EmergencySheetPage';
import { useEmergency } from './use-emergency';
import '../acp/i18n';
import './i18n';

export function EmergencySummarySection({ patientId }: { patientId: string }) {
  const { t } = useTranslation('emergency');
  const { t: tAcp } = useTranslation('acp');
  const sheet = useEmergency(patientId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="emergency-summary">
      <Title order={2} size="h3" id="emergency-summary" mb="sm">
        {t('team.title')}
      </Title>
      {sheet.isPending && <Loading />}
      <ErrorAlert error={sheet.error} />
      {sheet.data && (
        <Stack gap="sm">
          {sheet.data.accesses.length > 0 && <AccessNotices accesses={sheet.data.accesses.slice(0, 3)} />}
          <div>
            <Anchor component={Link} to={`/patients/${patientId}/emergency`} fw={700}>
              {t('team.sheet')}
            </Anchor>
            <Text size="sm">
              {sheet.data.current
                ? sheet.data.current.confirmedOn
                  ? t('sheet.confirmedOn', {
                      date: formatDate(sheet.data.current.confirmedOn),
                      name: sheet.data.current.confirmedBy ?? '',
                    })
                  : t('sheet.notConfirmed')
                : t('kit.needsSheet')}
            </Text>
            {!sheet.data.emsConsent && (
              <Alert color="yellow" p="xs" mt={4}>
                <Text size="sm">{t('sheet.noConsent')}</Text>
              </Alert>
            )}
          </div>
          <div>
            <Anchor component={Link} to={`/patients/${patientId}/acp`} fw={700}>
              {t('team.acp')}
            </Anchor>
            <Text size="sm">
              {sheet.data.wishes
                ? tAcp('current', {
                    number: sheet.data.wishes.acpNumber,
                    date: sheet.data.wishes.discussedOn ? formatDate(sheet.data.wishes.discussedOn) : '',
                  })
                : tAcp('none')}
            </Text>
          </div>
        </Stack>
      )}
    </Card>
  );
}
