/**
 * Splitting a long list into numbered pages ("parts"), so that a listing page stays within its
 * size budget however large the catalogue grows. Part 1 keeps the list's own id, so a URL made
 * while the list fitted on one page keeps working after it is split; later parts are `<id>-part-N`.
 */

export interface Part<T> {
  /** Page id: the list's id for part 1, `<id>-part-<n>` after. */
  id: string;
  /** The whole list's id (part 1's id). */
  base: string;
  /** 1-based number of this part. */
  index: number;
  /** How many parts the list has. */
  count: number;
  /** 1-based position of the first and last item on this part, and the list's length. */
  from: number;
  to: number;
  total: number;
  items: T[];
}

/** Page id of part `index` (1-based) of the list `base`. */
export function partId(base: string, index: number): string {
  return index === 1 ? base : `${base}-part-${index}`;
}

/** `items` in parts of at most `size` (at least one part, even for an empty list). */
export function splitIntoParts<T>(base: string, items: readonly T[], size: number): Part<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`splitIntoParts(${base}): part size must be a whole number ≥ 1, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      id: partId(base, i + 1),
      base,
      index: i + 1,
      count,
      from: slice.length ? i * size + 1 : 0,
      to: i * size + slice.length,
      total: items.length,
      items: slice,
    };
  });
}

/** "lines 21–40 of 230" for a part, with the noun given (plural). */
export function partRange(
  part: Pick<Part<unknown>, 'from' | 'to' | 'total'>,
  noun: string,
): string {
  return part.from === part.to
    ? `${noun.replace(/s$/, '')} ${part.from} of ${part.total}`
    : `${noun} ${part.from}–${part.to} of ${part.total}`;
}
