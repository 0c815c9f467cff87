import { useTranslation } from 'react-i18next';
import { serviceGroups, serviceKinds } from '../../../../shared/directory-codes';
import { useLabel } from '../../../ui/labels';
import { SelectField } from '../parts/fields';
import { applyKindChoice, type DirectoryFilters, kindChoiceOf } from './search-params';

type Kinds = Pick<DirectoryFilters, 'kinds' | 'group'>;
type Props = { value: Kinds; onChange: (value: Kinds) => void };

/** サービスの種類: every kind, a whole service group, or one kind, grouped as the groups are. */
export function KindSelect({ value, onChange }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const choice = kindChoiceOf(value);
  const standard = new Set([
    '',
    ...serviceGroups.map((group) => `group:${group.code}`),
    ...serviceKinds.map((kind) => `kind:${kind.code}`),
  ]);
  return (
    <SelectField
      label={t('directory.search.kind')}
      value={choice}
      onChange={(next) => onChange(applyKindChoice(next))}
    >
      <option value="">{t('directory.search.anyKind')}</option>
      {!standard.has(choice) && (
        <option value={choice}>{t('directory.search.chosenKinds', { count: value.kinds.length })}</option>
      )}
      {serviceGroups.map((group) => (
        <optgroup key={group.code} label={label(serviceGroups, group.code)}>
          <option value={`group:${group.code}`}>
            {t('directory.search.allOfGroup', { group: label(serviceGroups, group.code) })}
          </option>
          {serviceKinds
            .filter((kind) => kind.group === group.code)
            .map((kind) => (
              <option key={kind.code} value={`kind:${kind.code}`}>
                {label(serviceKinds, kind.code)}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
