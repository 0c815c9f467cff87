import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDateFormatter } from '../../../ui/DateText';

type Props = { updatedOn: string | null; compact?: boolean };

/** 「情報が古い可能性があります」 with when the entry was last confirmed, and what to do about it. */
export function StaleNotice({ updatedOn, compact = false }: Props) {
  const { t } = useTranslation();
  const format = useDateFormatter();
  const detail = updatedOn
    ? t('directory.results.staleSince', { date: format.date(updatedOn) })
    : t('directory.results.staleNever');
  if (compact)
    return (
      <Text size="sm" className="dir-stale">
        <strong>{t('directory.results.stale')}</strong> {detail}
      </Text>
    );
  return (
    <Alert color="yellow" title={t('directory.results.stale')} className="dir-stale-alert">
      {detail}
    </Alert>
  );
}
