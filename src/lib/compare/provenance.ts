/**
 * Where a payer's rule comes from, computed rather than typed: each payer rule (a concept in one
 * policy line) is set against the rule for the same concept in every trial's eligibility and
 * guideline's selection criteria read, by the behavioural equivalence the matrix uses. A rule is
 * the *same* as the evidence rule when both give the same answer for every test patient;
 * *stricter* when it never lets through a patient the evidence rule would not, and sometimes
 * holds back one it would; *looser* the other way round; *different* when each lets through
 * someone the other does not; and *not in any trial or guideline read* when no set read has a
 * rule for the concept.
 */
import type { Concept } from '../criteria/concepts.ts';
import type { EvaluablePolicy, LineOwnerKind, Status } from '../engine/types.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import type { Citation } from '../schema/common.ts';
import { walkCriteria } from '../criteria/walk.ts';
import { differenceSentences } from './differences.ts';
import { cellRules, describeOccurrences, type CellRule, type CriteriaMatrix } from './matrix.ts';
import { pointSpace, signature } from './points.ts';
import {
  byConcept,
  conceptCondition,
  effectiveRules,
  ruleKey,
  type ConceptOccurrence,
} from './rules.ts';
import { unreachable } from '../unreachable.ts';

/** How a payer rule relates to one trial's or guideline's rule for the same concept. */
export type RuleRelation = 'same' | 'stricter' | 'looser' | 'different';

/** A payer rule's provenance: its closest relation to the evidence read, or none. */
export type ProvenanceLabel = RuleRelation | 'no-basis';

/** Plain words for the labels, as badges and exports show them. */
export const provenanceLabelText: Record<ProvenanceLabel, string> = {
  same: 'Same as the evidence',
  stricter: 'Stricter than the evidence',
  looser: 'Looser than the evidence',
  different: 'Differs from the evidence',
  'no-basis': 'Not in any trial or guideline read',
};

/** The words for one relation to one named set: "same as SMART (eligibility)". */
export function relationPhrase(relation: RuleRelation, setName: string): string {
  switch (relation) {
    case 'same':
      return `same as ${setName}`;
    case 'stricter':
      return `stricter than ${setName}`;
    case 'looser':
      return `looser than ${setName}`;
    case 'different':
      return `different from ${setName}`;
    default:
      return unreachable(relation, 'relation');
  }
}

const rank: Record<Status, number> = { failed: 0, undocumented: 1, met: 2 };

const relations = new Map<string, RuleRelation>();
/** Bounds the memo below, as the signature cache is bounded, so memory stays flat at scale. */
const RELATIONS_LIMIT = 20_000;

/**
 * How rule `payer` relates to rule `evidence`, both read as admit conditions (met: the rule lets
 * the patient through). Evaluated at every point of the pair's test space, with "undocumented"
 * between "failed" and "met": stricter means the payer rule's answer is never better and
 * sometimes worse. Memoised by the two rules' structural keys: lines that share a rule (many
 * do) would otherwise build the same test space again, about 1 s of a build at 3,000 lines.
 */
export function compareRules(payer: CriterionNode, evidence: CriterionNode): RuleRelation {
  const payerKey = ruleKey(payer);
  const evidenceKey = ruleKey(evidence);
  const key = `${payerKey}\0${evidenceKey}`;
  let relation = relations.get(key);
  if (relation === undefined) {
    relation = relate(payer, payerKey, evidence, evidenceKey);
    if (relations.size >= RELATIONS_LIMIT) relations.clear();
    relations.set(key, relation);
  }
  return relation;
}

function relate(
  payer: CriterionNode,
  payerKey: string,
  evidence: CriterionNode,
  evidenceKey: string,
): RuleRelation {
  const space = pointSpace([payer, evidence]);
  const a = signature(space, payer, payerKey);
  const b = signature(space, evidence, evidenceKey);
  let never = true; // the payer rule is never better
  let notWorse = true; // the payer rule is never worse
  a.forEach((status, i) => {
    const d = rank[status] - rank[b[i]!];
    if (d > 0) never = false;
    if (d < 0) notWorse = false;
  });
  if (never && notWorse) return 'same';
  if (never) return 'stricter';
  if (notWorse) return 'looser';
  return 'different';
}

