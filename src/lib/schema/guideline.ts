/**
 * A guideline, society statement or evidence appraisal, with its stance on BVNA, its own
 * rating in its own scale, and a GRADE mapping only where one is defensible.
 */
import { z } from 'astro/zod';
import { citation, citedText, entryId, isoDate } from './common.ts';

/**
 * What the document says about BVNA. `rates-evidence`: an appraisal that grades the evidence
 * without recommending for or against; `not-established`: the document's position could not be read.
 */
export const guidelineStance = z.enum([
  'recommends',
  'recommends-with-criteria',
  'conditional',
  'insufficient-evidence',
  'recommends-against',
  'not-addressed',
  'predates-bvna',
  'rates-evidence',
  'not-established',
]);
export type GuidelineStance = z.infer<typeof guidelineStance>;

export const guidelineSchema = z
  .object({
    /** Full title. */
    title: z.string().min(1),
    /** Short name, e.g. "ASPN 2022 (vertebrogenic pain)". */
    shortName: z.string().min(1),
    /** Issuing organisation, e.g. "American Society of Pain and Neuroscience". */
    organization: z.string().min(1),
    /** Publication year; absent when the document's date was not captured (e.g. a payer's appraisal seen only in a summary). */
    year: z.int().min(1990).max(2100).optional(),
    /** Kind of document. */
    documentType: z.enum([
      'guideline',
      'policy-statement',
      'draft-coverage-recommendation',
      'evidence-appraisal',
      'systematic-review',
    ]),
    /** The document in `src/content/sources`. */
    source: entryId,
    /** The stance on BVNA. */
    stance: guidelineStance,
    /** The stance in one sentence, in the project's own words; cited. */
    stanceStatement: citedText,
    /** The population the document addresses; cited. */
    population: citedText,
    /** The document's own rating, in its own scale (never overwritten by the mapping). */
    nativeRating: z
      .object({
        /** Rating system, e.g. "USPSTF", "GRADE", "Kaiser MTAC". */
        system: z.string().min(1),
        /** The rating as written, e.g. "Level A, high certainty". */
        value: z.string().min(1),
        /** Where it is stated. */
        citation,
      })
      .strict()
      .optional(),
    /** A GRADE reading of the rating, only where defensible; otherwise omitted with `gradeMappingNote`. */
    gradeMapping: z
      .object({
        /** GRADE certainty of evidence. */
        certainty: z.enum(['high', 'moderate', 'low', 'very-low']).optional(),
        /** Strength and direction of the recommendation. */
        recommendation: z
          .enum(['strong-for', 'conditional-for', 'conditional-against', 'strong-against'])
          .optional(),
        /** Why this mapping is defensible. */
        rationale: z.string().min(1),
      })
      .strict()
      .optional(),
    /** Why no GRADE mapping is given, when it is not. */
    gradeMappingNote: z.string().min(1).optional(),
    /** Criteria or statements the document makes, each cited. */
    statements: z.array(citedText).default([]),
    /** Conflicts of interest and funding, each cited. */
    conflicts: z.array(citedText).default([]),
    /** Date the editors last reviewed this entry. */
    lastReviewed: isoDate,
  })
  .strict()
  .refine((g) => g.gradeMapping || g.gradeMappingNote, {
    message: 'give a `gradeMapping` or say in `gradeMappingNote` why none is defensible',
    path: ['gradeMapping'],
  });
export type Guideline = z.infer<typeof guidelineSchema>;
