/**
 * A number as a source reports it, with its own citation and verification label. Shared by study
 * outcome rows, arm sizes, participant flow and adverse-event figures.
 */
import { z } from 'astro/zod';
import { citation, verification } from './common.ts';

/** A number as a source reports it. */
export const reportedNumber = z
  .object({
    /** The value; `null` when the source was checked and the number could not be found. */
    value: z.number().nullable(),
    /** Unit, e.g. "points", "%", "cm", "patients", "months". */
    unit: z.string().min(1).optional(),
    /** Standard deviation, when reported as mean ± SD. */
    sd: z.number().nonnegative().optional(),
    /** 95% confidence interval [lower, upper]. */
    ci95: z.tuple([z.number(), z.number()]).optional(),
    /** Spread [lowest, highest] across the studies a review included, when it reports a range instead of one estimate. */
    range: z.tuple([z.number(), z.number()]).optional(),
    /** P value as printed, e.g. "0.019" or "<0.001". */
    p: z
      .string()
      .regex(/^[<>=]?\s?0?\.\d+$/, 'expected a p value such as "0.019" or "<0.001"')
      .optional(),
    /** Where the number is reported (or where it was looked for). */
    citation,
    /** How well the number is established. */
    verification,
    /** Short note, e.g. the analysis population. */
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((n) => !n.ci95 || n.ci95[0] <= n.ci95[1], {
    message: 'ci95 must be [lower, upper]',
    path: ['ci95'],
  })
  .refine((n) => !n.range || n.range[0] <= n.range[1], {
    message: 'range must be [lowest, highest]',
    path: ['range'],
  });
export type ReportedNumber = z.infer<typeof reportedNumber>;
