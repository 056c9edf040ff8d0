/**
 * A payer policy (or Medicare LCD) version: who issued it, when, its codes and revision history,
 * and one or more *lines* — the product lines it treats differently — each with its own position
 * and, where it has them, its criteria. A line is what the engine evaluates (`cohere-ma`,
 * `mgb-commercial`, `mgb-masshealth`, …).
 */
import { z } from 'astro/zod';
import { productLines, stateCodes } from '../facts/vocabulary.ts';
import { citation, citedText, entryId, isoDate, monthOrDate, verification } from './common.ts';
import { criterionNode } from './criteria.ts';
import { unreachable } from '../unreachable.ts';

/**
 * What a policy line says about BVNA overall:
 * `covered-with-criteria` pays when its criteria are met; `not-medically-necessary`,
 * `experimental-investigational` and `not-payable` never pay; `defers-to-lcd` applies a Medicare
 * LCD (by state or named); `defers-to-non-public` applies criteria that are not published (e.g.
 * InterQual) after any public ones. `unknown` is for a policy whose position could not be read.
 */
export const policyPosition = z.enum([
  'covered-with-criteria',
  'not-medically-necessary',
  'experimental-investigational',
  'not-payable',
  'defers-to-lcd',
  'defers-to-non-public',
  'unknown',
]);
export type PolicyPosition = z.infer<typeof policyPosition>;

export const productLine = z.enum(productLines);
export type ProductLine = z.infer<typeof productLine>;

/** One entry of a policy's own revision history. */
const revision = z
  .object({
    /** Version label as the policy gives it, e.g. "3" or "October 2025". */
    version: z.string().min(1),
    /** Date of the revision (YYYY-MM when the policy gives only the month). */
    date: monthOrDate,
    /** What changed, in the project's own words. */
    summary: z.string().min(1),
    /** Where the revision history says so. */
    citation,
  })
  .strict();

/** How a Medicare-following line chooses an LCD. */
const lcdRule = z
  .object({
    /** Ids of the LCD lines that may apply (lines of `lcd-*` policies). */
    candidates: z.array(entryId).min(1),
    /**
     * `by-state`: the LCD whose contractor covers the state of care applies, else the line's own
     * criteria; `named`: the single candidate always applies.
     */
    choose: z.enum(['by-state', 'named']),
    /** Where the policy says it follows the LCD. */
    citation,
  })
  .strict();

/** Criteria the policy applies but does not publish (e.g. a customised InterQual subset). */
const nonPublicCriteria = z
  .object({
    /** Name of the criteria set, e.g. "InterQual® neuroablation, percutaneous (customised)". */
    name: z.string().min(1),
    /** What is known about it, in the project's own words. */
    description: z.string().min(1),
    /** Where the policy says it uses them. */
    citation,
  })
  .strict();

/**
 * Something a result must say that never decides coverage. `billing-note`: a billing or coding
 * rule the policy states among its criteria (Cohere's anaesthesia item: further anaesthesia is
 * billed separately only with documented necessity); `caution`: the editors' warning about a
 * case the policy's letter allows but its sources would not expect (a planned body with no Modic
 * change at either endplate). The engine evaluates `condition` and reports the advisory, but no
 * outcome ever depends on it.
 */
export const advisory = z
  .object({
    /** Stable id, unique within the policy (shares the namespace of criterion ids). */
    id: entryId,
    /** `billing-note` (the policy's own billing rule) or `caution` (the editors' warning). */
    role: z.enum(['billing-note', 'caution']),
    /** Shared concept id, so the matrix can show a billing note in the row of its topic. */
    concept: entryId.optional(),
    /** The advisory's subject in the project's words, e.g. "Anaesthesia beyond local with mild sedation". */
    label: z.string().min(1),
    /** What it means when `condition` is not met, in one or two sentences. */
    message: z.string().min(1),
    /** Where the policy says it (for a caution: the policy text it qualifies). */
    citation,
    /** Other sources the message relies on (for a caution: what the trials did). */
    supportingCitations: z.array(citation).optional(),
    /** How it was read and why it does not decide coverage. */
    note: z.string().min(1),
    /** Met: nothing to say; failed: the advisory applies; undocumented: cannot tell. */
    condition: criterionNode,
  })
  .strict();