/** One trial's or guideline's rule for the concept, and how the payer rule relates to it. */
export interface EvidenceMatch {
  /** Id of the criteria set (its evaluable line). */
  set: string;
  setName: string;
  owner: LineOwnerKind;
  relation: RuleRelation;
  /** How the payer rule differs from it, fact by fact (empty when the same). */
  differences: string[];
  /** The set's rule in words, with its citations. */
  rules: CellRule[];
}

/** The provenance of one payer rule (one concept in one line). */
export interface RuleProvenance {
  line: string;
  concept: Concept;
  label: ProvenanceLabel;
  /** A billing note, which never decides coverage (not counted in the figures). */
  billingNote: boolean;
  /** One entry per set read that has a rule for the concept, in set order. */
  matches: EvidenceMatch[];
  /** One sentence: "Same as SMART (eligibility); stricter than INTRACEPT (eligibility)." */
  summary: string;
}

/** The closest relation among the matches: same if any; stricter or looser when all agree on it; else different. */
export function closestLabel(matches: readonly EvidenceMatch[]): ProvenanceLabel {
  if (matches.length === 0) return 'no-basis';
  const relations = new Set(matches.map((m) => m.relation));
  if (relations.has('same')) return 'same';
  if (relations.has('stricter') && !relations.has('looser')) return 'stricter';
  if (relations.has('looser') && !relations.has('stricter')) return 'looser';
  return 'different';
}

