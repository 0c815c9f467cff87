// A field's value as people read it in a before → after: codes as their names, open days as 月・火,
// ケアマネタイム windows one per line, nothing as 「（なし）」.
import { useTranslation } from 'react-i18next';
import { weekdayLabel } from '../../../../shared/care-manager-time';
import {
  capabilities,
  contactChannels,
  procedures,
  serviceKindOf,
  type Weekday,
  weekdays,
} from '../../../../shared/directory';
import type { CareManagerTimeWindow } from '../../../../shared/schemas/directory';
import { useDateFormatter } from '../../../ui/DateText';
import { useLabel, useLang } from '../../../ui/labels';
import { useAreas } from './api';
import './i18n';

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

export function useFieldValueText() {
  const { t } = useTranslation();
  const label = useLabel();
  const lang = useLang();
  const format = useDateFormatter();
  const areas = useAreas();
  const codes = (list: Parameters<typeof label>[0], value: unknown, separator = '、') =>
    (value as string[]).map((code) => label(list, code)).join(separator);
  const windowLine = (w: CareManagerTimeWindow) =>
    `${lang === 'ja' ? weekdayLabel(w.weekday) : label(weekdays, w.weekday)} ${w.startTime}〜${w.endTime}` +
    `${w.physicianName ? ` ${w.physicianName}` : ''}（${codes(contactChannels, w.channels, '・')}）`;

  return (field: string, value: unknown): string => {
    if (isEmpty(value)) return t('directoryMaintenance.values.none');
    switch (field) {
      case 'capabilities':
        return codes(capabilities, value);
      case 'procedures':
        return codes(procedures, value);
      case 'openWeekdays':
        return codes(weekdays, value as Weekday[], '・');
      case 'languages':
        return (value as string[]).join('、');
      case 'serviceCode':
        return serviceKindOf(String(value))[lang];
      case 'areaId':
        return areas.data?.areas.find((area) => area.id === value)?.name ?? String(value);
      case 'careManagerTimePublic':
        return value
          ? t('directoryMaintenance.values.public')
          : t('directoryMaintenance.values.professionalsOnly');
      case 'careManagerTimes':
        return (value as CareManagerTimeWindow[]).map(windowLine).join('\n');
      case 'maintainedAt':
        return format.dateTime(String(value));
      default:
        return String(value);
    }
  };
}
