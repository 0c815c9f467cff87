import { useTranslation } from 'react-i18next';
import type { ServicePointDetail } from '../../../../shared/schemas/directory';
import { DateText } from '../../../ui/DateText';
import { DefinitionList } from '../parts/DefinitionList';

/** Who keeps the entry current, and when it was last confirmed or imported (和暦 by default). */
export function PointUpdates({ point }: { point: ServicePointDetail }) {
  const { t } = useTranslation();
  return (
    <DefinitionList
      rows={[
        [t('directory.point.maintainer'), point.organisationName ?? t('directory.point.maintainerNone')],
        [t('directory.point.maintainedAt'), point.maintainedAt && <DateText value={point.maintainedAt} />],
        [t('directory.point.importedAt'), point.importedAt && <DateText value={point.importedAt} />],
      ]}
    />
  );
}
