/**
 * The policies' criteria translated into json-logic-js rules, for the engine benchmark only
 * (scripts/bench-engine.ts), so that the engine's speed can be set beside a well-known rules
 * library on the same rules. Nothing else uses these rules.
 *
 * json-logic is two-valued: it has no "undocumented". An undocumented fact is what json-logic's
 * `var` returns for a missing key, `null`, and each operator then does what JavaScript does with
 * null: a comparison of order reads it as 0 (`null < 18` is true, `null >= 18` false), equality
 * and `in` are false, `!!` (our `present`) is false, a count reads `null.length` as null (so as 0),
 * `some` of no list is false and `none` of no list is true. The translation is faithful wherever
 * the interpreter's answer is met or failed for a fully documented patient; where it answers
 * "undocumented", json-logic answers true or false, and the benchmark says how often they agree.
 */
import type { EvaluablePolicy } from '../../src/lib/engine/types.ts';
import type { CriterionNode } from '../../src/lib/schema/criteria.ts';
import { unreachable } from '../../src/lib/unreachable.ts';

/** A json-logic rule: plain data. */
export type JsonLogicRule = boolean | number | string | null | JsonLogicRule[] | RuleObject;
interface RuleObject {
  [operator: string]: JsonLogicRule;
}

const symbol = { gte: '>=', gt: '>', lte: '<=', lt: '<', eq: '===' } as const;

/** One criteria tree as a json-logic rule (true where the tree is met). */
export function jsonLogicRule(node: CriterionNode): JsonLogicRule {
  switch (node.kind) {
    case 'compare': {
      const value = { var: node.fact };
      if (node.op === 'present') return { '!!': [value] };
      if (node.op === 'in') return { in: [value, node.value as JsonLogicRule[]] };
      return { [symbol[node.op]]: [value, node.value as number | string | boolean] };
    }
    case 'count':
      return { [symbol[node.op]]: [{ var: `${node.fact}.length` }, node.value] };
    case 'some':
      return { some: [{ var: node.fact }, jsonLogicRule(node.where)] };
    case 'every':
      // json-logic's `all` is false for an empty list; `every` holds for one, as `none … not` does.
      return { none: [{ var: node.fact }, { '!': [jsonLogicRule(node.where)] }] };
    case 'all':
      return { and: node.children.map(jsonLogicRule) };
    case 'any':
      return { or: node.children.map(jsonLogicRule) };
    case 'at-least':
      return {
        '>=': [{ '+': node.children.map((c) => ({ if: [jsonLogicRule(c), 1, 0] })) }, node.min],
      };
    case 'not':
      return { '!': [jsonLogicRule(node.child)] };
    case 'match':
      // Only billing notes and cautions use match, and they never decide an outcome.
      throw new Error(`json-logic-rules: ${node.id}: match is not translated`);
    default:
      return unreachable(node, 'criterion node');
  }
}

/**
 * The rule that decides a line: its own criteria; the named LCD's; for a line that picks an LCD
 * by state, `if` the state is in an LCD's list that LCD's rule, else its own; false for a line
 * that never pays; true for a line with only non-public criteria.
 */
export function lineRule(
  line: EvaluablePolicy,
  byId: ReadonlyMap<string, EvaluablePolicy>,
): JsonLogicRule {
  switch (line.position) {
    case 'not-medically-necessary':
    case 'experimental-investigational':
    case 'not-payable':
      return false;
    case 'covered-with-criteria':
    case 'defers-to-non-public':
      return line.criteria ? jsonLogicRule(line.criteria) : true;
    case 'defers-to-lcd': {
      const lcd = line.lcd!;
      const ruleOf = (id: string) => lineRule(byId.get(id)!, byId);
      if (lcd.choose === 'named') return ruleOf(lcd.candidates[0]!.id);
      const own = line.criteria ? jsonLogicRule(line.criteria) : true;
      const branches = lcd.candidates
        .filter((c) => c.states.length > 0)
        .flatMap((c) => [{ in: [{ var: 'state' }, [...c.states]] }, ruleOf(c.id)]);
      return { if: [...branches, own] };
    }
    default:
      return unreachable(line.position, 'position');
  }
}
