/** Plain words for study designs, arm roles and timepoints, and the order outcome rows are shown in. */
import type { Study } from '../schema/study.ts';

type Design = Study['design'];
type Outcome = Study['outcomes'][number];

export const designLabel: Record<Design, string> = {
  'sham-controlled-rct': 'Randomised trial against a sham procedure (blinded)',
  'open-label-rct': 'Open-label randomised trial against standard care',
  'single-arm-trial': 'Single-arm trial',
  'rct-follow-up': 'Follow-up of a randomised trial’s treated patients',
  'systematic-review': 'Systematic review',
  'scoping-review': 'Scoping review',
  cohort: 'Cohort or case series in practice',
  'case-series': 'Case review',
  'economic-model': 'Economic model',
  'pooled-analysis': 'Pooled analysis of treated patients',
};

/** How the studies index groups designs, in reading order. */
export const designGroups: { title: string; designs: Design[] }[] = [
  {
    title: 'Randomised trials and their follow-ups',
    designs: ['sham-controlled-rct', 'open-label-rct', 'rct-follow-up'],
  },
  {
    title: 'Single-arm studies, cohorts and pooled follow-ups',
    designs: ['single-arm-trial', 'pooled-analysis', 'cohort', 'case-series'],
  },
  { title: 'Reviews', designs: ['systematic-review', 'scoping-review'] },
  { title: 'Economic evaluations', designs: ['economic-model'] },
];

export const armRoleLabel: Record<Study['arms'][number]['role'], string> = {
  treatment: 'Treatment',
  comparator: 'Comparator',
  crossover: 'Crossed over (outside the randomised comparison)',
};

/** "Baseline", "3 months", or the source's own wording when it gives no month count. */
export function timepointLabel(
  outcome: Pick<Outcome, 'timepointMonths' | 'timepointNote'>,
): string {
  if (outcome.timepointNote) return outcome.timepointNote;
  if (outcome.timepointMonths === 0) return 'Baseline';
  return `${outcome.timepointMonths} month${outcome.timepointMonths === 1 ? '' : 's'}`;
}

/** Outcome rows in time order, keeping the file's order within a timepoint. */
export function outcomesInTimeOrder(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes
    .map((o, i) => ({ o, i }))
    .sort((a, b) => a.o.timepointMonths - b.o.timepointMonths || a.i - b.i)
    .map(({ o }) => o);
}

/**
 * The response threshold to show after an outcome's label, or nothing when the label already
 * says it ("…, ODI improved by 10 points or more" needs no "(ODI improved by 10 points or more)").
 */
export function responderNote(label: string, definition: string | undefined): string | undefined {
  if (!definition || label.toLowerCase().includes(definition.toLowerCase())) return undefined;
  return definition;
}
