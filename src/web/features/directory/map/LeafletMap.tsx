// The directory map (Leaflet), loaded only when a reader opens it: tiles from the city's configured
// provider with its attribution, one marker per place (clustered when there are many), each marker
// reachable by keyboard and named for screen readers, its popup linking to the place's page.
// Leaflet's CSS and marker images come from the bundle (the CSP allows no other origin but the tiles').
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import L from 'leaflet';
import 'leaflet.markercluster';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type NavigateFunction, useNavigate } from 'react-router';
import { usePublicSettings } from '../../../ui/public-settings';

export type MapPoint = { id: string; name: string; kind: string; latitude: number; longitude: number };

type Props = {
  points: MapPoint[];
  /** Names the map region for screen readers. */
  label: string;
  /** One place on its own page: a small map without clustering or popups. */
  single?: boolean;
  /** Id of the text that explains the map. */
  describedBy?: string;
};

/** The map's words in the UI language (Leaflet's own controls are in English). */
type MapText = {
  openDetail: string;
  cluster: (count: number) => string;
  zoomIn: string;
  zoomOut: string;
  close: string;
};

const icon = L.icon({
  iconUrl,
  iconRetinaUrl,
  shadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  popupAnchor: [1, -34],
  shadowSize: [41, 41],
});

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The popup: name, kind and a link that opens the place's page inside the app. */
function popupFor(point: MapPoint, text: MapText, navigate: NavigateFunction): HTMLElement {
  const box = document.createElement('div');
  const name = box.appendChild(document.createElement('strong'));
  name.textContent = point.name;
  const kind = box.appendChild(document.createElement('div'));
  kind.textContent = point.kind;
  const link = box.appendChild(document.createElement('a'));
  link.href = `/directory/points/${point.id}`;
  link.textContent = text.openDetail;
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(`/directory/points/${point.id}`, {
      state: { from: `${window.location.pathname}${window.location.search}` },
    });
  });
  return box;
}

function clusterGroup(text: MapText): L.MarkerClusterGroup {
  return L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      return L.divIcon({
        className: 'dir-cluster',
        iconSize: L.point(44, 44),
        html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${escapeHtml(text.cluster(count))}</span>`,
      });
    },
  });
}

function fitToPoints(map: L.Map, points: MapPoint[]): void {
  const first = points[0];
  if (!first) return;
  if (points.length === 1) map.setView([first.latitude, first.longitude], 16);
  else
    map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude])), {
      // Room above for the markers' pins (drawn upwards from their point).
      paddingTopLeft: [30, 60],
      paddingBottomRight: [30, 20],
      maxZoom: 16,
    });
}

function createMap(
  element: HTMLElement,
  tiles: { tileUrl: string; attribution: string },
  { points, single }: Pick<Props, 'points' | 'single'>,
  text: MapText,
  navigate: NavigateFunction,
): L.Map {
  const map = L.map(element, { zoomControl: false, scrollWheelZoom: !single });
  L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(tiles.tileUrl, { attribution: tiles.attribution, maxZoom: 18, minZoom: 5 }).addTo(map);
  const layer = single ? L.layerGroup() : clusterGroup(text);
  for (const point of points) {
    const marker = L.marker([point.latitude, point.longitude], { icon, alt: point.name, title: point.name });
    if (!single) marker.bindPopup(() => popupFor(point, text, navigate));
    layer.addLayer(marker);
  }
  layer.addTo(map);
  // Leaflet names the popup's close button in English.
  map.on('popupopen', (event) => {
    event.popup
      .getElement()
      ?.querySelector('.leaflet-popup-close-button')
      ?.setAttribute('aria-label', text.close);
  });
  fitToPoints(map, points);
  return map;
}

export default function LeafletMap({ points, label, single = false, describedBy }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = usePublicSettings();
  const element = useRef<HTMLElement>(null);
  const tiles = settings.data?.map;
  const text = useMemo<MapText>(
    () => ({
      openDetail: t('directory.map.openDetail'),
      cluster: (count) => t('directory.map.cluster', { count }),
      zoomIn: t('directory.map.zoomIn'),
      zoomOut: t('directory.map.zoomOut'),
      close: t('common.close'),
    }),
    [t],
  );

  useEffect(() => {
    if (!element.current || !tiles) return;
    const map = createMap(element.current, tiles, { points, single }, text, navigate);
    return () => {
      map.remove();
    };
  }, [points, single, tiles, text, navigate]);

  return (
    <section
      ref={element}
      aria-label={label}
      aria-describedby={describedBy}
      className={single ? 'dir-map dir-map-small' : 'dir-map'}
    />
  );
}
