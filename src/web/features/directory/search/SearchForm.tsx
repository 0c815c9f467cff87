import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaSelect } from '../parts/AreaSelect';
import { SearchTextField } from '../parts/fields';
import { KindSelect } from './KindSelect';
import { LocationFilter } from './LocationFilter';
import { hasMoreFilters, MoreFilters, moreFilterCount } from './MoreFilters';
import { type DirectoryFilters, emptyFilters } from './search-params';

type Props = {
  /** The search in the URL; the form starts from it (the page gives it a new key when it changes). */
  initial: DirectoryFilters;
  onSearch: (filters: DirectoryFilters) => void;
};

/** The search form: words, kind and area; what the place offers, open day and procedures; place. */
export function SearchForm({ initial, onSearch }: Props) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(initial);
  const update = (patch: Partial<DirectoryFilters>) => setFilters((current) => ({ ...current, ...patch }));

  return (
    <search aria-label={t('directory.search.formLabel')} className="no-print">
      <form
        className="dir-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(filters);
        }}
      >
        <SearchTextField
          label={t('directory.search.words')}
          hint={t('directory.search.wordsHint')}
          value={filters.q}
          onChange={(q) => update({ q })}
        />
        <div className="dir-form-row">
          <KindSelect value={filters} onChange={update} />
          <AreaSelect value={filters.area} onChange={(area) => update({ area })} />
        </div>
        <details className="dir-details" open={hasMoreFilters(initial)}>
          <summary>
            {moreFilterCount(filters) > 0
              ? t('directory.search.moreChosen', { count: moreFilterCount(filters) })
              : t('directory.search.more')}
          </summary>
          <MoreFilters filters={filters} onChange={update} />
        </details>
        <LocationFilter
          value={filters}
          onChange={update}
          onLocated={(place) => onSearch({ ...filters, ...place })}
        />
        <Group gap="sm">
          <Button type="submit" size="md">
            {t('directory.search.submit')}
          </Button>
          <Button variant="default" size="md" onClick={() => onSearch(emptyFilters)}>
            {t('directory.search.clear')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
