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

/** Takes the entries in (sort key, id) order and numbers them as they come. */
export class SnapshotBuilder {
  private readonly ids: string[] = [];
  private readonly sortKeys: string[] = [];
  private readonly nameTexts: string[] = [];
  private readonly addressTexts: string[] = [];
  private readonly latitudes: number[] = [];
  private readonly longitudes: number[] = [];
  private readonly nameGrams = new Map<number, PostingBuilder>();
  private readonly addressGrams = new Map<number, PostingBuilder>();
  private readonly facets = new Map<string, PostingBuilder>();
  private readonly cells = new Map<number, PostingBuilder>();
  private readonly numberOf = new Map<string, number>();

  add(entry: IndexEntry): void {
    const count = this.ids.length;
    const last = count - 1;
    if (
      count > 0 &&
      compareKeys(this.sortKeys[last] as string, this.ids[last] as string, entry.sortKey, entry.id) >= 0
    )
      throw new Error('directory index: entries must come in (sort key, id) order');
    // A row read twice while pages were read (it moved in the order meanwhile) is kept once; the
    // change that moved it is read again by the next sync, which replaces it.
    if (this.numberOf.has(entry.id)) return;
    const n = count;
    this.numberOf.set(entry.id, n);
    this.ids.push(entry.id);
    this.sortKeys.push(entry.sortKey);
    this.nameTexts.push(entry.nameText);
    this.addressTexts.push(entry.addressText);
    this.latitudes.push(entry.latitude ?? Number.NaN);
    this.longitudes.push(entry.longitude ?? Number.NaN);
    addGrams(this.nameGrams, entry.nameText, n);
    addGrams(this.addressGrams, entry.addressText, n);
    for (const facet of entry.facets) addTo(this.facets, facet, n);
    if (entry.latitude !== null && entry.longitude !== null)
      addTo(
        this.cells,
        cellKey(cellIndex(entry.latitude, CELL.lat), cellIndex(entry.longitude, CELL.lon)),
        n,
      );
  }

  finish(): Snapshot {
    return {
      count: this.ids.length,
      ids: this.ids,
      sortKeys: this.sortKeys,
      nameTexts: this.nameTexts,
      addressTexts: this.addressTexts,
      latitudes: Float64Array.from(this.latitudes),
      longitudes: Float64Array.from(this.longitudes),
      nameGrams: finishAll(this.nameGrams),
      addressGrams: finishAll(this.addressGrams),
      facets: finishAll(this.facets),
      cells: finishAll(this.cells),
      numberOf: this.numberOf,
    };
  }
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
