// A search answered from the in-memory index: the page's entries in order (tier, then 五十音 or
// distance), and how many match, counted up to a cap. Posting lists narrow the candidates; every
// candidate's texts are then checked (unless its list decides alone), so a bigram never gives a wrong match.
import { bigramsOf } from '../../../../shared/search-text';
import { compareKeys, type IndexEntry } from './index-entry';
import { distanceKm, type Point, type QueryPlan, type Tier, tierOf, tiersOf } from './query-plan';
import { CELL, cellIndex, cellKey, firstAfter, type Snapshot } from './snapshot';
import { END, type SetCursor, sets } from './sorted-sets';

/** The index as one search sees it: the snapshot, minus the entries changed since, plus those changes. */
export type IndexView = {
  snapshot: Snapshot;
  /** 1 where the snapshot's entry has changed since (its current state, if any, is in `changes`). */
  replaced: Uint8Array;
  /** Entries changed since the snapshot, by id; null: withdrawn. */
  changes: Map<string, IndexEntry | null>;
};

export type Position = { tier: Tier; key: string | number; id: string };
/** A match: `n` its number in the snapshot, or -1 for an entry changed since (in `changes`). */
export type Hit = Position & { distanceKm: number | null; n: number };
export type QueryAnswer = {
  /** Up to `wanted` matches after the position, in order. */
  hits: Hit[];
  /** Matches counted up to `countCap` + 1; null when not asked, or too many candidates to count. */
  total: number | null;
};

/**
 * Candidates a count may look at past the page before it gives up ("many"): about a tenth of a
 * millisecond either way. Candidates whose words must be found in their texts cost far more than
 * those the posting lists decide alone, so a word of three characters or more is counted less far —
 * unless the candidates are few (a city's directory, or narrow filters): then all are counted.
 */
const COUNT_BUDGET = { listed: 20_000, checked: 150, fewCandidates: 1000 };

const byKey = (a: Hit, b: Hit) =>
  typeof a.key === 'number' && typeof b.key === 'number'
    ? a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    : compareKeys(String(a.key), a.id, String(b.key), b.id);

const isAfter = (hit: Hit, after: Position | null) =>
  !after ||
  hit.tier > after.tier ||
  (hit.tier === after.tier && byKey(hit, { ...after, distanceKm: null, n: -1 }) > 0);

/**
 * Candidates for a word: the entries whose text holds all its bigrams; null: no bigram to narrow by.
 * A bigram in many times more entries than the rarest one (「丁目」 in 「1丁目1番」) hardly narrows but
 * costs a step per candidate: the text check decides it instead.
 */
function wordCursor(lists: Map<number, Int32Array>, term: string): SetCursor | null {
  const grams = bigramsOf(term).map((gram) => lists.get(gram));
  if (grams.length === 0) return null;
  if (grams.some((list) => list === undefined)) return sets.none();
  const sized = (grams as Int32Array[]).sort((a, b) => a.length - b.length);
  const narrowing = sized.filter((list) => list.length <= (sized[0] as Int32Array).length * 8);
  return sets.and(narrowing.map(sets.list), sets.none());
}

/** The candidates of one tier: every filter, and the words' bigrams where the tier needs them. */
function candidates(snapshot: Snapshot, plan: QueryPlan, tier: Tier): SetCursor {
  const facet = (key: string) => sets.list(snapshot.facets.get(key));
  const parts: (SetCursor | null)[] = plan.facets.map(facet);
  if (plan.kinds.length) parts.push(sets.or(plan.kinds.map(facet)));
  const inName = (term: string) => wordCursor(snapshot.nameGrams, term);
  const inAddress = (term: string) => wordCursor(snapshot.addressGrams, term);
  if (tier === 0) parts.push(...plan.terms.map(inName));
  else {
    // Some word is only in the address; with several words, each is in the name or the address.
    const addresses = plan.terms.map(inAddress);
    if (addresses.every((cursor) => cursor !== null)) parts.push(sets.or(addresses as SetCursor[]));
    if (plan.terms.length > 1)
      for (const term of plan.terms) {
        const name = inName(term);
        const address = inAddress(term);
        parts.push(name && address ? sets.or([name, address]) : null);
      }
  }
  return sets.and(parts, sets.all(snapshot.count));
}

