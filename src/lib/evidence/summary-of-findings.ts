/**
 * Builds the summary-of-findings table from a findings entry and the study entries. Every figure in
 * the result is either read from a study entry (a `TracedOutcome`, with the path it came from) or
 * computed from such figures (a `ComputedFigure`, naming its method and inputs), so the page can
 * mark each one and a test can trace every digit back to the content files.
 */
import type { Finding, Mcid, OutcomeRef, SummaryRow } from '../schema/finding.ts';
import type { ReportedNumber, Study } from '../schema/study.ts';
import {
  absoluteFromRelativeRisk,
  numberNeededToTreat,
  percentageDifference,
  riskDifferencePer100,
} from './absolute.ts';
import { certaintyOf, type Certainty } from './grade.ts';
import { resolveHarm, type ResolvedHarm } from './harms.ts';
import { formatNnt, formatPer100, withPerHundred, type ComputedFigure } from './computed.ts';
import { timepointLabel } from '../format/studies.ts';

type Outcome = Study['outcomes'][number];

/** An outcome row read from a study entry, with the path it was read from (`study/outcomes/id`). */
export interface TracedOutcome {
  trace: string;
  studyId: string;
  studyShortName: string;
  outcome: Outcome;
  /** The row's timepoint in words, e.g. "3 months". */
  timepoint: string;
  /** True when the editors computed the row from two others (its label is `inference`). */
  derived: boolean;
}

/** How the effect compares with the MCID, in words the table prints. */
export type McidVerdict =
  | 'interval-beyond'
  | 'estimate-beyond-interval-crosses'
  | 'estimate-short'
  | 'estimate-beyond-no-interval'
  | 'estimate-short-no-interval'
  | 'favours-comparator';

export const mcidVerdictText: Record<McidVerdict, string> = {
  'interval-beyond': 'the whole interval is beyond the MCID',
  'estimate-beyond-interval-crosses':
    'the estimate is beyond the MCID, but the interval includes smaller differences',
  'estimate-short': 'the estimate is smaller than the MCID',
  'estimate-beyond-no-interval': 'the estimate is beyond the MCID; no interval was reported',
  'estimate-short-no-interval': 'the estimate is smaller than the MCID; no interval was reported',
  'favours-comparator': 'the estimate favours the comparator',
};

/** A study behind a row: its name and its randomised (or treated) arms with their sizes. */
export interface RowStudy {
  id: string;
  shortName: string;
  design: Study['design'];
  arms: { id: string; label: string; n: ReportedNumber; trace: string }[];
}

export interface SummaryOfFindingsRow {
  row: SummaryRow;
  studies: RowStudy[];
  /** The row's timepoint, read from its first outcome row. */
  timepoint?: { trace: string; text: string };
  effect?: TracedOutcome;
  treatment?: TracedOutcome;
  comparator?: TracedOutcome;
  observations: TracedOutcome[];
  harms: (ResolvedHarm & { perHundred?: ComputedFigure })[];
  /** Absolute effects and numbers needed to treat, computed. */
  computed: ComputedFigure[];
  mcid?: { mcid: Mcid; verdict: McidVerdict };
  certainty: Certainty;
}

export interface SummaryOfFindings {
  finding: Finding;
  rows: SummaryOfFindingsRow[];
}

/** Resolves an outcome reference; throws naming the study and row when either is missing. */
export function traceOutcome(studies: ReadonlyMap<string, Study>, ref: OutcomeRef): TracedOutcome {
  const study = studies.get(ref.study);
  if (!study) throw new Error(`summary of findings: no study "${ref.study}"`);
  const outcome = study.outcomes.find((o) => o.id === ref.outcome);
  if (!outcome)
    throw new Error(`summary of findings: study "${ref.study}" has no outcome "${ref.outcome}"`);
  return {
    trace: `${ref.study}/outcomes/${ref.outcome}`,
    studyId: ref.study,
    studyShortName: study.shortName,
    outcome,
    timepoint: timepointLabel(outcome),
    derived: outcome.derivedFrom !== undefined,
  };
}

/** Compares a between-arm difference with the MCID; `betterIs` says which direction is improvement. */
export function compareWithMcid(
  result: ReportedNumber,
  threshold: number,
  betterIs: 'lower' | 'higher',
): McidVerdict | undefined {
  if (result.value === null) return undefined;
  const sign = betterIs === 'lower' ? -1 : 1;
  const benefit = sign * result.value;
  if (benefit <= 0) return 'favours-comparator';
  if (!result.ci95)
    return benefit >= threshold ? 'estimate-beyond-no-interval' : 'estimate-short-no-interval';
  const nearest = Math.min(...result.ci95.map((v) => sign * v));
  if (benefit < threshold) return 'estimate-short';
  return nearest >= threshold ? 'interval-beyond' : 'estimate-beyond-interval-crosses';
}

