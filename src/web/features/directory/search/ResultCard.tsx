import { Anchor, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { capabilities, procedures } from '../../../../shared/directory-codes';
import type { ServicePointSummary } from '../../../../shared/schemas/directory';
import { CodeBadges } from '../parts/CodeBadges';
import { useKindLabel } from '../parts/kind-label';
import { telHref } from '../parts/phone';
import { StaleNotice } from '../parts/StaleNotice';
import { VacancyText } from '../parts/VacancyText';

type Props = { point: ServicePointSummary; from: string };

/** One result: name (to its page), kind, address, phone, distance, vacancy, what it offers. */
export function ResultCard({ point, from }: Props) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  return (
    <li className="dir-result">
      <Title order={3} className="dir-result-name">
        <Anchor component={Link} to={`/directory/points/${point.id}`} state={{ from }} inherit>
          {point.name}
        </Anchor>
      </Title>
      <Text size="sm" className="dir-result-kind">
        {kindLabel(point.serviceCode, point.serviceName)}
      </Text>
      <dl className="facts dir-result-facts">
        <div>
          <dt>{t('directory.results.address')}</dt>
          <dd>{[point.address, point.building].filter(Boolean).join(' ')}</dd>
        </div>
        {point.phone && (
          <div>
            <dt>{t('directory.results.phone')}</dt>
            <dd>
              <a href={telHref(point.phone)}>{point.phone}</a>
            </dd>
          </div>
        )}
        {point.fax && (
          <div>
            <dt>{t('directory.results.fax')}</dt>
            <dd>{point.fax}</dd>
          </div>
        )}
        {point.distanceKm !== null && (
          <div>
            <dt>{t('directory.results.distance')}</dt>
            <dd>{t('directory.results.distanceKm', { km: point.distanceKm.toFixed(1) })}</dd>
          </div>
        )}
      </dl>
      <VacancyText vacancy={point.vacancy} updatedAt={point.vacancyUpdatedAt} />
      <CodeBadges
        label={t('directory.results.capabilities')}
        codes={point.capabilities}
        list={capabilities}
      />
      <CodeBadges
        label={t('directory.results.procedures')}
        codes={point.procedures}
        list={procedures}
        tone="gray"
      />
      {point.stale && <StaleNotice updatedOn={point.updatedOn} compact />}
    </li>
  );
}
