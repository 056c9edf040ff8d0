/**
 * Plain words for the appraisal and trial-report vocabularies: risk-of-bias judgements and domains,
 * how much of a report was read, participant-flow statuses and analysis sets. One place, so the
 * study pages, the summary of findings and the harms page say the same thing the same way.
 */
import type {
  Appraisal,
  BiasJudgement,
  DomainJudgement,
  Rob2Appraisal,
  SingleArmAppraisal,
} from '../schema/appraisal.ts';
import type { AnalysisSet, Study } from '../schema/study.ts';
import type { FlowStatus, ReadingLevel, UnreadTopic } from '../schema/trial-report.ts';
import type { ComparisonKind } from '../schema/finding.ts';

export const judgementLabel: Record<BiasJudgement, string> = {
  low: 'Low risk',
  'some-concerns': 'Some concerns',
  high: 'High risk',
  'no-information': 'No information',
};

export const rob2DomainLabel: Record<keyof Rob2Appraisal['domains'], string> = {
  randomisation: 'Randomisation process',
  deviations: 'Deviations from the intended interventions',
  missingData: 'Missing outcome data',
  measurement: 'Measurement of the outcome',
  reporting: 'Selection of the reported result',
};

export const singleArmItemLabel: Record<keyof SingleArmAppraisal['items'], string> = {
  selection: 'Who was treated',
  followUp: 'Follow-up',
  measurement: 'How the outcome was measured',
  reporting: 'Analysis and reporting',
  sponsorship: 'Funding and ties to the maker',
};

export const readingLevelLabel: Record<ReadingLevel, string> = {
  'full-text': 'Full text read',
  tables: 'Abstract and tables read',
  abstract: 'Abstract read',
  'partial-abstract': 'Part of the abstract read',
  'secondary-only': 'Known only from other documents',
  'citation-only': 'Known only from a reference',
};

export const unreadTopicLabel: Record<UnreadTopic, string> = {
  'intention-to-treat': 'Intention-to-treat result',
  'per-protocol': 'Per-protocol result',
  'adverse-events': 'The report’s own adverse-event tables',
  funding: 'Funding statement',
  conflicts: 'Authors’ conflicts of interest',
  randomisation: 'How the sequence was generated and concealed',
  blinding: 'Who was masked, and whether masking held',
  crossover: 'Crossover counts',
  attrition: 'Attrition by timepoint',
};

export const flowStatusLabel: Record<FlowStatus, string> = {
  randomised: 'Randomised',
  treated: 'Treated',
  followed: 'Attended the visit',
  analysed: 'Analysed',
  'crossed-over': 'Crossed over to ablation',
  withdrawn: 'Withdrew or left',
  died: 'Died',
  'lost-to-follow-up': 'Lost to follow-up',
};

export const analysisLabel: Record<AnalysisSet, string> = {
  'intention-to-treat': 'intention to treat',
  'per-protocol': 'per protocol',
  'as-observed': 'as observed',
  completers: 'completers only',
  'not-stated': 'analysis set not stated',
};

export const comparisonLabel: Record<ComparisonKind, string> = {
  sham: 'vs sham',
  'standard-care': 'vs standard care',
  none: 'treated patients only',
};

/** The tools by name: RoB 2 for randomised comparisons, the single-arm appraisal otherwise. */
export const toolLabel: Record<Appraisal['tool'], string> = {
  rob2: 'Cochrane risk-of-bias tool for randomised trials (RoB 2), by domain',
  'single-arm':
    'single-arm appraisal: without a comparator, how far the results describe treated patients',
};

/** The domains (RoB 2) or items (single-arm) of an appraisal, in order, with their names. */
export function appraisalParts(appraisal: Appraisal): [string, DomainJudgement][] {
  if (appraisal.tool === 'rob2')
    return (Object.keys(rob2DomainLabel) as (keyof typeof rob2DomainLabel)[]).map((k) => [
      rob2DomainLabel[k],
      appraisal.domains[k],
    ]);
  return (Object.keys(singleArmItemLabel) as (keyof typeof singleArmItemLabel)[]).map((k) => [
    singleArmItemLabel[k],
    appraisal.items[k],
  ]);
}

/** "Domain" for RoB 2, "Item" for the single-arm appraisal. */
export function partName(appraisal: Appraisal): string {
  return appraisal.tool === 'single-arm' ? 'Item' : 'Domain';
}

/** Footnote letters: a, b, c… */
export function footnoteLetter(index: number): string {
  return String.fromCharCode('a'.charCodeAt(0) + index);
}

/** The CSS class of a judgement, for its colour (the word is always shown too). */
export function judgementClass(judgement: BiasJudgement): string {
  return `judgement ${judgement}`;
}

/** Short design names for table cells. */
export const designShortLabel: Record<Study['design'], string> = {
  'sham-controlled-rct': 'randomised, sham-controlled',
  'open-label-rct': 'randomised, open-label',
  'single-arm-trial': 'single-arm trial',
  'rct-follow-up': 'treated arm of a randomised trial',
  'systematic-review': 'systematic review',
  'scoping-review': 'scoping review',
  cohort: 'cohort',
  'case-series': 'case review',
  'economic-model': 'economic model',
  'pooled-analysis': 'pooled treated patients',
};

/** A GRADE step as arrows for a compact cell: ↓, ↓↓, ↑, ↑↑ (the words go to screen readers). */
export function levelArrows(levels: 1 | 2, direction: 'down' | 'up'): string {
  return (direction === 'down' ? '↓' : '↑').repeat(levels);
}

/** How many GRADE levels a step moves, in words. */
export function levelsLabel(levels: 1 | 2, direction: 'down' | 'up'): string {
  return `${direction === 'down' ? 'down' : 'up'} ${levels === 1 ? 'one level' : 'two levels'}`;
}

/** A label run into a sentence: its first letter lower-cased unless the first word is an acronym ("ODI responders" stays). */
export function lowerFirst(label: string): string {
  const first = label.split(' ')[0] ?? '';
  return first.length > 1 && first === first.toUpperCase()
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}
