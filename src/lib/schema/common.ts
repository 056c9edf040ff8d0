/**
 * Building blocks shared by every content schema: ids, dates, verification labels and citations.
 * `astro/zod` is a plain re-export of `zod/v4`; importing it keeps one zod instance for Astro,
 * the CLI and the browser without pulling in any Astro runtime.
 */
import { z } from 'astro/zod';
import { verificationLabel, verificationLevels } from './verification-label.ts';

/** A kebab-case id: lower-case letters, digits and single hyphens, e.g. `cohere-ma-v3`. */
export const entryId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as "cohere-ma-v3"');

/**
 * A calendar date written `YYYY-MM-DD`. Checked for real dates (no 2025-02-30) because a
 * wrong effective date decides which policy version applies.
 */
export const isoDate = z.iso.date({ error: 'expected a real calendar date written YYYY-MM-DD' });

/**
 * A date that may be known only to the month (`2026-01`), as policies often give "January 2026".
 * Sorted and compared as the first day of that month; shown as the month.
 */
export const monthOrDate = z.union([isoDate, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)], {
  error:
    'expected a real calendar date written YYYY-MM-DD, or YYYY-MM when only the month is known',
});

/**
 * How well a fact is established, after the research dossier's labels:
 * `verified` read in the primary source; `secondary` read only in a third party's summary;
 * `seed-only` found only in one of the project's seed documents; `unverified` claimed but not
 * confirmed; `inference` the editors' own reasoning; `not-found` looked for and not found.
 */
export const verification = z.enum(verificationLevels);
export type Verification = z.infer<typeof verification>;

/** Plain-language names for the verification labels (in a module without zod, for browser code). */
export { verificationLabel };

/**
 * A pinpoint citation: which source, and where in it. At least one locator part is required,
 * so that every statement can be checked by an appeal reviewer.
 */
export const citation = z
  .object({
    /** Id of an entry in `src/content/sources` (file name without extension). */
    source: entryId,
    /** Named section of the source, e.g. "Non-Indications". Must be one the source declares, if it declares any. */
    section: z.string().min(1).optional(),
    /** Item within the section: a bullet number counted from 1, or a label such as "Table 3, row 2". */
    item: z.union([z.int().positive(), z.string().min(1)]).optional(),
    /** Page or page range in the printed source, e.g. "1150" or "1148–1150". */
    page: z.string().min(1).optional(),
    /** Table or figure, e.g. "Table 3". */
    table: z.string().min(1).optional(),
    /** How well the cited statement is established; defaults to the source's own label when absent. */
    verification: verification.optional(),
    /** A short note on how the source supports the statement (own words, no long quotation). */
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.section || c.page || c.table, {
    message: 'a citation needs a locator: give at least one of section, page or table',
    path: ['section'],
  });
export type Citation = z.infer<typeof citation>;

/** A statement in the project's own words, with the citations that support it. */
export const citedText = z
  .object({
    /** The statement, written in the project's own words. */
    text: z.string().min(1),
    /** Sources for the statement; at least one. */
    citations: z.array(citation).min(1, 'a cited statement needs at least one citation'),
  })
  .strict();
export type CitedText = z.infer<typeof citedText>;
