/**
 * "None of these documented as present": which facts of an exclusion group can be set to
 * absent in one action, and to what. Read from the policies' criteria rather than listed by
 * hand, so a new exclusion in a policy file joins the action without editing the form:
 * a fact qualifies when some criterion is satisfied by its absence and none by its presence.
 */
import { facts, type FactGroup, type FactKey } from '../facts/catalog.ts';
import { walkCriteria } from '../criteria/walk.ts';
import type { EvaluablePolicy } from '../engine/types.ts';
import { factControl } from './controls.ts';

/** The form groups where findings and conditions that exclude the procedure are recorded. */
export const exclusionGroups: readonly FactGroup[] = ['imaging', 'history'];

/** The value that records a fact as absent: no, none, or an empty list. */
export type AbsentValue = false | 'none' | [];

export interface ExclusionFact {
  key: FactKey;
  absent: AbsentValue;
}

type Use = 'requires-absent' | 'requires-present';

/** How each top-level fact is read by the criteria: as something that must be absent, or present. */
function factUses(lines: readonly EvaluablePolicy[]): Map<string, Set<Use>> {
  const uses = new Map<string, Set<Use>>();
  const add = (fact: string, use: Use) => uses.set(fact, (uses.get(fact) ?? new Set()).add(use));
  for (const line of lines) {
    if (!line.criteria) continue;
    walkCriteria(line.criteria, (node, context) => {
      if (context.item) return; // fields of a list item, not top-level facts
      if (node.kind === 'some' || node.kind === 'count')
        add(node.fact, context.negated ? 'requires-absent' : 'requires-present');
      else if (node.kind === 'every') add(node.fact, 'requires-present');
      else if (node.kind === 'compare') {
        const { op, value } = node;
        if (op === 'eq' && typeof value === 'boolean')
          add(node.fact, value !== context.negated ? 'requires-present' : 'requires-absent');
        else add(node.fact, context.negated ? 'requires-absent' : 'requires-present');
      }
    });
  }
  return uses;
}

/** The facts "none of these documented as present" sets, per exclusion group, in catalogue order. */
export function exclusionFacts(
  lines: readonly EvaluablePolicy[],
): Partial<Record<FactGroup, ExclusionFact[]>> {
  const uses = factUses(lines);
  const out: Partial<Record<FactGroup, ExclusionFact[]>> = {};
  for (const key of Object.keys(facts) as FactKey[]) {
    const group = facts[key].group;
    const use = uses.get(key);
    if (!exclusionGroups.includes(group) || !use || use.has('requires-present')) continue;
    const control = factControl(key);
    const absent: AbsentValue | undefined =
      control.kind === 'boolean'
        ? false
        : control.kind === 'list'
          ? []
          : control.kind === 'choice' && control.options.includes('none')
            ? 'none'
            : undefined;
    if (absent === undefined) continue;
    (out[group] ??= []).push({ key, absent });
  }
  return out;
}
