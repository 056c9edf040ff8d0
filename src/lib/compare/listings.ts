/**
 * Listings that do not grow with the catalogue: the policies and the pre-rendered pair pages,
 * grouped by payer, each payer's list split into parts of a bounded length
 * (src/lib/format/parts.ts). The index pages (/policies/, /compare/pairs/) list the payers with
 * counts, and list every entry as well only while that fits on one page.
 */
import { splitIntoParts, type Part } from '../format/parts.ts';

/**
 * /policies/ lists every policy (a table row each, about 0.2 KB gzipped) while there are at most
 * this many; the payer list with counts is always there.
 */
export const policyListLimit = 60;
/** Most policies on one payer's page. */
export const policiesPerPage = 60;
/** /compare/pairs/ lists every pair (twice, once under each line) while there are at most this many. */
export const pairListLimit = 300;
/** Most (line, partner) entries on one payer's pair page, about 25 bytes gzipped each. */
export const pairEntriesPerPage = 300;

export interface PayerRef {
  id: string;
  name: string;
}

/** One payer's list, in parts. */
export interface PayerListing<T> {
  payer: PayerRef;
  /** How many entries the payer has. */
  count: number;
  parts: Part<T>[];
}

/** Group `items` by payer (sorted by payer name), each payer's items in the order given, split into parts. */
export function byPayer<T>(
  items: readonly T[],
  payerOf: (item: T) => PayerRef,
  perPage: number,
): PayerListing<T>[] {
  const groups = new Map<string, { payer: PayerRef; items: T[] }>();
  for (const item of items) {
    const payer = payerOf(item);
    let group = groups.get(payer.id);
    if (!group) groups.set(payer.id, (group = { payer, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()]
    .sort(
      (x, y) => x.payer.name.localeCompare(y.payer.name) || x.payer.id.localeCompare(y.payer.id),
    )
    .map(({ payer, items: own }) => ({
      payer,
      count: own.length,
      parts: splitIntoParts(payer.id, own, perPage),
    }));
}

/** One entry of a pair listing: a line and a line it has a pair page with. */
export interface PairEntry<L> {
  line: L;
  other: L;
}

/**
 * Each pair listed under both its lines (as the pair index always has), as entries grouped by
 * the payer of the first: sorted by line name, then partner name.
 */
export function pairEntriesByPayer<L extends { id: string }>(
  pairs: readonly (readonly [L, L])[],
  payerOf: (line: L) => PayerRef,
  nameOf: (line: L) => string,
  perPage = pairEntriesPerPage,
): PayerListing<PairEntry<L>>[] {
  const entries = pairs
    .flatMap(([a, b]) => [
      { line: a, other: b },
      { line: b, other: a },
    ])
    .sort(
      (x, y) =>
        nameOf(x.line).localeCompare(nameOf(y.line)) ||
        x.line.id.localeCompare(y.line.id) ||
        nameOf(x.other).localeCompare(nameOf(y.other)),
    );
  return byPayer(entries, (e) => payerOf(e.line), perPage);
}

/** Consecutive entries of the same line, for a heading per line. */
export function groupByLine<L extends { id: string }>(
  entries: readonly PairEntry<L>[],
): { line: L; others: L[] }[] {
  const groups: { line: L; others: L[] }[] = [];
  for (const { line, other } of entries) {
    const last = groups[groups.length - 1];
    if (last?.line.id === line.id) last.others.push(other);
    else groups.push({ line, others: [other] });
  }
  return groups;
}

/** URL of one part of a payer's policy list (`id` from the part: the payer id, or `<payer>-part-N`). */
export function payerPoliciesPath(id: string): string {
  return `/policies/payer/${id}/`;
}

/** URL of one part of a payer's list of pair pages. */
export function payerPairsPath(id: string): string {
  return `/compare/pairs/${id}/`;
}
