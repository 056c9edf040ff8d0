/**
 * Whether several lines apply the same rule for a concept: each rule is evaluated by the engine
 * at every point of one shared test space, and rules with identical results are one variant.
 * Ids, labels, citations and the way a rule is written (repeated items, "requires ≥ 18" versus
 * "excludes < 18", `every … in L3–S1` versus `not some … outside L3–S1`) do not matter.
 */
import type { CriterionNode } from '../schema/criteria.ts';
import { pointSpace, signature, signatureKey, type PointSpace } from './points.ts';
import { ruleKey } from './rules.ts';

export interface Grouping {
  /** For each tree, the index of its variant (0, 1, …, in order of first appearance). */
  variantOf: number[];
  /** Number of distinct variants. */
  variants: number;
  /** The test space used. */
  space: PointSpace;
}

/** Groups rules into variants of identical behaviour. */
export function groupRules(trees: readonly CriterionNode[]): Grouping {
  const space = pointSpace(trees);
  const seen = new Map<string, number>();
  const variantOf = trees.map((tree) => {
    const key = signatureKey(signature(space, tree, ruleKey(tree)));
    if (!seen.has(key)) seen.set(key, seen.size);
    return seen.get(key)!;
  });
  return { variantOf, variants: seen.size, space };
}

/** Whether two rules behave identically on every test point. */
export function sameRule(a: CriterionNode, b: CriterionNode): boolean {
  return groupRules([a, b]).variants === 1;
}
