/**
 * Types of the criteria engine's inputs and outputs. Only types: importing this file adds no
 * code to a bundle.
 */
import type { Citation, Verification } from '../schema/common.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import type { ImpliedFact } from '../facts/implications.ts';
import type { Advisory, PolicyPosition, ProductLine } from '../schema/policy.ts';
import type { CriteriaSetOwner } from '../schema/criteria-set.ts';

/**
 * Whose criteria a compiled line holds: a payer's policy line, a trial's eligibility or a
 * guideline's selection criteria (src/lib/schema/criteria-set.ts). Only payer lines decide
 * coverage; the others are evidence the payer rules can be set against.
 */
export type LineOwner = { kind: 'payer-line'; payer: string } | CriteriaSetOwner;
export type LineOwnerKind = LineOwner['kind'];

/** The status of one criterion for one patient. */
export type Status = 'met' | 'failed' | 'undocumented';

/**
 * A policy's determination, in precedence order (the first that applies wins):
 * `not-covered` the plan never pays; `fails` a criterion is documented as not met or an exclusion
 * as present; `needs-documentation` nothing fails but something required is undocumented;
 * `depends-on-lcd` the readings under the LCD that may apply in the state of care and under the
 * plan's own criteria disagree, and which of them applies there is not known;
 * `needs-documentation` nothing fails but something required is undocumented;
 * `needs-proprietary-review` every public criterion passes but non-public criteria remain;
 * `meets` every criterion is documented as met.
 */
export type Outcome =
  | 'not-covered'
  | 'fails'
  | 'depends-on-lcd'
  | 'needs-documentation'
  | 'needs-proprietary-review'
  | 'meets';

/** Outcomes from worst to best; the index is the precedence. */
export const outcomePrecedence: readonly Outcome[] = [
  'not-covered',
  'fails',
  'depends-on-lcd',
  'needs-documentation',
  'needs-proprietary-review',
  'meets',
];

/** Plain-language names of the outcomes. */
export const outcomeLabel: Record<Outcome, string> = {
  'not-covered': 'Not covered',
  fails: 'Fails criteria',
  'depends-on-lcd': 'Depends on which LCD applies',
  'needs-documentation': 'Needs documentation',
  'needs-proprietary-review': 'Needs review beyond the public criteria',
  meets: 'Meets criteria',
};

/** An LCD a Medicare-following line may apply, with where it applies. */
export interface LcdCandidate {
  /** Line id of the LCD policy. */
  id: string;
  /** States where it is known or inferred to apply. */
  states: readonly string[];
  /** How the state list was established. */
  verification: Verification;
  /** The issuing contractor as far as known, e.g. "Noridian, jurisdiction JF (inferred)". */
  contractor?: string;
}

/**
 * Whether a BVNA LCD is known to apply in one state: `known` (a verified state list names it, or
 * every candidate's states are verified and none does), `inferred` (an inferred list names it),
 * `unknown` (no list names the state, and some candidate's states are not known).
 */
export interface StateJurisdiction {
  status: 'known' | 'inferred' | 'unknown';
  /** The LCD that applies (known or inferred); absent when none does or it is unknown. */
  lcd?: LcdCandidate;
  /** Candidates whose states are not known, each of which might apply (status `unknown`). */
  possible: readonly LcdCandidate[];
}

