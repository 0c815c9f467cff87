import { Button, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { PrintButton } from '../../../ui/PrintButton';
import { CsvDownload } from './CsvDownload';
import { PrintTable } from './PrintTable';
import { ResultCard } from './ResultCard';
import { ResultCount } from './ResultCount';
import { ResultsMap } from './ResultsMap';
import type { DirectoryFilters } from './search-params';
import type { useDirectorySearch } from './useDirectorySearch';

type Props = {
  query: string;
  filters: DirectoryFilters;
  search: ReturnType<typeof useDirectorySearch>;
  mapOpen: boolean;
  onToggleMap: () => void;
};

/** The results: count, tools (map, print, CSV), the map when open, the list and 「もっと見る」. */
export function SearchResults({ query, filters, search, mapOpen, onToggleMap }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <section aria-labelledby="dir-results-heading" className="dir-results">
      <Title order={2} id="dir-results-heading" className="no-print">
        {t('directory.results.heading')}
      </Title>
      <div className="no-print">
        <ResultCount total={search.total} shown={search.items.length} />
      </div>
      <Group gap="sm" className="no-print" role="group" aria-label={t('directory.results.tools')}>
        <Button variant={mapOpen ? 'filled' : 'default'} aria-pressed={mapOpen} onClick={onToggleMap}>
          {t('directory.results.showMap')}
        </Button>
        <PrintButton />
      </Group>
      <CsvDownload key={query} query={query} filters={filters} total={search.total} />
      {mapOpen && <ResultsMap query={query} />}
      {search.isPending && <Loading />}
      <ErrorAlert error={search.error} />
      {search.items.length > 0 && (
        <ul className="dir-result-list no-print" aria-label={t('directory.results.listLabel')}>
          {search.items.map((point) => (
            <ResultCard key={point.id} point={point} from={`${location.pathname}${location.search}`} />
          ))}
        </ul>
      )}
      {search.hasNextPage && (
        <Button
          variant="default"
          size="md"
          className="no-print"
          loading={search.isFetchingNextPage}
          onClick={() => search.fetchNextPage()}
        >
          {t('directory.results.more')}
        </Button>
      )}
      <PrintTable items={search.items} more={search.hasNextPage} />
    </section>
  );
}
