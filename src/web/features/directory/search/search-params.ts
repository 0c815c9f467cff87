// The directory search as it lives in the page URL. The query string is the API's own
// (`q`, `kinds`, `group`, `area`, `procedures`, `capabilities`, `vacancy=1`, `open`, `lat`, `lon`,
// `radius`), so a search can be shared, bookmarked and sent to the server as it is; `view=map` only
// remembers that the map was open. The server checks every value: nothing is dropped here.

export type DirectoryFilters = {
  q: string;
  kinds: string[];
  group: string;
  area: string;
  procedures: string[];
  capabilities: string[];
  vacancy: boolean;
  open: string;
  lat: string;
  lon: string;
  radius: string;
};

export const emptyFilters: DirectoryFilters = {
  q: '',
  kinds: [],
  group: '',
  area: '',
  procedures: [],
  capabilities: [],
  vacancy: false,
  open: '',
  lat: '',
  lon: '',
  radius: '',
};

const listOf = (value: string | null) => (value ? value.split(',').filter((part) => part.length > 0) : []);

export function parseFilters(params: URLSearchParams): DirectoryFilters {
  const text = (name: string) => params.get(name) ?? '';
  return {
    q: text('q'),
    kinds: listOf(params.get('kinds')),
    group: text('group'),
    area: text('area'),
    procedures: listOf(params.get('procedures')),
    capabilities: listOf(params.get('capabilities')),
    vacancy: params.get('vacancy') === '1',
    open: text('open'),
    lat: text('lat'),
    lon: text('lon'),
    radius: text('radius'),
  };
}

/** The search's query string, in a fixed order, without the empty values (the API's and the URL's). */
export function searchQueryString(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => {
    if (value.trim() !== '') params.set(name, value.trim());
  };
  set('q', filters.q);
  set('kinds', filters.kinds.join(','));
  set('group', filters.group);
  set('area', filters.area);
  set('procedures', filters.procedures.join(','));
  set('capabilities', filters.capabilities.join(','));
  if (filters.vacancy) params.set('vacancy', '1');
  set('open', filters.open);
  if (filters.lat && filters.lon) {
    set('lat', filters.lat);
    set('lon', filters.lon);
    set('radius', filters.radius);
  }
  return params.toString();
}

/** Whether anything narrows the search (an empty search lists everything, in 五十音 order). */
export const hasFilters = (filters: DirectoryFilters) => searchQueryString(filters) !== '';

/** The page URL's query string: the search, plus whether the map is open. */
export function pageQueryString(filters: DirectoryFilters, mapOpen: boolean): string {
  const search = searchQueryString(filters);
  if (!mapOpen) return search;
  return search ? `${search}&view=map` : 'view=map';
}

/** A position in the URL rounded to about 100 m: enough for a radius, and it says less about the reader. */
export const roundCoordinate = (value: number) => (Math.round(value * 1000) / 1000).toFixed(3);

/** One choice of the kind select: every kind, a whole service group, or one kind. */
export function kindChoiceOf(filters: Pick<DirectoryFilters, 'kinds' | 'group'>): string {
  if (filters.kinds.length > 1) return `kinds:${filters.kinds.join(',')}`;
  if (filters.kinds.length === 1) return `kind:${filters.kinds[0]}`;
  return filters.group ? `group:${filters.group}` : '';
}

export function applyKindChoice(choice: string): Pick<DirectoryFilters, 'kinds' | 'group'> {
  const [type, value = ''] = choice.split(':');
  if (type === 'group') return { kinds: [], group: value };
  if (type === 'kind' || type === 'kinds') return { kinds: listOf(value), group: '' };
  return { kinds: [], group: '' };
}

export function toggled(list: string[], value: string, on: boolean): string[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}