/** One policy line, compiled for evaluation (criteria resolved, LCDs linked). */
export interface EvaluablePolicy {
  /** Line id, e.g. `cohere-ma`. */
  id: string;
  /** Id of the policy entry (document version) the line belongs to; for a criteria set, the set's id. */
  policyId: string;
  /** Whose criteria these are: a payer line, a trial's eligibility, a guideline's selection criteria. */
  owner: LineOwner;
  /** Short name of the policy, e.g. "Cohere MA v3". */
  policyName: string;
  /** Who the line applies to. */
  label: string;
  /** Product lines of the line. */
  productLines: readonly ProductLine[];
  /** Position of the line. */
  position: Exclude<PolicyPosition, 'unknown'>;
  /** Where the position is stated. */
  citation: Citation;
  /** The public criteria (own or borrowed through `criteriaFrom`). */
  criteria?: CriterionNode;
  /** Name of non-public criteria applied after the public ones. */
  nonPublic?: { name: string; citation: Citation };
  /** LCD selection for Medicare-following lines. */
  lcd?: { choose: 'by-state' | 'named'; candidates: readonly LcdCandidate[]; citation: Citation };
  /** `partial` when part of the criteria could not be read. */
  completeness: 'complete' | 'partial';
  /** Billing notes and cautions (own or borrowed), reported and never counted. */
  advisories: readonly Advisory[];
  /** Cautions shown with every result (unverified text, partial encoding). */
  caveats: readonly string[];
  /** Cautions about the line's own criteria, shown when they decide the result. */
  criteriaCaveats: readonly string[];
}

/** A fact the engine read: its path (e.g. `spondylolisthesis[0].mm`) and value (undefined = undocumented). */
export interface FactUse {
  path: string;
  value: unknown;
  /** Set when the rule asks only whether the fact is recorded (`present`): its absence is the finding. */
  presence?: true;
}

/** The evaluation of one criterion node. */
export interface TraceNode {
  id: string;
  kind: CriterionNode['kind'];
  concept?: string;
  label: string;
  citation?: Citation;
  note?: string;
  status: Status;
  /** True when the node describes an exclusion (under an odd number of `not`s). */
  negated: boolean;
  /** Facts read directly by this node. */
  facts: FactUse[];
  /** Child evaluations; for some/every, one subtree per list item. */
  children: TraceNode[];
  /** For subtrees evaluated on a list item: the item's index. */
  item?: number;
}

/** A criterion that explains an outcome: failed, or undocumented. */
export interface Finding {
  nodeId: string;
  concept?: string;
  label: string;
  citation?: Citation;
  /** True for an exclusion (a condition that must not hold). */
  exclusion: boolean;
  /** The facts that decided it. */
  facts: FactUse[];
  /** One sentence: why it failed or what is missing. */
  reason: string;
}

/** An advisory as evaluated for one patient. */
export interface AdvisoryResult {
  id: string;
  role: Advisory['role'];
  concept?: string;
  label: string;
  message: string;
  citation: Citation;
  /** Other sources the message relies on. */
  supportingCitations: Citation[];
  note: string;
  /** `applies`: its condition is documented as not met; `clear`: met; `undocumented`: cannot tell. */
  status: 'applies' | 'clear' | 'undocumented';
  /** The facts its condition read. */
  facts: FactUse[];
}

/** The engine's answer for one policy line and one patient. */
export interface Evaluation {
  /** Line id evaluated. */
  policy: string;
  outcome: Outcome;
  /** One sentence saying why. */
  summary: string;
  /** For lines that defer to an LCD: the line whose criteria were applied. */
  appliedPolicy?: string;
  /** Where the line's position is stated. */
  citation: Citation;
  /** Criteria documented as not met, or exclusions documented as present. */
  failed: Finding[];
  /** Criteria that cannot be decided from the documented facts. */
  undocumented: Finding[];
  /** What to add to the chart, in plain words, without repeats. */
  missing: string[];
  /** Cautions about the policy text or its encoding. */
  caveats: string[];
  /**
   * Outcomes under each reading when the rules that apply are not settled: each LCD and the
   * plan's own criteria when the state of care is undocumented, or the LCD that may apply and
   * the plan's own criteria when it is not known whether that LCD covers the state.
   */
  branches?: { policy: string; outcome: Outcome }[];
  /** What would settle an open question about which rules apply (outcome `depends-on-lcd`). */
  settle?: string[];
  /** Billing notes and cautions: reported with the result, never counted in the outcome. */
  advisories: AdvisoryResult[];
  /** Values the engine filled in because they follow from documented facts (see facts/implications.ts). */
  implied: ImpliedFact[];
  /** The full evaluation tree, when the line has criteria. */
  trace?: TraceNode;
}
