import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultCount as Count } from './useDirectorySearch';

/** How many matched: exact, 「1,000件以上」, or 「多数」 with the advice to narrow the search. */
export function useCountText() {
  const { t } = useTranslation();
  return (total: Count): string => {
    if (!total) return '';
    if (total.capped) return t('directory.results.capped');
    if (total.count === null) return t('directory.results.many');
    if (total.count === 0) return t('directory.results.none');
    return t('directory.results.found', { count: total.count });
  };
}

type Props = { total: Count; shown: number };

export function ResultCount({ total, shown }: Props) {
  const { t } = useTranslation();
  const countText = useCountText();
  const showing = total && total.count !== 0 && total.count !== shown;
  return (
    <Text role="status" aria-live="polite" className="dir-count">
      <strong>{countText(total)}</strong>
      {showing ? ` ${t('directory.results.shown', { count: shown })}` : ''}
    </Text>
  );
}
