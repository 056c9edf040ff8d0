/**
 * The packet's and the letter's choice of policy line, from the index: every line of a small
 * catalogue, else the lines of the plan whose line is shown; and the data of the line shown
 * alone (with the LCDs it may defer to, and any `extra` lines), joined for the engine.
 */
import type { CheckerData } from '../../lib/checker/data.ts';
import {
  joinCheckerData,
  showAllUpTo,
  withRequired,
  type CheckerIndex,
  type EvidenceFile,
} from '../../lib/checker/split.ts';
import { h } from './dom.ts';
import type { LineStore } from './line-store.ts';

/** The line to show: the one asked for when the index has it, else Cohere MA, else the first. */
export const chosenLine = (index: CheckerIndex, wanted: string): string =>
  (
    index.lines.find((l) => l.id === wanted) ??
    index.lines.find((l) => l.id === 'cohere-ma') ??
    index.lines[0]!
  ).id;

/** Fills the policy select: every line of a small catalogue, else the shown line's plan's lines. */
export function fillLineSelect(select: HTMLSelectElement, index: CheckerIndex, line: string): void {
  const payer = index.lines.find((l) => l.id === line)!.payer.name;
  select.replaceChildren(
    ...index.lines
      .filter((l) => index.lines.length <= showAllUpTo || l.payer.name === payer)
      .map((l) => h('option', { value: l.id }, `${l.policyName}: ${l.label}`)),
  );
  select.value = line;
}

/** The checker data for one line (and `extra` lines), from their files, in catalogue order. */
export async function lineData(
  store: LineStore,
  evidence: EvidenceFile,
  line: string,
  extra: readonly string[] = [],
): Promise<CheckerData> {
  const { index } = store;
  const wanted = new Set(withRequired(index, [line, ...extra]));
  const ids = index.lines.map((l) => l.id).filter((id) => wanted.has(id));
  return joinCheckerData(index, await store.files(ids), evidence);
}
