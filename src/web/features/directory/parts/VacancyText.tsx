import { useTranslation } from 'react-i18next';
import { useDateFormatter } from '../../../ui/DateText';

type Props = { vacancy: number | null; updatedAt: string | null };

/** 「空きあり（2人分）令和7年11月5日時点」 or 「空きなし …」; nothing when the place has stated nothing. */
export function VacancyText({ vacancy, updatedAt }: Props) {
  const { t } = useTranslation();
  const format = useDateFormatter();
  if (vacancy === null) return null;
  const state =
    vacancy > 0
      ? t('directory.results.vacancyCount', { count: vacancy })
      : t('directory.results.vacancyNone');
  return (
    <span className={vacancy > 0 ? 'dir-vacancy dir-vacancy-open' : 'dir-vacancy'}>
      <strong>{state}</strong>
      {updatedAt && (
        <span className="dir-vacancy-date">
          {' '}
          （
          <time dateTime={updatedAt}>
            {t('directory.results.vacancyAsOf', { date: format.date(updatedAt) })}
          </time>
          ）
        </span>
      )}
    </span>
  );
}
