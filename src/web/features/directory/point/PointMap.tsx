import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServicePointDetail } from '../../../../shared/schemas/directory';
import { Loading } from '../../../ui/Loading';
import { MapFailed } from '../map/MapFailed';
import { useKindLabel } from '../parts/kind-label';

const LeafletMap = lazy(() => import('../map/LeafletMap').catch(() => ({ default: MapFailed })));

/** A small map of where the place is (screen only: the address is printed above it). */
export function PointMap({ point }: { point: ServicePointDetail }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const { id, name, serviceCode, latitude, longitude } = point;
  const points = useMemo(
    () =>
      latitude === null || longitude === null
        ? []
        : [{ id, name, kind: kindLabel(serviceCode), latitude, longitude }],
    [id, name, serviceCode, latitude, longitude, kindLabel],
  );
  if (points.length === 0) return null;
  return (
    <div className="no-print">
      <Suspense fallback={<Loading label={t('directory.map.loading')} />}>
        <LeafletMap points={points} single label={t('directory.map.pointLabel', { name: point.name })} />
      </Suspense>
    </div>
  );
}