export type Advisory = z.infer<typeof advisory>;

export const policyLine = z
  .object({
    /** Evaluable policy id, unique across current policies, e.g. `mgb-commercial`. */
    id: entryId,
    /** Who the line applies to, e.g. "Commercial and Qualified Health Plan members". */
    label: z.string().min(1),
    /** Product lines covered by this line. */
    productLines: z.array(productLine).min(1),
    /** The line's overall position on BVNA. */
    position: policyPosition.exclude(['unknown']),
    /** The position in one or two sentences, in the project's own words. */
    summary: z.string().min(1),
    /** Where the policy states this line's position. */
    citation,
    /** The public criteria, when the line has its own. */
    criteria: criterionNode.optional(),
    /**
     * Another line whose criteria this line applies (no rule is written twice): its id, or
     * `{ line, without }` to apply them minus some nodes (e.g. an LCD restated by a payer that
     * added a rule of its own).
     */
    criteriaFrom: z
      .union([
        entryId,
        z
          .object({ line: entryId, without: z.array(entryId).min(1), reason: z.string().min(1) })
          .strict(),
      ])
      .optional(),
    /**
     * Billing notes and cautions reported with every result and never counted. A line that
     * borrows criteria (`criteriaFrom`) borrows these too, minus any named in `without`.
     */
    advisories: z.array(advisory).optional(),
    /**
     * Cautions about the criteria themselves, shown with every result the criteria decide (e.g.
     * a policy text that contradicts itself); borrowed with `criteriaFrom`.
     */
    caveats: z.array(citedText).optional(),
    /** Criteria applied but not published; the best public outcome becomes needs-proprietary-review. */
    nonPublic: nonPublicCriteria.optional(),
    /** How the line picks a Medicare LCD (position `defers-to-lcd`). */
    lcd: lcdRule.optional(),
    /**
     * `partial` when only part of the criteria could be read: the engine then never answers
     * `meets`, because unread criteria might still fail.
     */
    completeness: z.enum(['complete', 'partial']).default('complete'),
    /** What is known to be missing from the encoding (required when completeness is partial). */
    gaps: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((line, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const hasCriteria = line.criteria !== undefined || line.criteriaFrom !== undefined;
    if (line.criteria && line.criteriaFrom)
      issue('criteriaFrom', 'give either `criteria` or `criteriaFrom`, not both');
    switch (line.position) {
      case 'covered-with-criteria':
        if (!hasCriteria)
          issue('criteria', 'a line covered with criteria needs `criteria` or `criteriaFrom`');
        break;
      case 'defers-to-non-public':
        if (!line.nonPublic)
          issue('nonPublic', 'a line deferring to non-public criteria needs `nonPublic`');
        break;
      case 'defers-to-lcd':
        if (!line.lcd) issue('lcd', 'a line deferring to an LCD needs `lcd`');
        if (line.lcd?.choose === 'by-state' && !hasCriteria && !line.nonPublic)
          issue(
            'criteria',
            'choosing an LCD by state needs the line’s own criteria for states no LCD covers',
          );
        if (line.lcd?.choose === 'named' && line.lcd.candidates.length !== 1)
          issue('lcd', '`named` takes exactly one candidate LCD');
        break;
      case 'not-medically-necessary':
      case 'experimental-investigational':
      case 'not-payable':
        if (hasCriteria) issue('criteria', `a line that is ${line.position} has no criteria`);
        break;
      default:
        unreachable(line.position, 'position');
    }
    if (line.completeness === 'partial' && !line.gaps?.length)
      issue('gaps', 'a partial encoding must list its gaps');
  });
export type PolicyLine = z.infer<typeof policyLine>;

/** One row of a prior-authorization table (MGB's is by product line). */
const priorAuthorizationRow = z
  .object({
    /** The product as the table names it, e.g. "Commercial and Qualified Health Plans". */
    product: z.string().min(1),
    /** Line ids this row concerns. */
    lines: z.array(entryId).min(1),
    /** Codes that need authorization, as the table lists them ("all other codes" when unqualified). */
    authorizationRequired: z.string().min(1).optional(),
    /** Codes that need no prior authorization. */
    noPriorAuthorization: z.string().min(1).optional(),
    /** Codes the product does not pay for. */
    notPayable: z.string().min(1).optional(),
    /** Where the table is. */
    citation,
  })
  .strict();

/** Which Medicare contractor issued an LCD and where it applies. */
const jurisdiction = z
  .object({
    /** Issuing Medicare Administrative Contractor and jurisdiction, if known. */
    contractor: z.string().min(1).optional(),
    /** States (postal codes) where the LCD applies, as far as known. */
    states: z.array(z.enum(stateCodes)),
    /** How the contractor and states were established. */
    verification,
    /** How the editors arrived at this, in their own words. */
    note: z.string().min(1),
    /** Supporting citations. */
    citations: z.array(citation).min(1),
  })
  .strict();

export const policySchema = z
  .object({
    /** Full title of the policy document. */
    title: z.string().min(1),
    /** Short name for tables and chips, e.g. "Cohere MA v3". */
    shortName: z.string().min(1),
    /** Id of the issuing payer or contractor in `src/content/payers`. */
    payer: entryId,
    /** The payer's policy number, e.g. "097", "CPB 0016", "L39420". */
    policyNumber: z.string().min(1).optional(),
    /** Version label of this entry, e.g. "3" or "January 2026". */
    version: z.string().min(1),
    /** Date this version was issued or revised (YYYY-MM when only the month is known); absent when not captured. */
    versionDate: monthOrDate.optional(),
    /** Date this version takes effect, when the policy states one. */
    effectiveDate: monthOrDate.optional(),
    /** `current` for the version in force; older encoded versions are `superseded`. */
    status: z.enum(['current', 'superseded']),
    /** Id of the policy entry this version replaced, when both are encoded. */
    supersedes: entryId.optional(),
    /** Set when this version is reconstructed from a later version's revision notes rather than read. */
    reconstructedFrom: z
      .object({ note: z.string().min(1), citation })
      .strict()
      .optional(),
    /** Overall position of the document (lines may differ; see `lines`). */
    position: policyPosition,
    /** What the policy says about BVNA, two or three sentences in the project's own words. */
    summary: z.string().min(1),
    /** The policy document itself, with the locator of its BVNA section. */
    source: citation,
    /** How far the editors could check the policy text. */
    verification,
    /** Procedure and diagnosis codes the policy lists for BVNA. */
    codes: z
      .object({
        /** CPT/HCPCS codes, e.g. 64628, 64629. */
        cpt: z.array(
          z.string().regex(/^[0-9A-Z]\d{3}[0-9A-Z]$/, 'expected a five-character CPT/HCPCS code'),
        ),
        /** ICD-10-CM codes, e.g. M54.51. */
        icd10: z.array(
          z
            .string()
            .regex(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/, 'expected an ICD-10-CM code such as M54.51'),
        ),
        /** Where the codes are listed. */
        citation: citation.optional(),
      })
      .strict(),
    /** The policy's own revision history, newest first. */
    revisions: z.array(revision),
    /** Prior-authorization table by product, when the policy has one. */
    priorAuthorization: z.array(priorAuthorizationRow).optional(),
    /** For LCDs: the issuing contractor and states, as far as known. */
    jurisdiction: jurisdiction.optional(),
    /** Caveats and context, each cited. */
    notes: z.array(citedText).default([]),
    /**
     * Coding terms a reader may search for that only this policy's notes mention (e.g. "KX
     * modifier"): site search matches the policy by them. Each must appear in one of its notes.
     */
    searchTerms: z.array(z.string().min(2)).default([]),
    /** The evaluable lines; empty when the position is unknown. */
    lines: z.array(policyLine),
    /** Date the editors last reviewed this entry. */
    lastReviewed: isoDate,
  })
  .strict()
  .superRefine((policy, ctx) => {
    if (policy.position !== 'unknown' && policy.lines.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        message: 'a policy with a known position needs at least one line',
      });
    if (policy.position === 'unknown' && policy.lines.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['position'],
        message: 'a policy with evaluable lines cannot have position `unknown`',
      });
    const seen = new Set<string>();
    policy.lines.forEach((line, i) => {
      if (seen.has(line.id))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'id'],
          message: `duplicate line id "${line.id}"`,
        });
      seen.add(line.id);
    });
  });
export type Policy = z.infer<typeof policySchema>;