function entryMatches(entry: IndexEntry, plan: QueryPlan, tier: Tier): boolean {
  if (!plan.facets.every((key) => entry.facets.includes(key))) return false;
  if (plan.kinds.length && !plan.kinds.some((key) => entry.facets.includes(key))) return false;
  return tierOf(entry.nameText, entry.addressText, plan.terms) === tier;
}

/** Changed entries matching in this tier (and within the radius), as hits. */
function changedHits(view: IndexView, plan: QueryPlan, tier: Tier): Hit[] {
  const hits: Hit[] = [];
  for (const entry of view.changes.values()) {
    if (!entry || !entryMatches(entry, plan, tier)) continue;
    if (!plan.point) {
      hits.push({ tier, key: entry.sortKey, id: entry.id, distanceKm: null, n: -1 });
      continue;
    }
    if (entry.latitude === null || entry.longitude === null) continue;
    const distance = distanceKm(plan.point, entry.latitude, entry.longitude);
    if (distance <= plan.point.radiusKm)
      hits.push({ tier, key: distance, id: entry.id, distanceKm: distance, n: -1 });
  }
  return hits;
}

/** The snapshot's matches of a tier in 五十音 order from `start`: the first `wanted`, and a count. */
function walkTier(
  view: IndexView,
  plan: QueryPlan,
  tier: Tier,
  start: number,
  wanted: number,
  countTo: number,
) {
  const { snapshot, replaced } = view;
  const cursor = candidates(snapshot, plan, tier);
  // A two-character word is its own bigram: a name in its list holds it, nothing to check.
  const exact = tier === 0 && plan.terms.every((term) => term.length === 2);
  const budget =
    exact || cursor.size <= COUNT_BUDGET.fewCandidates ? COUNT_BUDGET.listed : COUNT_BUDGET.checked;
  const found: number[] = [];
  let counted = 0;
  let looked = 0;
  for (let n = cursor.advance(start); n !== END; n = cursor.advance(n + 1)) {
    if (found.length >= wanted) {
      if (countTo < 0 || ++looked > budget) return { found, counted: null };
      // Past the cap: enough to say "more than".
      if (counted > countTo) return { found, counted };
    }
    if (replaced[n]) continue;
    if (
      !exact &&
      tierOf(snapshot.nameTexts[n] as string, snapshot.addressTexts[n] as string, plan.terms) !== tier
    )
      continue;
    counted++;
    if (found.length < wanted) found.push(n);
  }
  return { found, counted };
}

/** What a search asks of the index: the matches after a position, how many, and how far to count. */
export type QueryAsk = { after: Position | null; wanted: number; countCap: number | null };

function alphabetical(view: IndexView, plan: QueryPlan, { after, wanted, countCap }: QueryAsk): QueryAnswer {
  const { snapshot } = view;
  const hits: Hit[] = [];
  let total: number | null = countCap === null ? null : 0;
  for (const tier of tiersOf(plan)) {
    if (after && tier < after.tier) continue;
    const need = wanted - hits.length;
    // Counting goes on while the total is known and not yet past the cap.
    const countTo = total === null || countCap === null || total > countCap ? -1 : countCap - total;
    if (need <= 0 && countTo < 0) break;
    const start = after && after.tier === tier ? firstAfter(snapshot, String(after.key), after.id) : 0;
    const base = walkTier(view, plan, tier, start, need, countTo);
    const changed = changedHits(view, plan, tier).filter((hit) => isAfter(hit, after));
    const merged = [
      ...base.found.map((n) => ({
        tier,
        key: snapshot.sortKeys[n] as string,
        id: snapshot.ids[n] as string,
        distanceKm: null,
        n,
      })),
      ...changed,
    ].sort(byKey);
    hits.push(...merged.slice(0, need));
    if (total !== null && countTo >= 0)
      total = base.counted === null ? null : total + base.counted + changed.length;
  }
  return { hits, total };
}

