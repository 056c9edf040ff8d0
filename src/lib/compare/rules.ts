/**
 * A policy line's rules grouped by concept: where each concept occurs in the line's criteria
 * tree, with which polarity (required, or excluded), and the condition it imposes on its own,
 * so that two lines' versions of one rule can be set side by side and tested for equivalence.
 */
import { facts, type ItemKind } from '../facts/catalog.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import type { EvaluablePolicy } from '../engine/types.ts';
import { unreachable } from '../unreachable.ts';

/** A step on the path from the root to a rule that changes its meaning: a negation or a quantifier. */
export type PathStep = { kind: 'not' } | { kind: 'some' | 'every'; fact: string };

/** One place where a concept occurs in a criteria tree. */
export interface ConceptOccurrence {
  concept: string;
  /** The node that carries the concept; its subtree is the rule. */
  node: CriterionNode;
  /** Inside some/every: the kind of list item whose fields the rule names. */
  item?: ItemKind;
  /** True when the rule describes an exclusion (it sits under an odd number of `not`s). */
  negated: boolean;
  /**
   * True when the rule is one alternative among others (under an `any`, an `at-least`, or a
   * negated `all`), so that it does not decide on its own.
   */
  alternative: boolean;
  /** The negations and quantifiers between the root and the node, outermost first. */
  steps: PathStep[];
}

/** Every concept occurrence in `criteria`, in tree order. A concept node nested in another concept's rule is reported too. */
export function conceptOccurrences(criteria: CriterionNode | undefined): ConceptOccurrence[] {
  const found: ConceptOccurrence[] = [];
  if (!criteria) return found;
  const visit = (
    node: CriterionNode,
    steps: PathStep[],
    item: ItemKind | undefined,
    negated: boolean,
    alternative: boolean,
    within?: string,
  ) => {
    if (node.concept && node.concept !== within)
      found.push({ concept: node.concept, node, item, negated, alternative, steps });
    const inside = node.concept ?? within;
    switch (node.kind) {
      case 'all':
      case 'any':
      case 'at-least': {
        // Disjunctive once negation is pushed inwards: a positive any, a negated all, or an
        // at-least that is neither "all of them" (positive) nor "at least one" (negated).
        const n = node.children.length;
        const conjunctive =
          node.kind === 'all'
            ? !negated
            : node.kind === 'any'
              ? negated
              : negated
                ? node.min === 1
                : node.min === n;
        const disjunctive = n > 1 && !conjunctive;
        for (const child of node.children)
          visit(child, steps, item, negated, alternative || disjunctive, inside);
        return;
      }
      case 'not':
        return visit(node.child, [...steps, { kind: 'not' }], item, !negated, alternative, inside);
      case 'some':
      case 'every': {
        const childItem = (facts as Record<string, { item?: ItemKind }>)[node.fact]?.item;
        return visit(
          node.where,
          [...steps, { kind: node.kind, fact: node.fact }],
          childItem,
          negated,
          alternative,
          inside,
        );
      }
      case 'compare':
      case 'count':
      case 'match': // only in advisories, which never decide a concept's rule
        return;
      default:
        return unreachable(node, 'criterion node');
    }
  };
  visit(criteria, [], undefined, false, false);
  return found;
}

/**
 * The condition an occurrence imposes on a patient's facts on its own: met when the rule lets
 * the patient through (a requirement met, or an exclusion absent). Negations and quantifiers on
 * the path are kept; and/or combinators around it are dropped.
 */
export function admitCondition(occurrence: ConceptOccurrence): CriterionNode {
  let node = occurrence.node;
  for (const step of [...occurrence.steps].reverse()) {
    const base = { id: `${node.id}-${step.kind}`, label: node.label };
    node =
      step.kind === 'not'
        ? { ...base, kind: 'not', child: node }
        : { ...base, kind: step.kind, fact: step.fact, where: node };
  }
  return node;
}

/** One line's rule for one concept: all its occurrences together. */
export function conceptCondition(occurrences: readonly ConceptOccurrence[]): CriterionNode {
  const children = occurrences.map(admitCondition);
  return children.length === 1
    ? children[0]!
    : { kind: 'all', id: 'concept-rule', label: 'All occurrences', children };
}

