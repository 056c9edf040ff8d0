/**
 * Picking chart data out of the study entries. A chart names the outcome rows it shows by study id
 * and outcome id; this module resolves them, so every value drawn is the value in the content file
 * (never typed into a chart or a template), and a missing row fails the build with a clear message.
 */
import type { OutcomeRef } from '../schema/chart.ts';
import type { ReportedNumber, Study } from '../schema/study.ts';

export type { OutcomeRef };

/** One outcome row, resolved with what a chart needs to label it. */
export interface ChartDatum {
  ref: OutcomeRef;
  studyTitle: string;
  studyShortName: string;
  outcomeLabel: string;
  armId: string;
  armLabel: string;
  /** The arm's role, or `between-arms` / `pooled` for rows that are not one arm's. */
  armRole: 'treatment' | 'comparator' | 'crossover' | 'between-arms' | 'pooled';
  months: number;
  timepointNote?: string;
  responderDefinition?: string;
  population?: string;
  result: ReportedNumber;
  /** True when the editors computed the value from two other rows. */
  derived: boolean;
}

export type StudyLookup = ReadonlyMap<string, Study>;

/** Resolves one outcome row; throws naming the study and the ids it does have when the row is missing. */
export function resolveOutcome(studies: StudyLookup, ref: OutcomeRef): ChartDatum {
  const study = studies.get(ref.study);
  if (!study)
    throw new Error(
      `chart data: no study "${ref.study}" in src/content/studies (expected one of: ${[...studies.keys()].join(', ')})`,
    );
  const row = study.outcomes.find((o) => o.id === ref.outcome);
  if (!row)
    throw new Error(
      `chart data: study "${ref.study}" has no outcome "${ref.outcome}" (expected one of: ${study.outcomes.map((o) => o.id).join(', ')})`,
    );
  const arm = study.arms.find((a) => a.id === row.arm);
  const armRole = arm ? arm.role : row.arm === 'pooled' ? 'pooled' : 'between-arms';
  return {
    ref,
    studyTitle: study.title,
    studyShortName: study.shortName,
    outcomeLabel: row.label,
    armId: row.arm,
    armLabel: arm?.label ?? (row.arm === 'pooled' ? 'Pooled estimate' : 'Between arms'),
    armRole,
    months: row.timepointMonths,
    ...(row.timepointNote && { timepointNote: row.timepointNote }),
    ...(row.responderDefinition && { responderDefinition: row.responderDefinition }),
    ...(row.population && { population: row.population }),
    result: row.result,
    derived: row.derivedFrom !== undefined,
  };
}

/** True when the number was read in the primary source itself. */
export function isVerified(datum: ChartDatum): boolean {
  return datum.result.verification === 'verified';
}

/** Months as a phrase: "3 months", "1 month", or the source's own wording when the month count is not stated. */
export function timepointText(datum: Pick<ChartDatum, 'months' | 'timepointNote'>): string {
  if (datum.timepointNote) return datum.timepointNote;
  return `${datum.months} month${datum.months === 1 ? '' : 's'}`;
}
