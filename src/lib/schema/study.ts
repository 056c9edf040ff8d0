/**
 * A trial, follow-up, review, cohort or model about BVNA. Every number is a `reportedNumber`
 * carrying its own citation and verification label; a number that could not be found is stored
 * as `value: null` with the citation of where it was looked for, and the site shows "unknown".
 */
import { z } from 'astro/zod';
import { appraisal } from './appraisal.ts';
import { citedText, entryId, isoDate } from './common.ts';
import { reportedNumber } from './reported-number.ts';
import { ALL_ARMS, flowStep, harmFigure, reading, unreadItem } from './trial-report.ts';

export { reportedNumber, type ReportedNumber } from './reported-number.ts';

/**
 * Which patients a result counts: `intention-to-treat` everyone as randomised, missing values
 * imputed; `per-protocol` only patients treated as the protocol intended; `as-observed` the
 * patients seen at that visit, without imputation; `completers` those who completed the timepoint;
 * `not-stated` the source read does not say.
 */
export const analysisSet = z.enum([
  'intention-to-treat',
  'per-protocol',
  'as-observed',
  'completers',
  'not-stated',
]);
export type AnalysisSet = z.infer<typeof analysisSet>;

/** What an outcome row measures. */
export const outcomeMeasure = z.enum([
  'odi',
  'vas',
  'nps',
  'sf36-pcs',
  'eq5d',
  'responder-rate',
  'pain-reduction-50',
  'pain-free',
  'opioid-use',
  'injections',
  'icer',
  'qaly',
  'probability-cost-effective',
  'adverse-event',
  'other',
]);

const arm = z
  .object({
    /** Arm id used by outcome rows, e.g. `bvna`, `sham`, `standard-care`. */
    id: entryId,
    /** Arm name, e.g. "Radiofrequency ablation". */
    label: z.string().min(1),
    /** Treatment or comparator; `crossover` for comparator patients who later had the treatment (re-baselined, outside the randomised comparison). */
    role: z.enum(['treatment', 'comparator', 'crossover']),
    /** Number of patients in the arm. */
    n: reportedNumber,
  })
  .strict();

const outcome = z
  .object({
    /** Stable id, unique within the study. */
    id: entryId,
    /** What is measured. */
    measure: outcomeMeasure,
    /** How the number is expressed. */
    statistic: z.enum([
      'mean',
      'mean-change',
      'percent-change',
      'between-arm-difference',
      'proportion',
      'ratio',
      'count',
      'other',
    ]),
    /** Plain-language name of the row, e.g. "Mean change in ODI from baseline". */
    label: z.string().min(1),
    /** Months after treatment (0 = baseline). */
    timepointMonths: z.number().min(0),
    /** When the source does not state the timepoint as a month count, what it does say; shown instead of the month count. */
    timepointNote: z.string().min(1).optional(),
    /** Arm id, or `between-arms` for a difference between arms, or `pooled` for a review's estimate. */
    arm: z.string().min(1),
    /** For responder rates: what counted as a response, e.g. "ODI improved by 10 points or more". */
    responderDefinition: z.string().min(1).optional(),
    /** Analysis population, e.g. "per protocol", "intention to treat", "completers". */
    population: z.string().min(1).optional(),
    /** The analysis set in the closed vocabulary the summary of findings reads. */
    analysis: analysisSet.optional(),
    /**
     * For a proportion: the patients meeting the definition and the patients analysed, as the
     * source prints them (e.g. 45 of 65). Checked against the percentage; cited by `result`.
     */
    counts: z
      .object({
        /** Patients meeting the definition. */
        events: z.int().nonnegative(),
        /** Patients analysed. */
        total: z.int().positive(),
      })
      .strict()
      .refine((c) => c.events <= c.total, { message: 'events cannot exceed total' })
      .optional(),
    /** The number. */
    result: reportedNumber,
    /**
     * Set when the editors computed the number from two other rows of the same study rather than
     * read it (e.g. a between-arm difference no source prints). Its label must be `inference`.
     */
    derivedFrom: z
      .object({
        /** How it was computed: `difference` = minuend minus subtrahend. */
        operation: z.literal('difference'),
        /** Outcome id of the row subtracted from. */
        minuend: entryId,
        /** Outcome id of the row subtracted. */
        subtrahend: entryId,
      })
      .strict()
      .optional(),
  })
  .strict();

