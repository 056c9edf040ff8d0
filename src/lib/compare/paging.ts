/**
 * Splitting a long list over numbered pages, so that a page listing policy lines stays within
 * its size budget however many lines the catalogue holds: page 1 at the list's own URL, page n
 * at `<base>page/<n>/`.
 */

export interface Page<T> {
  /** 1-based. */
  number: number;
  items: T[];
  /** 1-based positions of the first and last item of the page in the whole list. */
  first: number;
  last: number;
}

/** The pages of `items`, `size` to a page; one empty page for an empty list. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`paginate: a page holds a whole number of items ≥ 1, got ${size}`);
  if (items.length === 0) return [{ number: 1, items: [], first: 0, last: 0 }];
  const pages: Page<T>[] = [];
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    pages.push({
      number: pages.length + 1,
      items: slice,
      first: start + 1,
      last: start + slice.length,
    });
  }
  return pages;
}

/** URL of page `n` of the list at `base` (which ends with a slash). */
export function pagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** The page (1-based) holding the item at 0-based `index`. */
export function pageOf(index: number, size: number): number {
  return Math.floor(index / size) + 1;
}