function summarise(matches: readonly EvidenceMatch[]): string {
  if (matches.length === 0) return 'Not in any trial or guideline read.';
  const text = matches.map((m) => relationPhrase(m.relation, m.setName)).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The evidence side: each set's occurrences grouped by concept, computed once. */
export interface EvidenceRules {
  sets: {
    line: EvaluablePolicy;
    name: string;
    grouped: Map<string, ConceptOccurrence[]>;
    rules: ReturnType<typeof effectiveRules>;
  }[];
}

/** Groups the evidence sets' rules by concept. */
export function evidenceRules(sets: readonly EvaluablePolicy[]): EvidenceRules {
  const byId = new Map(sets.map((s) => [s.id, s]));
  return {
    sets: sets.map((line) => {
      const rules = effectiveRules(line, byId);
      return { line, name: line.policyName, grouped: byConcept(rules.occurrences), rules };
    }),
  };
}

/**
 * The provenance of one payer rule: `occurrences` are the payer line's occurrences of the concept
 * (undefined for a billing note, which has none), `payerName` the line's name in sentences.
 */
export function ruleProvenance(
  line: string,
  concept: Concept,
  occurrences: readonly ConceptOccurrence[] | undefined,
  payerName: string,
  evidence: EvidenceRules,
): RuleProvenance {
  const matches: EvidenceMatch[] = [];
  for (const set of evidence.sets) {
    const theirs = set.grouped.get(concept.id);
    if (!theirs) continue;
    const relation: RuleRelation = occurrences
      ? compareRules(conceptCondition(occurrences), conceptCondition(theirs))
      : 'different';
    matches.push({
      set: set.line.id,
      setName: set.name,
      owner: set.line.owner.kind,
      relation,
      differences:
        occurrences && relation !== 'same'
          ? differenceSentences(occurrences, theirs, payerName, set.name, describeOccurrences)
          : [],
      rules: cellRules(set.rules, theirs),
    });
  }
  return {
    line,
    concept,
    label: closestLabel(matches),
    billingNote: occurrences === undefined,
    matches,
    summary: summarise(matches),
  };
}

/** Provenance of every payer rule of a matrix: one entry per cell with rules (criteria or a billing note). */
export function matrixProvenance(
  matrix: CriteriaMatrix,
  evidence: EvidenceRules,
): Map<string, RuleProvenance> {
  const out = new Map<string, RuleProvenance>();
  const grouped = new Map(matrix.columns.map((c) => [c.line.id, byConcept(c.rules.occurrences)]));
  for (const row of matrix.rows)
    matrix.columns.forEach((column, i) => {
      const cell = row.cells[i]!;
      if (cell.rules.length === 0) return;
      const occurrences = grouped.get(column.line.id)?.get(row.concept.id);
      out.set(
        provenanceKey(column.line.id, row.concept.id),
        ruleProvenance(column.line.id, row.concept, occurrences, column.name, evidence),
      );
    });
  return out;
}

/** The key of a cell's provenance: `<line>|<concept>`. */
export function provenanceKey(line: string, concept: string): string {
  return `${line}|${concept}`;
}

/** Counts per label for one line, criteria only (billing notes never decide coverage). */
export type ProvenanceCounts = Record<ProvenanceLabel, number> & { rules: number };

/** Per line: how many of its rules are the same as, stricter or looser than, different from, or absent from the evidence read. */
export function provenanceFigures(
  matrix: CriteriaMatrix,
  provenance: ReadonlyMap<string, RuleProvenance>,
): { line: string; name: string; counts: ProvenanceCounts }[] {
  return matrix.columns
    .map((column) => {
      const counts: ProvenanceCounts = {
        rules: 0,
        same: 0,
        stricter: 0,
        looser: 0,
        different: 0,
        'no-basis': 0,
      };
      for (const row of matrix.rows) {
        const p = provenance.get(provenanceKey(column.line.id, row.concept.id));
        if (!p || p.billingNote) continue;
        counts.rules++;
        counts[p.label]++;
      }
      return { line: column.line.id, name: column.name, counts };
    })
    .filter((f) => f.counts.rules > 0);
}

/** What the trials and guidelines read say about one payer criterion, for the appeal packet. */
export interface CriterionEvidence {
  /** "Same as SMART (eligibility); stricter than INTRACEPT (eligibility)." or "Not in any trial or guideline read." */
  text: string;
  /** Where each matching trial or guideline states its rule (none when there is no basis). */
  citations: Citation[];
}

/**
 * The provenance of every criterion of `line` that carries a concept, by node id, from the
 * matrix's computed `provenance`; nodes whose concept the matrix has no rule for are left out.
 * Billing notes never reach here: they are not criteria.
 */
export function criteriaEvidence(
  line: EvaluablePolicy,
  provenance: ReadonlyMap<string, RuleProvenance>,
): Record<string, CriterionEvidence> {
  const out: Record<string, CriterionEvidence> = {};
  if (!line.criteria) return out;
  walkCriteria(line.criteria, (node) => {
    const p = node.concept ? provenance.get(provenanceKey(line.id, node.concept)) : undefined;
    if (!p || p.billingNote) return;
    out[node.id] = { text: p.summary, citations: matchCitations(p) };
  });
  return out;
}

/** Every citation of the trials' and guidelines' rules a provenance matches, each once. */
function matchCitations(provenance: RuleProvenance): Citation[] {
  const seen = new Set<string>();
  return provenance.matches
    .flatMap((m) => m.rules.flatMap((r) => r.citations))
    .filter((c) => {
      const key = JSON.stringify(c);
      return !seen.has(key) && seen.add(key);
    });
}

/** `criteriaEvidence` of every line, by line id: what the checker's data carries for the packet. */
export function linesEvidence(
  lines: readonly EvaluablePolicy[],
  provenance: ReadonlyMap<string, RuleProvenance>,
): Record<string, Record<string, CriterionEvidence>> {
  return Object.fromEntries(lines.map((l) => [l.id, criteriaEvidence(l, provenance)]));
}
