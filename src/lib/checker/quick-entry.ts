/**
 * Entering list facts the way a report states them. Modic changes by disc level ("L4-5, type 1")
 * fill the two endplates that face that disc; planned vertebral bodies are chosen body by body,
 * with whether each was ablated before. A helper writes ordinary rows (the facts format does not
 * change) and reads its own state back from the rows, so a row edited on its own, one endplate
 * at a time, shows as such.
 */
import { discLevels, vertebralLevels } from '../facts/vocabulary.ts';
import type { DraftRow } from './draft.ts';

export interface QuickEntry {
  /** The list fact the helper fills. */
  fact: 'modicChanges' | 'plannedLevels';
  /** What the helper's controls are labelled by: disc levels or vertebral bodies. */
  keys: readonly string[];
  /** One choice per key; '' leaves the key out (no rows). */
  options: readonly { value: string; words: string }[];
  /** The rows a key and option stand for. */
  rows(key: string, option: string): DraftRow[];
  /** Whether a row belongs to a key (and is replaced when the key's choice changes). */
  owns(key: string, row: DraftRow): boolean;
}

/** The two endplates facing a disc: "L4-L5" → L4 inferior, L5 superior. */
function endplates(disc: string): [string, string] {
  const [upper, lower] = disc.split('-') as [string, string];
  return [upper, lower];
}

export const modicByDisc: QuickEntry = {
  fact: 'modicChanges',
  keys: discLevels,
  options: [
    { value: '', words: '—' },
    { value: '1', words: 'Type 1' },
    { value: '2', words: 'Type 2' },
    { value: '3', words: 'Type 3' },
  ],
  rows(disc, type) {
    if (!type) return [];
    const [upper, lower] = endplates(disc);
    return [
      { level: upper, endplate: 'inferior', type: Number(type) },
      { level: lower, endplate: 'superior', type: Number(type) },
    ];
  },
  owns(disc, row) {
    const [upper, lower] = endplates(disc);
    return (
      (row.level === upper && row.endplate === 'inferior') ||
      (row.level === lower && row.endplate === 'superior')
    );
  },
};

export const plannedByBody: QuickEntry = {
  fact: 'plannedLevels',
  keys: vertebralLevels,
  options: [
    { value: '', words: '—' },
    { value: 'first', words: 'Planned, first ablation' },
    { value: 'again', words: 'Planned, ablated before' },
    { value: 'unknown', words: 'Planned, history not documented' },
  ],
  rows(level, option) {
    if (option === 'first') return [{ level, ablatedBefore: false }];
    if (option === 'again') return [{ level, ablatedBefore: true }];
    return option === 'unknown' ? [{ level }] : [];
  },
  owns: (level, row) => row.level === level,
};

export const quickEntries: readonly QuickEntry[] = [modicByDisc, plannedByBody];

const same = (a: DraftRow, b: DraftRow) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([k, v]) => b[k] === v);

/** The rows after choosing `option` for `key`: the key's rows replaced where they were, or added at the end. */
export function applyQuick(
  entry: QuickEntry,
  rows: readonly DraftRow[],
  key: string,
  option: string,
): DraftRow[] {
  const at = rows.findIndex((r) => entry.owns(key, r));
  const kept = rows.filter((r) => !entry.owns(key, r));
  const added = entry.rows(key, option);
  const index =
    at === -1 ? kept.length : rows.slice(0, at).filter((r) => !entry.owns(key, r)).length;
  return [...kept.slice(0, index), ...added, ...kept.slice(index)];
}

/**
 * The option the rows of `key` amount to: '' when there are none, `mixed` when they are not
 * exactly one option's rows (an endplate edited on its own, a field left blank).
 */
export function quickState(entry: QuickEntry, rows: readonly DraftRow[], key: string): string {
  const owned = rows.filter((r) => entry.owns(key, r));
  if (owned.length === 0) return '';
  const match = entry.options.find((o) => {
    const want = entry.rows(key, o.value);
    return want.length === owned.length && want.every((w) => owned.some((r) => same(w, r)));
  });
  return match?.value ?? 'mixed';
}
