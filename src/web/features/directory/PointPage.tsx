// `/directory/points/:id` — one place, everything public about it: kind, number, address with a small
// map, contacts, days and hours, size, what it offers and accepts, vacancy, ケアマネタイム, who keeps it
// current and when. Printable on A4.
import './directory.css';
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { ServicePointDetail } from '../../../shared/schemas/directory';
import { api } from '../../api';
import { useDateFormatter } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { PrintButton } from '../../ui/PrintButton';
import { Section } from '../../ui/Section';
import { useKindLabel } from './parts/kind-label';
import { StaleNotice } from './parts/StaleNotice';
import { CareManagerTimes } from './point/CareManagerTimes';
import { PointBasics } from './point/PointBasics';
import { PointMap } from './point/PointMap';
import { PointServices } from './point/PointServices';
import { PointUpdates } from './point/PointUpdates';

/** Back to the list the reader came from (with its search), or to the search page. */
function BackLink() {
  const { t } = useTranslation();
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const back = typeof from === 'string' && /^\/directory(\/medical-care)?(\?|$)/.test(from) ? from : null;
  return (
    <Anchor component={Link} to={back ?? '/directory'} className="no-print" w="fit-content">
      {back ? t('directory.point.back') : t('directory.point.toSearch')}
    </Anchor>
  );
}

function PointView({ point }: { point: ServicePointDetail }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const format = useDateFormatter();
  return (
    <Stack gap="lg" className="dir-page dir-point">
      <BackLink />
      <div>
        <PageTitle title={point.name} />
        <Text size="lg" fw={700}>
          {kindLabel(point.serviceCode, point.serviceName)}
        </Text>
        {point.kana && (
          <Text size="sm" lang="ja">
            {t('directory.point.kana')}: {point.kana}
          </Text>
        )}
        <p className="print-only">{t('directory.print.printed', { date: format.date(new Date()) })}</p>
      </div>
      {point.withdrawn && <Alert color="red">{t('directory.point.withdrawn')}</Alert>}
      {point.stale && <StaleNotice updatedOn={point.updatedOn} />}
      <Group className="no-print">
        <PrintButton />
      </Group>
      <Section id="dir-basics" title={t('directory.point.basics')}>
        <PointBasics point={point} />
        <PointMap point={point} />
      </Section>
      <Section id="dir-services" title={t('directory.point.services')}>
        <PointServices point={point} />
      </Section>
      {point.careManagerTimes && point.careManagerTimes.length > 0 && (
        <Section id="dir-cm-time" title={t('directory.careManagerTime.heading')}>
          <CareManagerTimes windows={point.careManagerTimes} />
        </Section>
      )}
      <Section id="dir-updates" title={t('directory.point.updates')}>
        <PointUpdates point={point} />
      </Section>
    </Stack>
  );
}

export default function PointPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const point = useQuery({
    queryKey: ['directory', 'point', id],
    queryFn: () => api.get<ServicePointDetail>(`/api/directory/points/${encodeURIComponent(id)}`),
  });
  if (point.isPending) return <Loading />;
  if (point.isError)
    return (
      <Stack gap="md">
        <PageTitle title={t('directory.search.title')} />
        <ErrorAlert error={point.error} />
        <BackLink />
      </Stack>
    );
  return <PointView point={point.data} />;
}