function rowStudy(studies: ReadonlyMap<string, Study>, id: string): RowStudy {
  const study = studies.get(id);
  if (!study) throw new Error(`summary of findings: no study "${id}"`);
  return {
    id,
    shortName: study.shortName,
    design: study.design,
    arms: study.arms
      .filter((a) => a.role !== 'crossover')
      .map((a) => ({ id: a.id, label: a.label, n: a.n, trace: `${id}/arms/${a.id}` })),
  };
}

/** Proportions with counts give an interval; percentages alone give the difference only. */
function riskDifference(treatment: TracedOutcome, comparator: TracedOutcome): ComputedFigure[] {
  const t = treatment.outcome;
  const c = comparator.outcome;
  if (t.result.value === null || c.result.value === null) return [];
  const inputs = [treatment.trace, comparator.trace];
  const estimate =
    t.counts && c.counts
      ? riskDifferencePer100(t.counts, c.counts)
      : percentageDifference(t.result.value, c.result.value);
  const nnt = numberNeededToTreat(estimate);
  return [
    {
      method: t.counts && c.counts ? 'risk-difference' : 'percentage-difference',
      inputs,
      estimate,
      text: formatPer100(estimate, 'responders'),
    },
    { method: 'number-needed-to-treat', inputs, nnt, text: formatNnt(nnt) },
  ];
}

function fromRelativeRisk(effect: TracedOutcome, comparator: TracedOutcome): ComputedFigure[] {
  const rr = effect.outcome.result;
  const risk = comparator.outcome.result;
  if (rr.value === null || risk.value === null) return [];
  const inputs = [effect.trace, comparator.trace];
  const estimate = absoluteFromRelativeRisk(risk.value, rr.value, rr.ci95);
  const nnt = numberNeededToTreat(estimate);
  return [
    {
      method: 'absolute-from-relative-risk',
      inputs,
      estimate,
      text: formatPer100(estimate, 'responders'),
    },
    { method: 'number-needed-to-treat', inputs, nnt, text: formatNnt(nnt) },
  ];
}

/** Builds every row of a summary-of-findings entry from the study entries. */
export function buildSummaryOfFindings(
  finding: Finding,
  studies: ReadonlyMap<string, Study>,
): SummaryOfFindings {
  const rows = finding.rows.map((row): SummaryOfFindingsRow => {
    const trace = (ref?: OutcomeRef) => (ref ? traceOutcome(studies, ref) : undefined);
    const effect = trace(row.effect);
    const treatment = trace(row.treatment);
    const comparator = trace(row.comparator);
    const observations = row.observations.map((ref) => traceOutcome(studies, ref));
    const harms = row.harms.map((ref) => {
      const study = studies.get(ref.study);
      const figure = study?.harms.find((h) => h.id === ref.harm);
      if (!study || !figure)
        throw new Error(
          `summary of findings: study "${ref.study}" has no harm figure "${ref.harm}"`,
        );
      return withPerHundred(resolveHarm(ref.study, study, figure));
    });
    const computed: ComputedFigure[] = [];
    if (row.kind === 'risk-difference' && treatment && comparator)
      computed.push(...riskDifference(treatment, comparator));
    if (row.kind === 'relative-risk' && effect && comparator)
      computed.push(...fromRelativeRisk(effect, comparator));
    const first = effect ?? treatment;
    const mcid = row.mcid ? finding.mcids.find((m) => m.id === row.mcid) : undefined;
    const verdict =
      mcid && effect && mcid.threshold.value !== null
        ? compareWithMcid(effect.outcome.result, mcid.threshold.value, mcid.betterIs)
        : undefined;
    return {
      row,
      studies: row.studies.map((id) => rowStudy(studies, id)),
      ...(first && {
        timepoint: { trace: `${first.trace}/timepoint`, text: first.timepoint },
      }),
      ...(effect && { effect }),
      ...(treatment && { treatment }),
      ...(comparator && { comparator }),
      observations,
      harms,
      computed,
      ...(mcid && verdict && { mcid: { mcid, verdict } }),
      certainty: certaintyOf(row),
    };
  });
  return { finding, rows };
}
