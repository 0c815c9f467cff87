// `/directory` — 在宅医療・介護資源マップ (public): search by words and filters kept in the URL, results
// as a list (the primary content) with a map on request, printable, downloadable as CSV.
import './directory.css';
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';
import { usePublicSettings } from '../../ui/public-settings';
import { FilterSummary } from './search/FilterSummary';
import { useCountText } from './search/ResultCount';
import { SearchForm } from './search/SearchForm';
import { SearchResults } from './search/SearchResults';
import {
  type DirectoryFilters,
  pageQueryString,
  parseFilters,
  searchQueryString,
} from './search/search-params';
import { useDirectorySearch } from './search/useDirectorySearch';

export default function DirectoryPage() {
  const { t } = useTranslation();
  const countText = useCountText();
  const settings = usePublicSettings();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const query = searchQueryString(filters);
  const mapOpen = params.get('view') === 'map';
  const search = useDirectorySearch(query);
  const go = (next: DirectoryFilters, map = mapOpen) =>
    setParams(new URLSearchParams(pageQueryString(next, map)));

  return (
    <Stack gap="lg" className="dir-page">
      <div>
        <PageTitle title={t('directory.search.title')} />
        <Text className="no-print">
          {t('directory.search.lead', { city: settings.data?.cityName ?? '' })}
        </Text>
        <Anchor component={Link} to="/directory/medical-care" className="no-print">
          {t('directory.search.toMedicalCare')}
        </Anchor>
        <FilterSummary filters={filters} count={countText(search.total)} />
      </div>
      <SearchForm key={query} initial={filters} onSearch={(next) => go(next)} />
      <SearchResults
        query={query}
        filters={filters}
        search={search}
        mapOpen={mapOpen}
        onToggleMap={() => go(filters, !mapOpen)}
      />
    </Stack>
  );
}
