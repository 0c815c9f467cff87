// Sorted sets of entry numbers and cursors over them, as a search engine intersects posting lists.
// An entry's number is its rank in 五十音 order, so walking a set in number order walks the matches
// in the order the page shows them: the first page of a word with 60,000 matches reads 21 of them.

/** Past every entry number. */
export const END = 0x7fffffff;

export interface SetCursor {
  /** The first member ≥ `target`, or END. Targets never decrease from one call to the next. */
  advance(target: number): number;
  /** Members at most: the smallest part of an AND leads it. */
  readonly size: number;
}

/** A posting list: ascending entry numbers. Skips ahead by galloping, then a binary search. */
class ListCursor implements SetCursor {
  private at = 0;
  constructor(private readonly list: Int32Array) {}

  get size(): number {
    return this.list.length;
  }

  advance(target: number): number {
    const list = this.list;
    const length = list.length;
    let low = this.at;
    if (low >= length || target === END) return END;
    if ((list[low] as number) >= target) return list[low] as number;
    // list[low] < target: double the step until past it, then search the last step.
    let step = 1;
    let high = low + 1;
    while (high < length && (list[high] as number) < target) {
      low = high;
      step *= 2;
      high = low + step;
    }
    high = Math.min(high, length - 1);
    if ((list[high] as number) < target) {
      this.at = length;
      return END;
    }
    low += 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((list[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    this.at = low;
    return list[low] as number;
  }
}

/** Members of every part (leapfrog: each part skips to where the others are). */
class AndCursor implements SetCursor {
  private readonly lead: SetCursor;
  private readonly rest: SetCursor[];
  constructor(parts: SetCursor[]) {
    const [lead, ...rest] = [...parts].sort((a, b) => a.size - b.size) as [SetCursor, ...SetCursor[]];
    this.lead = lead;
    this.rest = rest;
  }

  get size(): number {
    return this.lead.size;
  }

  advance(target: number): number {
    const rest = this.rest;
    let candidate = this.lead.advance(target);
    for (let i = 0; candidate !== END && i < rest.length; ) {
      const found = (rest[i] as SetCursor).advance(candidate);
      if (found === candidate) i++;
      else {
        candidate = this.lead.advance(found);
        i = 0;
      }
    }
    return candidate;
  }
}

/** Members of any part. */
class OrCursor implements SetCursor {
  constructor(private readonly parts: SetCursor[]) {}

  get size(): number {
    return this.parts.reduce((sum, part) => sum + part.size, 0);
  }

  advance(target: number): number {
    let first = END;
    for (const part of this.parts) first = Math.min(first, part.advance(target));
    return first;
  }
}

/** Every entry number below `count`: what a search without words or filters walks. */
class AllCursor implements SetCursor {
  constructor(readonly size: number) {}
  advance(target: number): number {
    return target < this.size ? target : END;
  }
}

const NONE = new AllCursor(0);

export const sets = {
  list: (list: Int32Array | undefined): SetCursor => (list ? new ListCursor(list) : NONE),
  all: (count: number): SetCursor => new AllCursor(count),
  none: (): SetCursor => NONE,
  /** Every part; `null` parts do not narrow, and with none at all the result is `fallback`. */
  and: (parts: (SetCursor | null)[], fallback: SetCursor): SetCursor => {
    const real = parts.filter((part): part is SetCursor => part !== null);
    if (real.length === 0) return fallback;
    return real.length === 1 ? (real[0] as SetCursor) : new AndCursor(real);
  },
  or: (parts: SetCursor[]): SetCursor => (parts.length === 1 ? (parts[0] as SetCursor) : new OrCursor(parts)),
};

/** Collects one posting list while an index is built: appended in ascending order, once per entry. */
export class PostingBuilder {
  private values = new Int32Array(4);
  private length = 0;

  add(entry: number): void {
    if (this.length > 0 && this.values[this.length - 1] === entry) return;
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = entry;
  }

  finish(): Int32Array {
    return this.values.slice(0, this.length);
  }
}
