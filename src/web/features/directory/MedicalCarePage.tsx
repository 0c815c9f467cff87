// `/directory/medical-care` — 高度医療的ケア対応施設一覧 (public): facilities and home-nursing services
// filtered by the medical procedures they accept, as a procedure × facility table with vacancy,
// printable on A4 landscape. The same search API as the resource map (procedures, kinds, vacancy).
import './directory.css';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { PrintButton } from '../../ui/PrintButton';
import { medicalCareKinds } from './medical-care/kinds';
import { MedicalCareFilters } from './medical-care/MedicalCareFilters';
import { ProcedureMatrix } from './medical-care/ProcedureMatrix';
import { FilterSummary } from './search/FilterSummary';
import { ResultCount, useCountText } from './search/ResultCount';
import { parseFilters, searchQueryString } from './search/search-params';
import { useDirectorySearch } from './search/useDirectorySearch';

export default function MedicalCarePage() {
  const { t } = useTranslation();
  const countText = useCountText();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const pageQuery = searchQueryString(filters);
  const kinds = filters.kinds.length > 0 ? filters.kinds : medicalCareKinds;
  const search = useDirectorySearch(searchQueryString({ ...filters, kinds }), 100);

  return (
    <Stack gap="lg" className="dir-page dir-medical-care">
      <div>
        <PageTitle title={t('directory.medicalCare.title')} />
        <Text className="no-print">{t('directory.medicalCare.lead')}</Text>
        <Anchor component={Link} to="/directory" className="no-print">
          {t('directory.medicalCare.toSearch')}
        </Anchor>
        <FilterSummary filters={filters} count={countText(search.total)} />
      </div>
      <MedicalCareFilters
        key={pageQuery}
        initial={filters}
        onApply={(next) => setParams(new URLSearchParams(searchQueryString(next)))}
      />
      <section aria-labelledby="dir-mc-heading">
        <Title order={2} id="dir-mc-heading" mb="sm" className="no-print">
          {t('directory.medicalCare.resultsHeading')}
        </Title>
        <Group justify="space-between" className="no-print" mb="sm">
          <ResultCount total={search.total} shown={search.items.length} />
          <PrintButton />
        </Group>
        <Text size="sm" mb="sm">
          {t('directory.medicalCare.legend')}
        </Text>
        {search.isPending && <Loading />}
        <ErrorAlert error={search.error} />
        {search.items.length > 0 && (
          <ProcedureMatrix items={search.items} from={`${location.pathname}${location.search}`} />
        )}
        {search.hasNextPage && (
          <Button
            mt="md"
            variant="default"
            size="md"
            className="no-print"
            loading={search.isFetchingNextPage}
            onClick={() => search.fetchNextPage()}
          >
            {t('directory.results.more')}
          </Button>
        )}
      </section>
    </Stack>
  );
}