/** The posting lists of the map cells a circle touches. */
function cellLists(snapshot: Snapshot, point: Point): Int32Array[] {
  const dLat = point.radiusKm / 111.32;
  const dLon = point.radiusKm / (111.32 * Math.cos((point.lat * Math.PI) / 180));
  const lists: Int32Array[] = [];
  for (let i = cellIndex(point.lat - dLat, CELL.lat); i <= cellIndex(point.lat + dLat, CELL.lat); i++)
    for (let j = cellIndex(point.lon - dLon, CELL.lon); j <= cellIndex(point.lon + dLon, CELL.lon); j++) {
      const list = snapshot.cells.get(cellKey(i, j));
      if (list) lists.push(list);
    }
  return lists;
}

/**
 * The snapshot's matches of a tier within the radius. Led by whichever is smaller: the filters' and
 * words' candidates (each checked for distance), or the entries of the circle's cells (each checked
 * against the candidates).
 */
function withinRadius(view: IndexView, plan: QueryPlan & { point: Point }, tier: Tier): Hit[] {
  const { snapshot, replaced } = view;
  const { point } = plan;
  const cursor = candidates(snapshot, plan, tier);
  const lists = cellLists(snapshot, point);
  const hits: Hit[] = [];
  const consider = (n: number) => {
    const latitude = snapshot.latitudes[n] as number;
    if (replaced[n] || Number.isNaN(latitude)) return;
    const distance = distanceKm(point, latitude, snapshot.longitudes[n] as number);
    if (distance > point.radiusKm) return;
    if (tierOf(snapshot.nameTexts[n] as string, snapshot.addressTexts[n] as string, plan.terms) !== tier)
      return;
    hits.push({ tier, key: distance, id: snapshot.ids[n] as string, distanceKm: distance, n });
  };
  const inCells = lists.reduce((sum, list) => sum + list.length, 0);
  if (cursor.size <= inCells) {
    for (let n = cursor.advance(0); n !== END; n = cursor.advance(n + 1)) consider(n);
    return hits;
  }
  const numbers = new Int32Array(inCells);
  let at = 0;
  for (const list of lists) {
    numbers.set(list, at);
    at += list.length;
  }
  numbers.sort();
  for (const n of numbers) if (cursor.advance(n) === n) consider(n);
  return hits;
}

/** The `k` first hits in order, without sorting all of them (a binary max-heap of the best so far). */
export function firstHits(hits: Hit[], k: number): Hit[] {
  if (k <= 0) return [];
  if (hits.length <= k * 4) return hits.sort(byKey).slice(0, k);
  const heap: Hit[] = [];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j] as Hit, heap[i] as Hit];
  };
  for (const hit of hits) {
    if (heap.length === k && byKey(hit, heap[0] as Hit) >= 0) continue;
    if (heap.length === k) heap[0] = hit;
    else heap.push(hit);
    // Restore the heap: up from a new leaf, down from a replaced root.
    if (heap.length < k || heap[0] !== hit) {
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (byKey(heap[i] as Hit, heap[parent] as Hit) <= 0) break;
        swap(i, parent);
        i = parent;
      }
      continue;
    }
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && byKey(heap[left] as Hit, heap[largest] as Hit) > 0) largest = left;
      if (right < heap.length && byKey(heap[right] as Hit, heap[largest] as Hit) > 0) largest = right;
      if (largest === i) break;
      swap(i, largest);
      i = largest;
    }
  }
  return heap.sort(byKey);
}

function nearest(
  view: IndexView,
  plan: QueryPlan & { point: Point },
  after: Position | null,
  wanted: number,
): QueryAnswer {
  const hits: Hit[] = [];
  let total = 0;
  for (const tier of tiersOf(plan)) {
    const all = [...withinRadius(view, plan, tier), ...changedHits(view, plan, tier)];
    total += all.length;
    const need = wanted - hits.length;
    if (need > 0)
      hits.push(
        ...firstHits(
          all.filter((hit) => isAfter(hit, after)),
          need,
        ),
      );
  }
  return { hits, total: after ? null : total };
}

/**
 * Up to `wanted` matches after `after`, and the number of matches (up to `countCap` + 1, only on the
 * first page: `countCap` null asks for none).
 */
export function runQuery(view: IndexView, plan: QueryPlan, ask: QueryAsk): QueryAnswer {
  if (plan.point) return nearest(view, plan as QueryPlan & { point: Point }, ask.after, ask.wanted);
  return alphabetical(view, plan, { ...ask, countCap: ask.after ? null : ask.countCap });
}
