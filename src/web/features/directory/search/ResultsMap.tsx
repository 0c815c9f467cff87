import { Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import type { MapPoint } from '../map/LeafletMap';
import { MapFailed } from '../map/MapFailed';
import { useKindLabel } from '../parts/kind-label';
import { useMapPoints } from './useDirectorySearch';

// Leaflet is loaded only now: the search page itself stays small.
const LeafletMap = lazy(() => import('../map/LeafletMap').catch(() => ({ default: MapFailed })));

const MAX_POINTS = 500;

/** The map of a search: its first 500 places, those without a position listed but not shown. */
export function ResultsMap({ query }: { query: string }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const result = useMapPoints(query, true, MAX_POINTS);
  const points = result.data?.points;
  const placed = useMemo<MapPoint[]>(
    () =>
      (points ?? []).flatMap((p) =>
        p.latitude === null || p.longitude === null
          ? []
          : [
              {
                id: p.id,
                name: p.name,
                kind: kindLabel(p.serviceCode, p.serviceName),
                latitude: p.latitude,
                longitude: p.longitude,
              },
            ],
      ),
    [points, kindLabel],
  );
  const unplaced = (points?.length ?? 0) - placed.length;

  return (
    <section aria-labelledby="dir-map-heading" className="no-print dir-map-section">
      <Title order={3} id="dir-map-heading" className="visually-hidden">
        {t('directory.map.heading')}
      </Title>
      <Text size="sm" id="dir-map-note">
        {t('directory.map.note')}
        {result.data?.more ? ` ${t('directory.map.limited', { count: MAX_POINTS })}` : ''}
        {unplaced > 0 ? ` ${t('directory.map.withoutPosition', { count: unplaced })}` : ''}
      </Text>
      {result.isPending && <Loading label={t('directory.map.loading')} />}
      <ErrorAlert error={result.error} />
      {result.data && (
        <Suspense fallback={<Loading label={t('directory.map.loading')} />}>
          <LeafletMap points={placed} label={t('directory.map.label')} describedBy="dir-map-note" />
        </Suspense>
      )}
    </section>
  );
}
