import { useTranslation } from 'react-i18next';
import { SelectField } from './fields';
import { useAreas } from './useAreas';

type Props = { value: string; onChange: (value: string) => void };

/** 地域: the city's areas, or all of them. */
export function AreaSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const areas = useAreas();
  return (
    <SelectField label={t('directory.search.area')} value={value} onChange={onChange}>
      <option value="">{t('directory.search.anyArea')}</option>
      {(areas.data ?? []).map((area) => (
        <option key={area.id} value={area.id}>
          {area.name}
        </option>
      ))}
      {value && areas.data && !areas.data.some((area) => area.id === value) && (
        <option value={value}>{value}</option>
      )}
    </SelectField>
  );
}
