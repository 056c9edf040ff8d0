import { describe, expect, it } from 'vitest';
import { pageOf, pagePath, paginate } from '../../../src/lib/compare/paging.ts';

describe('paging a list', () => {
  it('splits at the page size, keeping every item once and in order', () => {
    const items = Array.from({ length: 61 }, (_, i) => i);
    const pages = paginate(items, 30);
    expect(pages.map((p) => [p.number, p.first, p.last, p.items.length])).toEqual([
      [1, 1, 30, 30],
      [2, 31, 60, 30],
      [3, 61, 61, 1],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
  });

  it('gives one page for a list that fits, and for an empty list', () => {
    expect(paginate([1, 2], 30)).toHaveLength(1);
    expect(paginate([], 30)).toEqual([{ number: 1, items: [], first: 0, last: 0 }]);
  });

  it('refuses a page size that is not a whole number ≥ 1', () => {
    expect(() => paginate([1], 0)).toThrow(/whole number/);
    expect(() => paginate([1], 2.5)).toThrow(/whole number/);
  });

  it('finds the page of an item at the boundaries', () => {
    expect([0, 29, 30, 59, 60].map((i) => pageOf(i, 30))).toEqual([1, 1, 2, 2, 3]);
  });

  it('keeps page 1 at the list’s own address', () => {
    expect(pagePath('/compare/evidence/', 1)).toBe('/compare/evidence/');
    expect(pagePath('/compare/evidence/', 3)).toBe('/compare/evidence/page/3/');
  });
});
