// The immutable part of the in-memory index: every service point of one moment, numbered in 五十音
// order, with posting lists of name bigrams, address bigrams, facets and map cells. Built once (at
// start and after large changes); changes in between are laid over it (live-index.ts).
import { bigramCode } from '../../../../shared/search-text';
import { compareKeys, type IndexEntry } from './index-entry';
import { finishAll, PostingBuilder } from './sorted-sets';

/** Map cells of about 5.5 km: a radius search reads the cells its circle touches. */
export const CELL = { lat: 0.05, lon: 0.0625 };
export const cellKey = (latIndex: number, lonIndex: number) => latIndex * 100_000 + lonIndex;
export const cellIndex = (degrees: number, size: number) => Math.floor(degrees / size);

export type Snapshot = {
  count: number;
  ids: string[];
  sortKeys: string[];
  nameTexts: string[];
  addressTexts: string[];
  latitudes: Float64Array;
  longitudes: Float64Array;
  nameGrams: Map<number, Int32Array>;
  addressGrams: Map<number, Int32Array>;
  facets: Map<string, Int32Array>;
  cells: Map<number, Int32Array>;
  numberOf: Map<string, number>;
};

function addGrams(builders: Map<number, PostingBuilder>, text: string, entry: number): void {
  for (const part of text.split(' '))
    for (let i = 0; i + 1 < part.length; i++) {
      const code = bigramCode(part, i);
      let builder = builders.get(code);
      if (!builder) {
        builder = new PostingBuilder();
        builders.set(code, builder);
      }
      builder.add(entry);
    }
}

function addTo<K>(builders: Map<K, PostingBuilder>, key: K, entry: number): void {
  let builder = builders.get(key);
  if (!builder) {
    builder = new PostingBuilder();
    builders.set(key, builder);
  }
  builder.add(entry);
}

/** Numbers the entries in (sort key, id) order and collects their posting lists. */
export function buildSnapshot(entries: IndexEntry[]): Snapshot {
  entries.sort((a, b) => compareKeys(a.sortKey, a.id, b.sortKey, b.id));
  const count = entries.length;
  const latitudes = new Float64Array(count);
  const longitudes = new Float64Array(count);
  const nameGrams = new Map<number, PostingBuilder>();
  const addressGrams = new Map<number, PostingBuilder>();
  const facets = new Map<string, PostingBuilder>();
  const cells = new Map<number, PostingBuilder>();
  const numberOf = new Map<string, number>();
  entries.forEach((entry, n) => {
    numberOf.set(entry.id, n);
    latitudes[n] = entry.latitude ?? Number.NaN;
    longitudes[n] = entry.longitude ?? Number.NaN;
    addGrams(nameGrams, entry.nameText, n);
    addGrams(addressGrams, entry.addressText, n);
    for (const facet of entry.facets) addTo(facets, facet, n);
    if (entry.latitude !== null && entry.longitude !== null)
      addTo(cells, cellKey(cellIndex(entry.latitude, CELL.lat), cellIndex(entry.longitude, CELL.lon)), n);
  });
  return {
    count,
    ids: entries.map((entry) => entry.id),
    sortKeys: entries.map((entry) => entry.sortKey),
    nameTexts: entries.map((entry) => entry.nameText),
    addressTexts: entries.map((entry) => entry.addressText),
    latitudes,
    longitudes,
    nameGrams: finishAll(nameGrams),
    addressGrams: finishAll(addressGrams),
    facets: finishAll(facets),
    cells: finishAll(cells),
    numberOf,
  };
}

/** The number of the first entry after (key, id) in the snapshot's order. */
export function firstAfter(snapshot: Snapshot, key: string, id: string): number {
  let low = 0;
  let high = snapshot.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = compareKeys(snapshot.sortKeys[middle] as string, snapshot.ids[middle] as string, key, id);
    if (order <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
