/**
 * GRADE certainty from the editors' judgements: randomised evidence starts high and non-randomised
 * evidence low; each reason to rate down subtracts one or two levels, each reason to rate up adds
 * them, and the result stays between very low and high. The table shows the computed level, so it
 * can never disagree with the reasons listed beside it.
 */
import type { SummaryRow } from '../schema/finding.ts';

export const certaintyLevels = ['very-low', 'low', 'moderate', 'high'] as const;
export type Certainty = (typeof certaintyLevels)[number];

/** GRADE's names for the levels. */
export const certaintyLabel: Record<Certainty, string> = {
  'very-low': 'Very low',
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
};

/** Names of the GRADE domains as the table prints them. */
export const gradeDomainLabel: Record<
  SummaryRow['downgrades'][number]['domain'] | SummaryRow['upgrades'][number]['domain'],
  string
> = {
  'risk-of-bias': 'Risk of bias',
  inconsistency: 'Inconsistency',
  indirectness: 'Indirectness',
  imprecision: 'Imprecision',
  'publication-bias': 'Publication bias',
  'large-effect': 'Large effect',
  'dose-response': 'Dose–response',
  'opposing-confounding': 'Confounding would reduce the effect',
};

/** The level a row's evidence starts at, before any reason is applied. */
export function startingCertainty(start: SummaryRow['start']): Certainty {
  return start === 'randomised' ? 'high' : 'low';
}

/** The certainty of a row: its starting level, down for each downgrade, up for each upgrade, within the scale. */
export function certaintyOf(row: Pick<SummaryRow, 'start' | 'downgrades' | 'upgrades'>): Certainty {
  const down = row.downgrades.reduce((sum, step) => sum + step.levels, 0);
  const up = row.upgrades.reduce((sum, step) => sum + step.levels, 0);
  const index = certaintyLevels.indexOf(startingCertainty(row.start)) - down + up;
  return certaintyLevels[Math.min(certaintyLevels.length - 1, Math.max(0, index))]!;
}

/** The four-symbol GRADE mark for a level, e.g. ⊕⊕◯◯ for low. */
export function certaintySymbols(level: Certainty): string {
  const filled = certaintyLevels.indexOf(level) + 1;
  return '⊕'.repeat(filled) + '◯'.repeat(certaintyLevels.length - filled);
}
