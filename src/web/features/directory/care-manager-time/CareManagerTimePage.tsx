// `/directory/care-manager-time` — ケアマネタイム (取組8): when care managers may contact which physician,
// by area, weekday and time (「火曜 13:30 に連絡できる医師」), as a list or the weekly table, printed
// on one A4 page. Readers who are not signed in see the clinics that made theirs public (the page says so).
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { weekdays } from '../../../../shared/directory-codes';
import type { CareManagerTimeResult } from '../../../../shared/schemas/directory-maintenance';
import { api, withQuery } from '../../../api';
import { DateText } from '../../../ui/DateText';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { useLabel } from '../../../ui/labels';
import { PageTitle } from '../../../ui/PageTitle';
import { usePublicSettings } from '../../../ui/public-settings';
import { useAreas } from '../maintenance/api';
import { type Search, SearchForm } from './SearchForm';
import { WeeklyTable } from './WeeklyTable';
import { WindowList } from './WindowList';

// One A4 page, landscape: the weekly table only, small type. Present only while this page is.
const printStyle = `
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  .cmt-screen-only { display: none !important; }
  .cmt-print-only { display: block !important; }
  .scroll-table { overflow: visible !important; border: 0 !important; }
  .cmt-week { min-width: 0 !important; width: 100% !important; font-size: 8pt; border: 1px solid #666; }
  .cmt-week .cmt-col-name { width: 22%; }
  .cmt-week thead th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .cmt-week th, .cmt-week td { padding: 2pt 4pt !important; vertical-align: top; }
  .cmt-week p { font-size: 8pt !important; line-height: 1.3 !important; }
  .site-main > .mantine-Container-root { max-width: none !important; padding: 0 !important; }
}
.cmt-print-only { display: none; }
.cmt-week { table-layout: fixed; }
.cmt-week .cmt-col-name { width: 13rem; }
.cmt-week td, .cmt-week th { vertical-align: top; }
.cmt-window + .cmt-window { margin-top: 0.5rem; }
`;

export default function CareManagerTimePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const settings = usePublicSettings();
  const areas = useAreas();
  const [params, setParams] = useSearchParams();
  const search: Search = {
    area: params.get('area') ?? '',
    weekday: params.get('weekday') ?? '',
    time: params.get('time') ?? '',
  };
  // A phone shows the list first (the weekly table scrolls sideways there); printing is always the table.
  const small = useMediaQuery('(max-width: 48em)');
  const view = (params.get('view') ?? (small ? 'list' : 'week')) === 'list' ? 'list' : 'week';
  const result = useQuery({
    queryKey: ['care-manager-times', search],
    queryFn: () => api.get<CareManagerTimeResult>(withQuery('/api/directory/care-manager-times', search)),
  });
  const setView = (next: 'list' | 'week') => {
    const copy = new URLSearchParams(params);
    copy.set('view', next);
    setParams(copy, { replace: true });
  };
  const conditions = [
    areas.data?.areas.find((area) => area.id === search.area)?.name,
    search.weekday && label(weekdays, search.weekday),
    search.time && t('careManagerTime.at', { time: search.time }),
  ].filter(Boolean);
  const items = result.data?.items ?? [];

  return (
    <Stack gap="lg">
      <style>{printStyle}</style>
      <div className="cmt-screen-only">
        <PageTitle title={t('careManagerTime.title')} />
        <Text>{t('careManagerTime.lead')}</Text>
      </div>
      <div className="cmt-print-only">
        <Title order={2}>{t('careManagerTime.printTitle', { city: settings.data?.cityName ?? '' })}</Title>
        <Text size="sm">
          {t('careManagerTime.conditions')}:{' '}
          {conditions.length ? conditions.join('・') : t('careManagerTime.allConditions')}
          {' / '}
          {result.data?.publicOnly
            ? t('careManagerTime.printedPublic')
            : t('careManagerTime.printedProfessional')}
          {' / '}
          <DateText value={new Date()} /> {t('careManagerTime.printed')}
        </Text>
      </div>
      {result.data?.publicOnly ? (
        <Alert color="blue" title={t('careManagerTime.publicOnlyTitle')} className="cmt-screen-only">
          {t('careManagerTime.publicOnly')}{' '}
          <Anchor component={Link} to={`/login?next=${encodeURIComponent('/directory/care-manager-time')}`}>
            {t('careManagerTime.login')}
          </Anchor>
        </Alert>
      ) : (
        result.data && <Text className="cmt-screen-only">{t('careManagerTime.professional')}</Text>
      )}
      <SearchForm
        className="cmt-screen-only"
        search={search}
        areas={areas.data?.areas ?? []}
        onSearch={(next) => setParams(withView(next, view))}
      />
      <section aria-labelledby="cmt-results" className="cmt-results">
        <Group justify="space-between" className="cmt-screen-only" mb="sm">
          <Title order={2} id="cmt-results">
            {t('careManagerTime.results', { count: items.length })}
          </Title>
          <Group gap="xs">
            <Button.Group aria-label={t('careManagerTime.viewLabel')}>
              <Button
                variant={view === 'week' ? 'filled' : 'default'}
                aria-pressed={view === 'week'}
                onClick={() => setView('week')}
              >
                {t('careManagerTime.viewWeek')}
              </Button>
              <Button
                variant={view === 'list' ? 'filled' : 'default'}
                aria-pressed={view === 'list'}
                onClick={() => setView('list')}
              >
                {t('careManagerTime.viewList')}
              </Button>
            </Button.Group>
            <Button variant="default" onClick={() => window.print()} disabled={items.length === 0}>
              {t('careManagerTime.print')}
            </Button>
          </Group>
        </Group>
        {result.isPending && <Loading />}
        <ErrorAlert error={result.error} />
        {result.data?.truncated && <Text fw={700}>{t('careManagerTime.truncated')}</Text>}
        {result.data && items.length === 0 && <Text>{t('careManagerTime.none')}</Text>}
        {items.length > 0 && (
          <>
            <div className={view === 'week' ? undefined : 'cmt-print-only'}>
              <WeeklyTable items={items} label={t('careManagerTime.weekLabel')} />
            </div>
            {view === 'list' && (
              <div className="cmt-screen-only">
                <WindowList items={items} label={t('careManagerTime.listLabel')} small={small ?? false} />
              </div>
            )}
          </>
        )}
      </section>
    </Stack>
  );
}

function withView(search: Search, view: 'list' | 'week'): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value) params.set(key, value);
  params.set('view', view);
  return params;
}
