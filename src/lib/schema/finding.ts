/**
 * A summary-of-findings table in the GRADE manner. The entry holds only references and the editors'
 * judgements: which outcome rows and adverse-event figures of which studies each row shows, the
 * minimal clinically important difference used, and the GRADE reasons for rating certainty down or
 * up. Every figure the table shows comes from the study entries or is computed from them by
 * src/lib/evidence; no number is typed here except a cited MCID, shown beside the table.
 */
import { z } from 'astro/zod';
import { citation, citedText, entryId, isoDate } from './common.ts';
import { reportedNumber } from './reported-number.ts';

/** One outcome row of one study. */
export const outcomeRef = z.object({ study: entryId, outcome: entryId }).strict();
export type OutcomeRef = z.infer<typeof outcomeRef>;

/** One adverse-event figure of one study. */
export const harmRef = z.object({ study: entryId, harm: entryId }).strict();
export type HarmRef = z.infer<typeof harmRef>;

/** What ablation is compared with in a row: a sham procedure, continued standard care, or nothing (treated patients only). */
export const comparisonKind = z.enum(['sham', 'standard-care', 'none']);
export type ComparisonKind = z.infer<typeof comparisonKind>;

/**
 * How a row expresses its effect, which decides what is computed: `mean-difference` a between-arm
 * difference with its interval, compared with the MCID; `risk-difference` two arms' proportions,
 * from which the difference per 100 and the number needed to treat are computed (with intervals
 * when the counts are known); `relative-risk` a pooled ratio applied to the comparator arm's
 * proportion; `single-arm` treated patients' results with no comparator; `harm` adverse-event
 * figures, with an upper limit computed where none occurred.
 */
export const effectKind = z.enum([
  'mean-difference',
  'risk-difference',
  'relative-risk',
  'single-arm',
  'harm',
]);
export type EffectKind = z.infer<typeof effectKind>;

/** The five GRADE reasons to rate certainty down. */
export const downgradeDomain = z.enum([
  'risk-of-bias',
  'inconsistency',
  'indirectness',
  'imprecision',
  'publication-bias',
]);
/** The three GRADE reasons to rate certainty of non-randomised evidence up. */
export const upgradeDomain = z.enum(['large-effect', 'dose-response', 'opposing-confounding']);

/** One GRADE step with its reason, in the editors' words, and what the reason rests on. */
const certaintyStep = <T extends z.ZodType>(domain: T) =>
  z
    .object({
      /** Which GRADE domain. */
      domain,
      /** By how many levels: one (serious) or two (very serious). */
      levels: z.union([z.literal(1), z.literal(2)]),
      /** Why, in the editors' words (figures belong in the table, not here). */
      reason: z.string().min(1),
      /** Sources the reason rests on; at least one. */
      citations: z.array(citation).min(1, 'a GRADE reason needs at least one citation'),
    })
    .strict();

/** A minimal clinically important difference, with the source that uses it. */
export const mcid = z
  .object({
    /** Stable id that rows refer to, e.g. `odi-15`. */
    id: entryId,
    /** What it applies to, e.g. "ODI". */
    measure: z.string().min(1),
    /** The threshold, cited (e.g. 15 points). */
    threshold: reportedNumber,
    /** Which direction of change is an improvement on the measure (ODI: lower). */
    betterIs: z.enum(['lower', 'higher']),
    /** Where the threshold comes from and how the table uses it; cited. */
    statement: citedText,
  })
  .strict();
export type Mcid = z.infer<typeof mcid>;

export const summaryRow = z
  .object({
    /** Stable id, unique within the table. */
    id: entryId,
    /** The outcome in words, e.g. "Disability (ODI), change from baseline". */
    outcome: z.string().min(1),
    /** What ablation is compared with. */
    comparison: comparisonKind,
    /** How the effect is expressed. */
    kind: effectKind,
    /** The between-arm difference or pooled ratio row (mean-difference, relative-risk). */
    effect: outcomeRef.optional(),
    /** The treatment arm's proportion (risk-difference). */
    treatment: outcomeRef.optional(),
    /** The comparator arm's proportion (risk-difference; relative-risk: the risk the ratio is applied to, when held). */
    comparator: outcomeRef.optional(),
    /** Treated patients' results shown without a comparison (single-arm). */
    observations: z.array(outcomeRef).default([]),
    /** Adverse-event figures (harm). */
    harms: z.array(harmRef).default([]),
    /** The MCID the effect is compared with (mean-difference). */
    mcid: entryId.optional(),
    /** Studies behind the row, in the order shown. */
    studies: z.array(entryId).min(1),
    /** Where GRADE starts: randomised evidence at high, non-randomised at low. */
    start: z.enum(['randomised', 'observational']),
    /** Reasons to rate down, each by one or two levels. */
    downgrades: z.array(certaintyStep(downgradeDomain)).default([]),
    /** Reasons to rate non-randomised evidence up. */
    upgrades: z.array(certaintyStep(upgradeDomain)).default([]),
    /** What the row means, in plain words and in GRADE's wording for its certainty; no figures. */
    summary: z.string().min(1),
  })
  .strict()
  .superRefine((row, ctx) => {
    const need = (field: 'effect' | 'treatment' | 'comparator' | 'mcid') => {
      if (row[field] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `a ${row.kind} row needs ${field}`,
        });
    };
    const needList = (field: 'observations' | 'harms') => {
      if (row[field].length === 0)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `a ${row.kind} row needs at least one entry in ${field}`,
        });
    };
    switch (row.kind) {
      case 'mean-difference':
        need('effect');
        need('mcid');
        break;
      case 'risk-difference':
        need('treatment');
        need('comparator');
        break;
      case 'relative-risk':
        need('effect');
        break;
      case 'single-arm':
        needList('observations');
        break;
      case 'harm':
        needList('harms');
        break;
      default: {
        const never: never = row.kind;
        throw new Error(`unhandled row kind ${String(never)}`);
      }
    }
    if (row.kind !== 'single-arm' && row.kind !== 'harm' && row.comparison === 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['comparison'],
        message: `a ${row.kind} row compares arms: comparison must be sham or standard-care`,
      });
    if (row.start === 'randomised' && row.upgrades.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['upgrades'],
        message:
          'GRADE rates up only non-randomised evidence: remove the upgrades or start at observational',
      });
  });
export type SummaryRow = z.infer<typeof summaryRow>;

export const findingSchema = z
  .object({
    /** Title of the table. */
    title: z.string().min(1),
    /** One-sentence description for the page head and search. */
    description: z.string().min(1),
    /** The question the table answers: population, intervention, comparators, setting; cited. */
    question: citedText,
    /** MCIDs the rows compare with. */
    mcids: z.array(mcid).default([]),
    /** The rows, in the order shown. */
    rows: z.array(summaryRow).min(1),
    /** Date the editors last reviewed the table. */
    lastReviewed: isoDate,
  })
  .strict()
  .superRefine((finding, ctx) => {
    const mcidIds = new Set(finding.mcids.map((m) => m.id));
    const rowIds = new Set<string>();
    finding.rows.forEach((row, i) => {
      if (rowIds.has(row.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'id'],
          message: `duplicate row id "${row.id}"`,
        });
      rowIds.add(row.id);
      if (row.mcid && !mcidIds.has(row.mcid))
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'mcid'],
          message: `unknown MCID "${row.mcid}" (expected one of: ${[...mcidIds].join(', ') || 'none defined in mcids'})`,
        });
    });
  });
export type Finding = z.infer<typeof findingSchema>;