/** Decimal places of a number as stored: 1.38 → 2, 1.1 → 1, 65 → 0 (a derived value is compared at its inputs' precision). */
export function decimalPlaces(value: number): number {
  return (String(value).split('.')[1] ?? '').length;
}

export const studySchema = z
  .object({
    /** Display name, e.g. "SMART trial (Fischgrund 2018)". */
    title: z.string().min(1),
    /** Short name, e.g. "SMART". */
    shortName: z.string().min(1),
    /** Study design. */
    design: z.enum([
      'sham-controlled-rct',
      'open-label-rct',
      'single-arm-trial',
      'rct-follow-up',
      'systematic-review',
      'scoping-review',
      'cohort',
      'case-series',
      'economic-model',
      'pooled-analysis',
    ]),
    /** Id of the parent study for follow-ups and extensions. */
    parent: entryId.optional(),
    /** Primary publication in `src/content/sources`. */
    source: entryId,
    /** Further publications of the same study. */
    relatedSources: z.array(entryId).default([]),
    /** Trial registration, e.g. "NCT01446419". */
    registration: z
      .string()
      .regex(/^NCT\d{8}$/, 'expected a ClinicalTrials.gov id such as NCT01446419')
      .optional(),
    /** What the editors read of the report (full text, tables, abstract…) and what they could not; cited. */
    reading: reading.optional(),
    /** Topics a committee needs (ITT result, safety tables, funding…) looked for and not read, each with where the editors looked; at most one item per topic. */
    notRead: z.array(unreadItem).default([]),
    /** How patients were allocated: sequence, ratio, concealment, as far as it was read; cited. */
    randomisation: citedText.optional(),
    /** Blinding, in words, e.g. "double-blind (patients and assessors)"; cited. */
    blinding: citedText.optional(),
    /** Comparator, in words; cited. */
    comparator: citedText.optional(),
    /** Arms with their sizes. */
    arms: z.array(arm).default([]),
    /** Who was enrolled: age, Modic type, levels, duration; each statement cited. */
    population: z.array(citedText).default([]),
    /** Sites and countries; cited. */
    setting: citedText.optional(),
    /** Follow-up schedule; cited. */
    followUp: citedText.optional(),
    /** The primary endpoint; cited. */
    primaryEndpoint: citedText.optional(),
    /** Outcome rows by measure, arm and timepoint. */
    outcomes: z.array(outcome).default([]),
    /** Results stated in words rather than as one number (e.g. no change in opioid use); cited. */
    findings: z.array(citedText).default([]),
    /** Crossover between arms; cited. */
    crossover: z.array(citedText).default([]),
    /** Adverse events, including "not found" where the tallies could not be read; cited. */
    adverseEvents: z.array(citedText).default([]),
    /** Funding and sponsor; cited. */
    funding: z.array(citedText).default([]),
    /** The authors' conflicts of interest, or where they were looked for and not read; cited. */
    conflicts: z.array(citedText).default([]),
    /** Participant flow and attrition by timepoint, arm by arm. */
    flow: z.array(flowStep).default([]),
    /** Every adverse-event figure the report gives, by kind; a figure looked for and not found is null. */
    harms: z.array(harmFigure).default([]),
    /** The editors' risk-of-bias appraisals (RoB 2 for a randomised comparison, single-arm otherwise). */
    appraisals: z.array(appraisal).default([]),
    /** Limitations the editors or sources point out; cited. */
    limitations: z.array(citedText).default([]),
    /** Two or three sentences on what the study shows, in the project's own words. */
    summary: z.string().min(1),
    /** Date the editors last reviewed this entry. */
    lastReviewed: isoDate,
  })
  .strict()
  .superRefine((study, ctx) => {
    const armIds = new Set(study.arms.map((a) => a.id));
    const outcomeIds = new Set<string>();
    study.outcomes.forEach((row, i) => {
      if (outcomeIds.has(row.id))
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', i, 'id'],
          message: `duplicate outcome id "${row.id}"`,
        });
      outcomeIds.add(row.id);
      if (!['between-arms', 'pooled'].includes(row.arm) && !armIds.has(row.arm))
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', i, 'arm'],
          message: `unknown arm "${row.arm}" (expected one of: ${[...armIds, 'between-arms', 'pooled'].join(', ')})`,
        });
    });
    // A derived number must be exactly the arithmetic of rows the study reports, and say it is the editors' own.
    study.outcomes.forEach((row, i) => {
      const derived = row.derivedFrom;
      if (!derived) return;
      const path = ['outcomes', i, 'derivedFrom'];
      const find = (id: string) => study.outcomes.find((o) => o.id === id);
      const a = find(derived.minuend);
      const b = find(derived.subtrahend);
      if (!a || !b) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `derivedFrom names an outcome this study does not have (expected ids from: ${[...outcomeIds].join(', ')})`,
        });
        return;
      }
      if (a.result.value === null || b.result.value === null || row.result.value === null) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: 'a derived number and both of its inputs must be known (not null)',
        });
        return;
      }
      const places = Math.max(decimalPlaces(a.result.value), decimalPlaces(b.result.value));
      const expected = Number((a.result.value - b.result.value).toFixed(places));
      if (row.result.value !== expected)
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', i, 'result', 'value'],
          message: `derived difference should be ${expected} (${a.result.value} minus ${b.result.value}), found ${row.result.value}`,
        });
      if (row.result.verification !== 'inference')
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', i, 'result', 'verification'],
          message: "a derived number is the editors' arithmetic: label it `inference`",
        });
    });
    // Counts printed beside a percentage must give that percentage at the precision printed.
    study.outcomes.forEach((row, i) => {
      const { counts, result } = row;
      if (!counts || result.value === null) return;
      const expected = Number(
        ((100 * counts.events) / counts.total).toFixed(decimalPlaces(result.value)),
      );
      if (result.unit !== '%' || expected !== result.value)
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', i, 'counts'],
          message: `${counts.events} of ${counts.total} is ${expected}%, but the result is ${result.value}${result.unit ?? ''}: counts must match a percentage result`,
        });
    });
    const armOrAll = [...armIds, ALL_ARMS];
    const checkArm = (arm: string | undefined, path: (string | number)[]) => {
      if (arm !== undefined && !armOrAll.includes(arm))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `unknown arm "${arm}" (expected one of: ${armOrAll.join(', ')})`,
        });
    };
    const checkOutcome = (id: string, path: (string | number)[]) => {
      if (!outcomeIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `unknown outcome "${id}" (expected one of: ${[...outcomeIds].join(', ') || 'none: the study has no outcome rows'})`,
        });
    };
    study.flow.forEach((step, i) => checkArm(step.arm, ['flow', i, 'arm']));
    const topics = new Set<string>();
    study.notRead.forEach((item, i) => {
      if (topics.has(item.topic))
        ctx.addIssue({
          code: 'custom',
          path: ['notRead', i, 'topic'],
          message: `topic "${item.topic}" is listed twice: say everything about it in one item`,
        });
      topics.add(item.topic);
    });
    const harmIds = new Set<string>();
    study.harms.forEach((harm, i) => {
      if (harmIds.has(harm.id))
        ctx.addIssue({
          code: 'custom',
          path: ['harms', i, 'id'],
          message: `duplicate harm id "${harm.id}"`,
        });
      harmIds.add(harm.id);
      checkArm(harm.arm, ['harms', i, 'arm']);
      if (harm.outcome) checkOutcome(harm.outcome, ['harms', i, 'outcome']);
    });
    study.appraisals.forEach((a, i) =>
      a.outcomes.forEach((id, j) => checkOutcome(id, ['appraisals', i, 'outcomes', j])),
    );
  });
export type Study = z.infer<typeof studySchema>;
