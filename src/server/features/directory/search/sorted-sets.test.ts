import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../../../../tests/support/random';
import { END, PostingBuilder, type SetCursor, sets } from './sorted-sets';

function randomList(next: () => number, universe: number, density: number): Int32Array {
  const values: number[] = [];
  for (let n = 0; n < universe; n++) if (next() < density) values.push(n);
  return Int32Array.from(values);
}

function members(cursor: SetCursor, step = 1): number[] {
  const found: number[] = [];
  for (let n = cursor.advance(0); n !== END; n = cursor.advance(n + step)) found.push(n);
  return found;
}

describe('sorted sets', () => {
  it('intersects and unites like the naive set operations, whatever the densities', () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const universe = 2000;
      const lists = [0.5, 0.05, 0.005, next()].map((density) => randomList(next, universe, density));
      const [a, b, c, d] = lists.map((list) => new Set(list)) as [
        Set<number>,
        Set<number>,
        Set<number>,
        Set<number>,
      ];
      const and = [...a].filter((n) => b.has(n) && d.has(n));
      expect(members(sets.and(lists.filter((_, i) => i !== 2).map(sets.list), sets.none()))).toEqual(and);
      const or = [...new Set([...b, ...c])].sort((x, y) => x - y);
      expect(members(sets.or([sets.list(lists[1]), sets.list(lists[2])]))).toEqual(or);
      const nested = [...a].filter((n) => b.has(n) || c.has(n));
      const cursor = sets.and(
        [sets.list(lists[0]), sets.or([sets.list(lists[1]), sets.list(lists[2])])],
        sets.none(),
      );
      expect(members(cursor)).toEqual(nested);
    }
  });

  it('skips ahead: advance answers the first member at or after the target', () => {
    const list = Int32Array.from([3, 9, 10, 500, 501, 9000]);
    const cursor = sets.list(list);
    expect(cursor.advance(0)).toBe(3);
    expect(cursor.advance(3)).toBe(3);
    expect(cursor.advance(11)).toBe(500);
    expect(cursor.advance(8999)).toBe(9000);
    expect(cursor.advance(9001)).toBe(END);
    expect(cursor.advance(END)).toBe(END);
    expect(members(sets.list(list), 100)).toEqual([3, 500, 9000]);
  });

  it('without parts an AND is its fallback; a missing list is empty', () => {
    expect(members(sets.and([null, null], sets.all(4)))).toEqual([0, 1, 2, 3]);
    expect(members(sets.and([sets.list(undefined), sets.all(4)], sets.all(4)))).toEqual([]);
    expect(sets.and([sets.list(Int32Array.from([1, 2])), sets.all(100)], sets.none()).size).toBe(2);
  });

  it('builds posting lists once per entry, in order', () => {
    const builder = new PostingBuilder();
    for (const n of [0, 0, 1, 5, 5, 5, 6, 100]) builder.add(n);
    expect([...builder.finish()]).toEqual([0, 1, 5, 6, 100]);
  });
});
