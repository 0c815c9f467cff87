import { describe, expect, it } from 'vitest';
import {
  applyKindChoice,
  emptyFilters,
  hasFilters,
  kindChoiceOf,
  pageQueryString,
  parseFilters,
  roundCoordinate,
  searchQueryString,
  toggled,
} from './search-params';

describe('directory search in the URL', () => {
  it('reads every filter of the API query string and writes it back the same', () => {
    const url =
      'q=%E8%A8%AA%E5%95%8F%E7%9C%8B%E8%AD%B7&kinds=510%2C520&area=a1&procedures=tube_feeding%2Csuction' +
      '&capabilities=open_24h&vacancy=1&open=sun&lat=31.590&lon=130.550&radius=3';
    const filters = parseFilters(new URLSearchParams(url));
    expect(filters).toEqual({
      ...emptyFilters,
      q: '訪問看護',
      kinds: ['510', '520'],
      area: 'a1',
      procedures: ['tube_feeding', 'suction'],
      capabilities: ['open_24h'],
      vacancy: true,
      open: 'sun',
      lat: '31.590',
      lon: '130.550',
      radius: '3',
    });
    expect(searchQueryString(filters)).toBe(url);
  });

  it('leaves out empty values, and the radius without a point', () => {
    expect(searchQueryString(emptyFilters)).toBe('');
    expect(hasFilters(emptyFilters)).toBe(false);
    expect(searchQueryString({ ...emptyFilters, q: '  ', radius: '3' })).toBe('');
    expect(searchQueryString({ ...emptyFilters, q: ' さくら ' })).toBe('q=%E3%81%95%E3%81%8F%E3%82%89');
  });

  it('remembers an open map in the page URL only', () => {
    const filters = { ...emptyFilters, vacancy: true };
    expect(pageQueryString(filters, true)).toBe('vacancy=1&view=map');
    expect(pageQueryString(emptyFilters, true)).toBe('view=map');
    expect(pageQueryString(filters, false)).toBe('vacancy=1');
    expect(parseFilters(new URLSearchParams('view=map'))).toEqual(emptyFilters);
  });

  it('maps the kind select to kinds or a group and back', () => {
    expect(applyKindChoice('group:medical')).toEqual({ kinds: [], group: 'medical' });
    expect(applyKindChoice('kind:130')).toEqual({ kinds: ['130'], group: '' });
    expect(applyKindChoice('')).toEqual({ kinds: [], group: '' });
    for (const choice of ['group:residential', 'kind:130', 'kinds:510,520', ''])
      expect(kindChoiceOf(applyKindChoice(choice))).toBe(choice);
  });

  it('rounds a position to about 100 m and toggles list values', () => {
    expect(roundCoordinate(31.590_46)).toBe('31.590');
    expect(roundCoordinate(130.5)).toBe('130.500');
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
  });
});
