// Long work done in slices, so the server keeps answering while an index is rebuilt (at national
// scale the build is seconds of JavaScript: done in one go, every request would wait that long).

/** Lets waiting requests run. */
export const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `step(i)` for i in [0, count), pausing every `slice` steps. */
export async function forEachInSlices(count: number, step: (i: number) => void, slice = 2000): Promise<void> {
  for (let start = 0; start < count; start += slice) {
    const end = Math.min(count, start + slice);
    for (let i = start; i < end; i++) step(i);
    await breather();
  }
}

/** `finish` of each value of a map, pausing every `slice` values. */
export async function mapInSlices<K, V, W>(
  map: Map<K, V>,
  finish: (value: V) => W,
  slice = 1000,
): Promise<Map<K, W>> {
  const done = new Map<K, W>();
  let i = 0;
  for (const [key, value] of map) {
    done.set(key, finish(value));
    if (++i % slice === 0) await breather();
  }
  return done;
}

/**
 * The numbers 0…count-1 sorted by `compare`: runs of `slice` sorted natively, then merged pairwise,
 * pausing between runs and every `slice` merged elements.
 */
export async function sortInSlices(
  count: number,
  compare: (a: number, b: number) => number,
  slice = 20_000,
): Promise<number[]> {
  let runs: number[][] = [];
  for (let start = 0; start < count; start += slice) {
    const run = Array.from({ length: Math.min(slice, count - start) }, (_, i) => start + i);
    runs.push(run.sort(compare));
    await breather();
  }
  while (runs.length > 1) {
    const merged: number[][] = [];
    for (let i = 0; i < runs.length; i += 2)
      merged.push(
        runs[i + 1]
          ? await merge(runs[i] as number[], runs[i + 1] as number[], compare, slice)
          : (runs[i] as number[]),
      );
    runs = merged;
  }
  return runs[0] ?? [];
}

async function merge(
  a: number[],
  b: number[],
  compare: (x: number, y: number) => number,
  slice: number,
): Promise<number[]> {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const end = out.length + slice;
    while (out.length < end && (i < a.length || j < b.length)) {
      if (j >= b.length || (i < a.length && compare(a[i] as number, b[j] as number) <= 0))
        out.push(a[i++] as number);
      else out.push(b[j++] as number);
    }
    await breather();
  }
  return out;
}
