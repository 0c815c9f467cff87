import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaSelect } from '../parts/AreaSelect';
import { CheckField, SelectField } from '../parts/fields';
import { useKindLabel } from '../parts/kind-label';
import { ProcedureChecklist } from '../parts/ProcedureChecklist';
import { type DirectoryFilters, emptyFilters } from '../search/search-params';
import { medicalCareKinds } from './kinds';

type Props = { initial: DirectoryFilters; onApply: (filters: DirectoryFilters) => void };

/** Procedures needed (all of them), kind of facility, area and vacancy. */
export function MedicalCareFilters({ initial, onApply }: Props) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [filters, setFilters] = useState(initial);
  const update = (patch: Partial<DirectoryFilters>) => setFilters((current) => ({ ...current, ...patch }));
  return (
    <search aria-label={t('directory.medicalCare.filtersLabel')} className="no-print">
      <form
        className="dir-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onApply(filters);
        }}
      >
        <ProcedureChecklist
          legend={t('directory.search.procedures')}
          hint={t('directory.search.proceduresHint')}
          value={filters.procedures}
          onChange={(procedures) => update({ procedures })}
        />
        <div className="dir-form-row">
          <SelectField
            label={t('directory.medicalCare.kind')}
            value={filters.kinds[0] ?? ''}
            onChange={(kind) => update({ kinds: kind ? [kind] : [] })}
          >
            <option value="">{t('directory.medicalCare.anyKind')}</option>
            {medicalCareKinds.map((code) => (
              <option key={code} value={code}>
                {kindLabel(code)}
              </option>
            ))}
          </SelectField>
          <AreaSelect value={filters.area} onChange={(area) => update({ area })} />
          <div className="dir-field">
            <CheckField
              label={t('directory.search.vacancy')}
              checked={filters.vacancy}
              onChange={(vacancy) => update({ vacancy })}
            />
          </div>
        </div>
        <Group gap="sm">
          <Button type="submit" size="md">
            {t('directory.search.submit')}
          </Button>
          <Button variant="default" size="md" onClick={() => onApply(emptyFilters)}>
            {t('directory.search.clear')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
