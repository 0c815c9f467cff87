import { describe, expect, it } from 'vitest';
import { forEachInSlices, mapInSlices, sortInSlices } from './in-slices';

describe('work in slices', () => {
  it('sorts like a single sort, across runs and merges, stable for equal keys', async () => {
    const keys = Array.from({ length: 1234 }, (_, i) => (i * 7919) % 97);
    const compare = (a: number, b: number) => (keys[a] as number) - (keys[b] as number);
    const expected = Array.from({ length: keys.length }, (_, i) => i).sort(compare);
    expect(await sortInSlices(keys.length, compare, 50)).toEqual(expected);
    expect(await sortInSlices(0, compare, 50)).toEqual([]);
  });

  it('visits every step once and maps every value, letting other work run between slices', async () => {
    const seen: number[] = [];
    let interleaved = false;
    setImmediate(() => {
      interleaved = seen.length > 0 && seen.length < 10;
    });
    await forEachInSlices(10, (i) => seen.push(i), 3);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(interleaved).toBe(true);
    const doubled = await mapInSlices(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
      (n) => n * 2,
      1,
    );
    expect([...doubled]).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
  });
});
