/**
 * What a trial report says beyond its outcome rows: how much of it the editors could read, how
 * patients flowed through it (randomised, followed, analysed, crossed over), and every adverse-event
 * figure it gives. Each number is a `reportedNumber` with its own citation and verification label;
 * a figure looked for and not found is stored as `value: null`, labelled `not-found`.
 */
import { z } from 'astro/zod';
import { citedText, entryId } from './common.ts';
import { reportedNumber } from './reported-number.ts';

/**
 * How much of a report the editors read, from most to least: `full-text` the whole article;
 * `tables` the abstract and some of its tables; `abstract` the whole abstract; `partial-abstract`
 * part of the abstract (an archived copy that breaks off); `secondary-only` only other documents'
 * summaries of it; `citation-only` only a reference to it.
 */
export const readingLevel = z.enum([
  'full-text',
  'tables',
  'abstract',
  'partial-abstract',
  'secondary-only',
  'citation-only',
]);
export type ReadingLevel = z.infer<typeof readingLevel>;

/** What the editors read of a report, and what they could not read; cited. */
export const reading = citedText.extend({ level: readingLevel }).strict();

/**
 * What a committee needs from a trial report, topic by topic, so a page can say which of them the
 * editors looked for and could not read: `intention-to-treat` and `per-protocol` results,
 * `adverse-events` (the report's own safety tables), `funding`, `conflicts` (the authors'
 * disclosures), `randomisation` (sequence and concealment), `blinding` (who was masked and whether
 * it held), `crossover` and `attrition` (patients lost, by timepoint).
 */
export const unreadTopic = z.enum([
  'intention-to-treat',
  'per-protocol',
  'adverse-events',
  'funding',
  'conflicts',
  'randomisation',
  'blinding',
  'crossover',
  'attrition',
]);
export type UnreadTopic = z.infer<typeof unreadTopic>;

/**
 * One topic the editors looked for in a report and could not read, with where they looked. Every
 * citation says where the editors looked, so each is labelled `not-found`.
 */
export const unreadItem = citedText
  .extend({ topic: unreadTopic })
  .strict()
  .superRefine((item, ctx) => {
    item.citations.forEach((c, i) => {
      if (c.verification !== 'not-found')
        ctx.addIssue({
          code: 'custom',
          path: ['citations', i, 'verification'],
          message:
            'a citation of something not read says where the editors looked: label it `not-found`',
        });
    });
  });
export type UnreadItem = z.infer<typeof unreadItem>;

/**
 * Kinds of adverse-event figure, as the harms page groups them: `any` any adverse event;
 * `serious` serious adverse events of any cause; `device-related` and `procedure-related` events
 * the investigators attributed to the device or the procedure; `serious-related` serious events
 * attributed to the device or the procedure; `fracture` vertebral compression fractures;
 * `neurological` radiculitis, nerve-root injury or a sensory or motor deficit; `death` deaths of any
 * cause; `retreatment` injections or ablation at a treated level afterwards; `later-surgery` lumbar
 * surgery such as fusion afterwards; `further-intervention` any further lumbosacral intervention;
 * `other` any other named event (e.g. a haemorrhage).
 */
export const harmKind = z.enum([
  'any',
  'serious',
  'device-related',
  'procedure-related',
  'serious-related',
  'fracture',
  'neurological',
  'death',
  'retreatment',
  'later-surgery',
  'further-intervention',
  'other',
]);
export type HarmKind = z.infer<typeof harmKind>;

/** Arm id for a figure that counts every treated patient of a study rather than one arm. */
export const ALL_ARMS = 'all';

/**
 * One adverse-event figure. Either it holds its own number (`events`, with `label`, `arm` and
 * `timepointMonths`), or it points at an outcome row of the same study that already holds it
 * (`outcome`), so no number is written twice.
 */
export const harmFigure = z
  .object({
    /** Stable id, unique within the study. */
    id: entryId,
    /** What kind of harm this is. */
    kind: harmKind,
    /** Outcome row of this study that holds the number, instead of `events`. */
    outcome: entryId.optional(),
    /** Plain-language name, e.g. "Serious adverse events related to the device or procedure". */
    label: z.string().min(1).optional(),
    /** Arm id, or `all` for every treated patient of the study. */
    arm: z.string().min(1).optional(),
    /** Months of follow-up over which the events were counted. */
    timepointMonths: z.number().min(0).optional(),
    /** Patients with the event (unit "patients") or their share (unit "%"); 0 when the source reports none; null when looked for and not found. */
    events: reportedNumber.optional(),
    /** Patients the figure is counted among (unit "patients"), when the source gives it. */
    denominator: reportedNumber.optional(),
  })
  .strict()
  .superRefine((h, ctx) => {
    const own = h.events !== undefined;
    if (own === (h.outcome !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['events'],
        message:
          'give either events (the figure itself) or outcome (the id of the outcome row that holds it), not both or neither',
      });
    if (own)
      for (const field of ['label', 'arm', 'timepointMonths'] as const)
        if (h[field] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `a figure that holds its own events needs ${field}`,
          });
  });
export type HarmFigure = z.infer<typeof harmFigure>;

/**
 * Where patients stood at a timepoint: `randomised`, `treated`, `followed` (attended the visit),
 * `analysed` (counted in the analysis shown), `crossed-over` (comparator patients who later had
 * ablation), `withdrawn`, `died`, `lost-to-follow-up`.
 */
export const flowStatus = z.enum([
  'randomised',
  'treated',
  'followed',
  'analysed',
  'crossed-over',
  'withdrawn',
  'died',
  'lost-to-follow-up',
]);
export type FlowStatus = z.infer<typeof flowStatus>;

/** One step of the participant flow: how many patients of an arm had a status at a timepoint. */
export const flowStep = z
  .object({
    /** Arm id, or `all` for both arms together. */
    arm: z.string().min(1),
    /** Months after treatment or randomisation (0 = at randomisation). */
    timepointMonths: z.number().min(0),
    /** Where the patients stood. */
    status: flowStatus,
    /** Which analysis or visit, when the status alone is ambiguous, e.g. "per-protocol population". */
    label: z.string().min(1).optional(),
    /** Number of patients (unit "patients"). */
    count: reportedNumber,
  })
  .strict();
export type FlowStep = z.infer<typeof flowStep>;
