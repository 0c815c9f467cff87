// The immutable part of the in-memory index: every service point of one moment, numbered in 五十音
// order, with posting lists of name bigrams, address bigrams, facets and map cells. Built once (at
// start and after large changes); changes in between are laid over it (live-index.ts).
import { bigramCode } from '../../../../shared/search-text';
import { forEachInSlices, mapInSlices, sortInSlices } from './in-slices';
import { compareKeys, facetsOf, type IndexRow } from './index-entry';
import { type PageRows, PageRowsBuilder } from './page-rows';
import { PostingBuilder } from './sorted-sets';

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
  /** What the results page shows of each entry. */
  rows: PageRows;
};

/** Each bigram of the text once per entry; none across the spaces that join its parts. */
function addGrams(builders: Map<number, PostingBuilder>, text: string, entry: number): void {
  for (let i = 0; i + 1 < text.length; i++) {
    if (text.charCodeAt(i) === 0x20 || text.charCodeAt(i + 1) === 0x20) continue;
    const code = bigramCode(text, i);
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

const lists = (builder: PostingBuilder) => builder.finish();

const astral = /[\ud800-\udfff]/;

/**
 * Takes the rows in any order, column by column (no object per row: half a million of them kept
 * until the end cost more in garbage collection than the rest of the build), then numbers them in
 * (sort key, id) order and collects the posting lists.
 */
export class SnapshotBuilder {
  private readonly ids: string[] = [];
  private readonly sortKeys: string[] = [];
  private readonly nameTexts: string[] = [];
  private readonly addressTexts: string[] = [];
  private readonly latitudes: number[] = [];
  private readonly longitudes: number[] = [];
  private readonly facets: string[][] = [];
  /** Sort keys with characters beyond U+FFFF, which JavaScript's own comparison orders differently. */
  private readonly astral: boolean[] = [];
  private readonly rows = new PageRowsBuilder();

  add(row: IndexRow): void {
    this.rows.add(row);
    this.ids.push(row.id);
    this.sortKeys.push(row.sort_key);
    this.nameTexts.push(row.name_text);
    this.addressTexts.push(row.address_text);
    this.latitudes.push(row.latitude === null ? Number.NaN : Number(row.latitude));
    this.longitudes.push(row.longitude === null ? Number.NaN : Number(row.longitude));
    this.facets.push(facetsOf(row));
    this.astral.push(astral.test(row.sort_key));
  }

  private order(): Promise<number[]> {
    const { ids, sortKeys, astral: wide } = this;
    return sortInSlices(ids.length, (i, j) => {
      const a = sortKeys[i] as string;
      const b = sortKeys[j] as string;
      if (a === b || wide[i] || wide[j]) return compareKeys(a, ids[i] as string, b, ids[j] as string);
      return a < b ? -1 : 1;
    });
  }

  /** Seconds of work at national scale, done in slices (in-slices.ts). */
  async finish(): Promise<Snapshot> {
    const order = await this.order();
    const count = order.length;
    const latitudes = new Float64Array(count);
    const longitudes = new Float64Array(count);
    const ids: string[] = [];
    const sortKeys: string[] = [];
    const nameTexts: string[] = [];
    const addressTexts: string[] = [];
    const nameGrams = new Map<number, PostingBuilder>();
    const addressGrams = new Map<number, PostingBuilder>();
    const facets = new Map<string, PostingBuilder>();
    const cells = new Map<number, PostingBuilder>();
    const numberOf = new Map<string, number>();
    const rows = this.rows.inOrder(count);
    await forEachInSlices(count, (n) => {
      const row = order[n] as number;
      const id = this.ids[row] as string;
      const nameText = this.nameTexts[row] as string;
      const addressText = this.addressTexts[row] as string;
      ids.push(id);
      sortKeys.push(this.sortKeys[row] as string);
      nameTexts.push(nameText);
      addressTexts.push(addressText);
      numberOf.set(id, n);
      rows.take(row);
      const latitude = this.latitudes[row] as number;
      const longitude = this.longitudes[row] as number;
      latitudes[n] = latitude;
      longitudes[n] = longitude;
      addGrams(nameGrams, nameText, n);
      addGrams(addressGrams, addressText, n);
      for (const facet of this.facets[row] as string[]) addTo(facets, facet, n);
      if (!Number.isNaN(latitude) && !Number.isNaN(longitude))
        addTo(cells, cellKey(cellIndex(latitude, CELL.lat), cellIndex(longitude, CELL.lon)), n);
    });
    return {
      count,
      ids,
      sortKeys,
      nameTexts,
      addressTexts,
      latitudes,
      longitudes,
      nameGrams: await mapInSlices(nameGrams, lists),
      addressGrams: await mapInSlices(addressGrams, lists),
      facets: await mapInSlices(facets, lists),
      cells: await mapInSlices(cells, lists),
      numberOf,
      rows: rows.finish(),
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
