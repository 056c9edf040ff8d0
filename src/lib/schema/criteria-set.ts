/**
 * A criteria set that is not a payer's: a trial's eligibility criteria or a guideline's patient
 * selection criteria, written in the same criteria language as policy lines so that the same
 * engine can judge a patient against them and the comparison can line payer rules up with them.
 * A trial is not a payer: the owner says whose criteria these are, and pages say so.
 */
import { z } from 'astro/zod';
import { citation, citedText, entryId, isoDate, verification } from './common.ts';
import { criterionNode } from './criteria.ts';

/**
 * Whose criteria these are. `trial-eligibility`: the inclusion and exclusion criteria of a trial
 * (the study entry of its main report); `guideline-selection`: the patient selection criteria of
 * a guideline or society recommendation (its guideline entry).
 */
export const criteriaSetOwner = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('trial-eligibility'),
      /** Id of the trial's main report in `src/content/studies`. */
      study: entryId,
    })
    .strict(),
  z
    .object({
      kind: z.literal('guideline-selection'),
      /** Id of the guideline in `src/content/guidelines`. */
      guideline: entryId,
    })
    .strict(),
]);
export type CriteriaSetOwner = z.infer<typeof criteriaSetOwner>;

/** A document the editors read (or tried to read) for this set, and what they found in it. */
const reading = z
  .object({
    /** The source read, with the part of it that was read. */
    citation,
    /** What could be read there, in the editors' own words. */
    found: z.string().min(1),
  })
  .strict();

export const criteriaSetSchema = z
  .object({
    /** Full title, e.g. "SMART trial: inclusion and exclusion criteria". */
    title: z.string().min(1),
    /** Short name for tables and results, e.g. "SMART (eligibility)". */
    shortName: z.string().min(1),
    /** Whose criteria these are. */
    owner: criteriaSetOwner,
    /** What the set is and how far it could be read, two or three sentences in the editors' words. */
    summary: z.string().min(1),
    /** The document the criteria are encoded from, with its locator. */
    source: citation,
    /** How far the editors could check the criteria: `verified` read in the trial's or guideline's own text; `secondary` only in a restatement. */
    verification,
    /**
     * `encoded`: the criteria below were read and encoded; `not-read`: the document's selection
     * criteria could not be read, so nothing is encoded and pages say so.
     */
    status: z.enum(['encoded', 'not-read']),
    /** The criteria in the criteria language (required when `encoded`). */
    criteria: criterionNode.optional(),
    /** `partial` when part of the criteria could not be read or encoded: the engine then never answers `meets`. */
    completeness: z.enum(['complete', 'partial']).default('complete'),
    /** What is known to be missing from the encoding (required when partial or not read). */
    gaps: z.array(z.string().min(1)).optional(),
    /** What was read, where, and what it gave. */
    read: z.array(reading).min(1, 'record at least one reading of the source'),
    /** Where two restatements of these criteria differ, each side cited. */
    restatementDifferences: z.array(citedText).default([]),
    /** Caveats and context, each cited. */
    notes: z.array(citedText).default([]),
    /** Date the editors last reviewed this entry. */
    lastReviewed: isoDate,
  })
  .strict()
  .superRefine((set, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (set.status === 'encoded' && !set.criteria)
      issue('criteria', 'an encoded criteria set needs `criteria`');
    if (set.status === 'not-read' && set.criteria)
      issue('criteria', 'a set whose criteria were not read cannot have `criteria`');
    if ((set.completeness === 'partial' || set.status === 'not-read') && !set.gaps?.length)
      issue('gaps', 'a partial or unread set must list its gaps');
  });
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;
