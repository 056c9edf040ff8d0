/**
 * A bibliographic record in CSL-JSON shape (the Citation Style Language data schema), plus the
 * few fields BVN Atlas needs to say how far a source can be trusted. Field names follow CSL-JSON
 * exactly so that a record can be handed to citation-js without translation.
 */
import { z } from 'astro/zod';
import { entryId, isoDate, verification } from './common.ts';

/** A CSL name: either family/given parts or a literal for organisations. */
const cslName = z.union([
  z.object({ family: z.string().min(1), given: z.string().min(1).optional() }).strict(),
  z.object({ literal: z.string().min(1) }).strict(),
]);

/** A CSL date: `date-parts` [[year, month?, day?]] or a `literal` when only a phrase is known. */
const cslDate = z.union([
  z
    .object({
      'date-parts': z
        .array(
          z
            .tuple([z.int().min(1800).max(2100)])
            .rest(z.int().min(1).max(31))
            .refine(
              (parts) => parts.length <= 3 && (parts[1] === undefined || parts[1] <= 12),
              'expected [year, month?, day?] with month 1–12',
            ),
        )
        .min(1)
        .max(2),
    })
    .strict(),
  z.object({ literal: z.string().min(1) }).strict(),
]);

/** What kind of document a source is, for grouping on the bibliography page. */
export const sourceKind = z.enum([
  'seed',
  'payer-policy',
  'lcd',
  'billing-article',
  'cms-article',
  'guideline',
  'trial',
  'review',
  'economic-evaluation',
  'cohort',
  'case-report',
  'appeal-decision',
  'web-page',
  'other',
]);
export type SourceKind = z.infer<typeof sourceKind>;

export const sourceSchema = z
  .object({
    /** CSL item type, e.g. `article-journal`, `report`, `legislation`, `webpage`. */
    type: z.enum([
      'article-journal',
      'report',
      'legislation',
      'regulation',
      'webpage',
      'post-weblog',
      'paper-conference',
      'document',
      'dataset',
      'legal_case',
    ]),
    /** Full title of the document. */
    title: z.string().min(1),
    /** Short title used in running text and citation chips, e.g. "SMART 2018". */
    'title-short': z.string().min(1),
    /** Authors in CSL name form; organisations as `literal`. */
    author: z.array(cslName).min(1).optional(),
    /** Date issued or published. */
    issued: cslDate.optional(),
    /** Date the editors last read the document (CSL `accessed`). */
    accessed: cslDate.optional(),
    /** Journal or website the document appears in. */
    'container-title': z.string().min(1).optional(),
    /** Volume of the journal. */
    volume: z.string().min(1).optional(),
    /** Issue of the journal. */
    issue: z.string().min(1).optional(),
    /** Page range, e.g. "1146-1156", or an article number. */
    page: z.string().min(1).optional(),
    /** Digital Object Identifier without the https://doi.org/ prefix. */
    DOI: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'expected a bare DOI such as "10.1007/s00586-018-5496-1"')
      .optional(),
    /** PubMed identifier, digits only. */
    PMID: z
      .string()
      .regex(/^\d{5,9}$/, 'expected a PubMed id made of digits')
      .optional(),
    /** PubMed Central identifier, e.g. "PMC6510180". */
    PMCID: z
      .string()
      .regex(/^PMC\d+$/, 'expected a PubMed Central id such as "PMC6510180"')
      .optional(),
    /** Where the document can be read. */
    URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    /** Publisher, or the issuing organisation for reports and policies. */
    publisher: z.string().min(1).optional(),
    /** Document number: policy number, LCD id (L39420), NCT id, appeal case number. */
    number: z.string().min(1).optional(),
    /** Version or revision of the document, e.g. "3". */
    version: z.string().min(1).optional(),
    /** Genre shown next to the type, e.g. "Local Coverage Determination". */
    genre: z.string().min(1).optional(),
    /** Free note in CSL, e.g. an erratum. */
    note: z.string().min(1).optional(),

    /** BVN Atlas: the seed number ("000"–"004") for the five documents the project began from. */
    seed: z
      .string()
      .regex(/^\d{3}$/, 'expected a three-digit seed number such as "003"')
      .optional(),
    /** BVN Atlas: what kind of document this is, for grouping. */
    kind: sourceKind,
    /** BVN Atlas: how far the editors could check this document itself (not each statement in it). */
    verification,
    /** BVN Atlas: named sections that citations may point to; when given, a citation's `section` must be one of them. */
    sections: z.array(z.string().min(1)).min(1).optional(),
    /** BVN Atlas: one or two sentences in the editors' own words on what the document is and how it is used here. */
    description: z.string().min(1),
    /** BVN Atlas: the date the editors last reviewed this record. */
    lastReviewed: isoDate,
    /** BVN Atlas: ids of sources this one is a part or version of (e.g. a billing article of an LCD). */
    related: z.array(entryId).optional(),
  })
  .strict();

export type Source = z.infer<typeof sourceSchema>;
