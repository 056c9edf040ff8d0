/** A factual claim made by a seed document (an AI answer page), checked against the sources. */
import { z } from 'astro/zod';
import { citation, entryId, isoDate } from './common.ts';

export const claimVerdict = z.enum([
  'supported',
  'partly-supported',
  'contradicted',
  'unverifiable',
]);
export type ClaimVerdict = z.infer<typeof claimVerdict>;

export const claimSchema = z
  .object({
    /** The seed document (a `sources` id of kind `seed`) or other page that makes the claim. */
    claimant: entryId,
    /** Where in that document the claim is made. */
    claimedAt: citation,
    /**
     * The claim: paraphrased in the project's own words (a few words of a term of art may be
     * quoted), or, with `wording: quotation`, the page's own sentence, shown in quotation marks.
     */
    claim: z.string().min(1),
    /** `paraphrase` (default) or `quotation`: the claim is the page's own words, quoted exactly. */
    wording: z.enum(['paraphrase', 'quotation']).default('paraphrase'),
    /** The topic, for grouping, e.g. "guidelines", "trial results", "procedure". */
    topic: z.string().min(1),
    /** The verdict. */
    verdict: claimVerdict,
    /** One line on why, in the project's own words. */
    reason: z.string().min(1),
    /** The sources that decide the verdict, with locators; empty only when unverifiable. */
    decidedBy: z.array(citation),
    /**
     * For a claim that a patient meets some criteria: the patient as the page describes them, in
     * the patient facts format, judged by the engine against trials' or guidelines' criteria sets
     * on the claim's page.
     */
    engineCheck: z
      .object({
        /** Only what the page documents; everything else stays undocumented. Checked against the facts schema. */
        facts: z.record(z.string(), z.unknown()),
        /** Ids of the criteria sets (src/content/criteria-sets) to judge the facts against. */
        against: z.array(entryId).min(1),
        /** How the page's description was turned into facts, in the editors' words. */
        note: z.string().min(1),
      })
      .strict()
      .optional(),
    /** Date the editors last reviewed this claim. */
    lastReviewed: isoDate,
  })
  .strict()
  .refine((c) => c.verdict === 'unverifiable' || c.decidedBy.length > 0, {
    message: 'a claim with a verdict other than unverifiable needs at least one deciding citation',
    path: ['decidedBy'],
  });
export type Claim = z.infer<typeof claimSchema>;
