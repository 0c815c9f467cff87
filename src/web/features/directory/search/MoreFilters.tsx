import { useTranslation } from 'react-i18next';
import { capabilities, weekdays } from '../../../../shared/directory-codes';
import { useLabel } from '../../../ui/labels';
import { CheckField, SelectField } from '../parts/fields';
import { ProcedureChecklist } from '../parts/ProcedureChecklist';
import { type DirectoryFilters, toggled } from './search-params';

type Props = { filters: DirectoryFilters; onChange: (patch: Partial<DirectoryFilters>) => void };

/** How many of the filters behind 「さらに条件を指定する」 are set. */
export const moreFilterCount = (filters: DirectoryFilters) =>
  (filters.vacancy ? 1 : 0) +
  filters.capabilities.length +
  (filters.open ? 1 : 0) +
  filters.procedures.length;

export const hasMoreFilters = (filters: DirectoryFilters) => moreFilterCount(filters) > 0;

/** Vacancy and what the place offers (24時間・看取り …), the open day, and the procedures it accepts. */
export function MoreFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <div className="dir-more-filters">
      <fieldset className="dir-fieldset">
        <legend>{t('directory.search.capabilities')}</legend>
        <ul className="dir-check-grid">
          <li>
            <CheckField
              label={t('directory.search.vacancy')}
              checked={filters.vacancy}
              onChange={(vacancy) => onChange({ vacancy })}
            />
          </li>
          {capabilities.map((capability) => (
            <li key={capability.code}>
              <CheckField
                label={label(capabilities, capability.code)}
                checked={filters.capabilities.includes(capability.code)}
                onChange={(on) =>
                  onChange({ capabilities: toggled(filters.capabilities, capability.code, on) })
                }
              />
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="dir-form-row">
        <SelectField
          label={t('directory.search.open')}
          value={filters.open}
          onChange={(open) => onChange({ open })}
        >
          <option value="">{t('directory.search.anyDay')}</option>
          {weekdays.map((day) => (
            <option key={day.code} value={day.code}>
              {t(`directory.weekdayNames.${day.code}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ProcedureChecklist
        legend={t('directory.search.procedures')}
        hint={t('directory.search.proceduresHint')}
        value={filters.procedures}
        onChange={(procedures) => onChange({ procedures })}
      />
    </div>
  );
}
