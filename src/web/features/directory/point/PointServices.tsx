import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { capabilities, procedures } from '../../../../shared/directory-codes';
import type { ServicePointDetail } from '../../../../shared/schemas/directory';
import { CodeBadges } from '../parts/CodeBadges';
import { DefinitionList } from '../parts/DefinitionList';
import { VacancyText } from '../parts/VacancyText';

/** 対応とケア: vacancy with its date, what the place offers, the medical procedures it accepts. */
export function PointServices({ point }: { point: ServicePointDetail }) {
  const { t } = useTranslation();
  const nothing = (
    <Text c="dimmed" key="nothing">
      {t('directory.point.nothingStated')}
    </Text>
  );
  return (
    <DefinitionList
      rows={[
        [
          t('directory.point.vacancy'),
          point.vacancy === null ? (
            nothing
          ) : (
            <VacancyText key="vacancy" vacancy={point.vacancy} updatedAt={point.vacancyUpdatedAt} />
          ),
        ],
        [
          t('directory.point.capabilities'),
          point.capabilities.length === 0 ? (
            nothing
          ) : (
            <CodeBadges
              key="capabilities"
              label={t('directory.point.capabilities')}
              codes={point.capabilities}
              list={capabilities}
            />
          ),
        ],
        [
          t('directory.point.procedures'),
          point.procedures.length === 0 ? (
            nothing
          ) : (
            <CodeBadges
              key="procedures"
              label={t('directory.point.procedures')}
              codes={point.procedures}
              list={procedures}
              tone="gray"
            />
          ),
        ],
      ]}
    />
  );
}
