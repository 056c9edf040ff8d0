import { describe, expect, it } from 'vitest';
import { columnGroups, handoutColumnsPerPage } from '../../../src/lib/compare/handout.ts';

describe('column groups of the printed matrix', () => {
  it.each([
    [15, [5, 5, 5]],
    [16, [6, 5, 5]],
    [6, [6]],
    [7, [4, 3]],
    [1, [1]],
    [0, []],
  ])('splits %i columns into groups of %j', (count, sizes) => {
    const groups = columnGroups(count);
    expect(groups.map((g) => g.to - g.from + 1)).toEqual(sizes);
  });

  it('covers every column once, in order, never more than six to a page', () => {
    for (let count = 1; count <= 40; count++) {
      const groups = columnGroups(count);
      expect(groups[0]!.from).toBe(0);
      expect(groups.at(-1)!.to).toBe(count - 1);
      groups.slice(1).forEach((g, i) => expect(g.from).toBe(groups[i]!.to + 1));
      for (const g of groups) expect(g.to - g.from + 1).toBeLessThanOrEqual(handoutColumnsPerPage);
      expect(groups).toHaveLength(Math.ceil(count / handoutColumnsPerPage));
    }
  });

  it('refuses a page of no columns', () => {
    expect(() => columnGroups(3, 0)).toThrow(/max must be ≥ 1/);
  });
});
