/** An organisation that issues coverage rules: a health plan, a utilisation-management vendor or a Medicare contractor. */
import { z } from 'astro/zod';
import { stateCodes } from '../facts/vocabulary.ts';
import { isoDate } from './common.ts';

/** Payer types used to filter the comparison. */
export const payerKind = z.enum([
  'medicare-contractor',
  'medicare-advantage-vendor',
  'health-plan',
  'blue-cross-blue-shield',
  'unidentified',
]);
export type PayerKind = z.infer<typeof payerKind>;

export const payerSchema = z
  .object({
    /** Full name, e.g. "Mass General Brigham Health Plan". */
    name: z.string().min(1),
    /** Short name for tables, e.g. "MGB". */
    shortName: z.string().min(1),
    /** What kind of organisation it is. */
    kind: payerKind,
    /** One or two sentences on who the payer is and whom its rules reach, in the project's own words. */
    description: z.string().min(1),
    /**
     * States (postal codes) where the payer sells plans, for a regional payer (as its description
     * says); absent for a national payer or one whose area is not known. The comparison's state
     * views use it.
     */
    states: z.array(z.enum(stateCodes)).min(1).optional(),
    /** Date the editors last reviewed this entry. */
    lastReviewed: isoDate,
  })
  .strict();
export type Payer = z.infer<typeof payerSchema>;
