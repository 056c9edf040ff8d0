/**
 * The printed matrix: a page is wide enough for the criterion column and about six policy columns
 * before words would have to break, so the columns are split into groups printed one after another.
 */

/** Most policy columns printed side by side on a landscape page. */
export const handoutColumnsPerPage = 6;

/** A run of columns printed together: indexes `from` to `to`, inclusive. */
export interface ColumnGroup {
  from: number;
  to: number;
}

/** The fewest groups of at most `max` columns, as even as possible: 15 → 5 + 5 + 5, 16 → 6 + 5 + 5. */
export function columnGroups(count: number, max = handoutColumnsPerPage): ColumnGroup[] {
  if (!Number.isInteger(max) || max < 1)
    throw new Error(`columnGroups: max must be ≥ 1 (got ${max})`);
  const groups = Math.ceil(count / max);
  const out: ColumnGroup[] = [];
  let from = 0;
  for (let g = 0; g < groups; g++) {
    const size = Math.ceil((count - from) / (groups - g));
    out.push({ from, to: from + size - 1 });
    from += size;
  }
  return out;
}