/**
 * A structural key for a criteria tree that ignores ids, labels, citations, notes and concepts,
 * and the order of children of all/any and of the values of `in`: two trees with the same key
 * apply the same rule.
 */
export function ruleKey(node: CriterionNode): string {
  switch (node.kind) {
    case 'compare': {
      const value = Array.isArray(node.value) ? [...node.value].map(String).sort() : node.value;
      return `c(${node.fact} ${node.op} ${JSON.stringify(value ?? null)})`;
    }
    case 'count':
      return `n(${node.fact} ${node.op} ${node.value})`;
    case 'some':
    case 'every':
      return `${node.kind}(${node.fact}: ${ruleKey(node.where)})`;
    case 'not':
      return `not(${ruleKey(node.child)})`;
    case 'match':
      return `match(${node.fact}.${node.on}: ${node.where ? ruleKey(node.where) : ''})`;
    case 'all':
    case 'any':
      return `${node.kind}(${node.children.map(ruleKey).sort().join(', ')})`;
    case 'at-least':
      return `atleast${node.min}(${node.children.map(ruleKey).sort().join(', ')})`;
    default:
      return unreachable(node, 'criterion node');
  }
}

/** How a line's rules are reached: its own, or those of the LCD it applies. */
export type RuleSource =
  | { kind: 'not-covered' }
  | { kind: 'own' }
  | { kind: 'lcd-named'; lcd: string }
  | {
      kind: 'lcd-by-state';
      candidates: readonly { id: string; states: readonly string[]; verification: string }[];
    };

/** The public criteria a line applies, and the line whose tree they are (for anchors). */
export interface EffectiveRules {
  line: EvaluablePolicy;
  source: RuleSource;
  /** Criteria tree compared: own, the named LCD's, or (by-state) the line's own fallback. */
  criteria?: CriterionNode;
  /** Line id whose policy page holds `criteria` (anchors `<line>--<node>`). */
  criteriaLine: string;
  /** Policy entry id whose page holds `criteria`. */
  criteriaPolicy: string;
  /** Concept occurrences in `criteria`. */
  occurrences: ConceptOccurrence[];
  /** Billing notes and cautions that come with `criteria` (they never decide coverage). */
  advisories: EvaluablePolicy['advisories'];
}

const notCovered = new Set([
  'not-medically-necessary',
  'experimental-investigational',
  'not-payable',
]);

/** Whether a line pays for BVNA at all. */
export function coversNobody(line: EvaluablePolicy): boolean {
  return notCovered.has(line.position);
}

/** The rules a line applies, following a named LCD to its criteria. */
export function effectiveRules(
  line: EvaluablePolicy,
  byId: ReadonlyMap<string, EvaluablePolicy>,
): EffectiveRules {
  const own = {
    line,
    criteria: line.criteria,
    criteriaLine: line.id.split('@')[0]!,
    criteriaPolicy: line.policyId,
  };
  if (coversNobody(line))
    return {
      ...own,
      source: { kind: 'not-covered' },
      criteria: undefined,
      occurrences: [],
      advisories: [],
    };
  if (line.position === 'defers-to-lcd' && line.lcd?.choose === 'named') {
    const lcd = byId.get(line.lcd.candidates[0]!.id);
    if (lcd) {
      const via = effectiveRules(lcd, byId);
      return { ...via, line, source: { kind: 'lcd-named', lcd: lcd.id } };
    }
  }
  const source: RuleSource =
    line.position === 'defers-to-lcd' && line.lcd
      ? { kind: 'lcd-by-state', candidates: line.lcd.candidates }
      : { kind: 'own' };
  return {
    ...own,
    source,
    occurrences: conceptOccurrences(line.criteria),
    advisories: line.advisories,
  };
}

/** Occurrences grouped by concept, in first-occurrence order. */
export function byConcept(
  occurrences: readonly ConceptOccurrence[],
): Map<string, ConceptOccurrence[]> {
  const grouped = new Map<string, ConceptOccurrence[]>();
  for (const o of occurrences) grouped.set(o.concept, [...(grouped.get(o.concept) ?? []), o]);
  return grouped;
}
