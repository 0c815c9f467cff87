import { useTranslation } from 'react-i18next';
import { capabilities, procedures, serviceGroups } from '../../../../shared/directory-codes';
import { useDateFormatter } from '../../../ui/DateText';
import { useLabel } from '../../../ui/labels';
import { useKindLabel } from '../parts/kind-label';
import { useAreas } from '../parts/useAreas';
import type { DirectoryFilters } from './search-params';

/** The search in words, for the one line at the top of a print: 「訪問看護・南部圏域・空きあり」. */
export function useFilterWords() {
  const { t } = useTranslation();
  const label = useLabel();
  const kindLabel = useKindLabel();
  const areas = useAreas();
  return (filters: DirectoryFilters): string[] => {
    const area = areas.data?.find((item) => item.id === filters.area)?.name ?? filters.area;
    return [
      filters.q && `「${filters.q}」`,
      filters.group && label(serviceGroups, filters.group),
      ...filters.kinds.map((kind) => kindLabel(kind)),
      area,
      filters.vacancy && t('directory.search.vacancy'),
      ...filters.capabilities.map((code) => label(capabilities, code)),
      ...filters.procedures.map((code) => label(procedures, code)),
      filters.open &&
        `${t('directory.search.open')}: ${t(`directory.weekdayNames.${filters.open as 'mon'}`)}`,
      filters.lat && filters.lon && t('directory.print.nearHere', { km: filters.radius || '5' }),
    ].filter((word): word is string => typeof word === 'string' && word !== '');
  };
}

type Props = { filters: DirectoryFilters; count: string };

/** Printed only: the search's conditions, the count and the date, on one line. */
export function FilterSummary({ filters, count }: Props) {
  const { t } = useTranslation();
  const words = useFilterWords()(filters);
  const format = useDateFormatter();
  return (
    <p className="print-only dir-print-summary">
      <strong>{t('directory.print.conditions')}:</strong>{' '}
      {words.length > 0 ? words.join('・') : t('directory.print.noConditions')} ／ {count} ／{' '}
      {t('directory.print.printed', { date: format.date(new Date()) })}
    </p>
  );
}
