/**
 * Criteria in plain words, generated from the tree so that what the site says a rule is can
 * never drift from what the engine applies: `bmi gt 40` → "BMI > 40 kg/m²".
 */
import { facts, itemFields, type ItemKind } from '../facts/catalog.ts';
import type { CountOp, CriterionNode } from '../schema/criteria.ts';
import { unreachable } from '../unreachable.ts';

interface FieldLike {
  label: string;
  unit?: string;
  item?: ItemKind;
}

const opSymbol: Record<CountOp, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** The catalogue entry of a fact, at the top level or inside a list item. */
export function fieldInfo(fact: string, item?: ItemKind): FieldLike | undefined {
  return item
    ? (itemFields[item] as Record<string, FieldLike>)[fact]
    : (facts as Record<string, FieldLike>)[fact];
}

/** A value as words: booleans as yes/no, enum ids with spaces, numbers with their unit. */
export function formatFactValue(value: unknown, unit?: string): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  // A true minus sign (U+2212) for negative numbers: "−2.5", as the policies print it.
  if (typeof value === 'number') {
    const n = value < 0 ? `−${-value}` : String(value);
    return unit && !unit.startsWith('points') ? `${n} ${unit}` : n;
  }
  // Option ids such as `local-mild-sedation` read as words; values such as `L3-L4` keep their hyphen.
  if (typeof value === 'string')
    return /^[a-z]+(-[a-z]+)+$/.test(value) ? value.replace(/-/g, ' ') : value;
  return JSON.stringify(value);
}

function joinOr(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** The rule a node applies, in words (one line; children are described separately). */
export function describeRule(node: CriterionNode, item?: ItemKind): string {
  switch (node.kind) {
    case 'compare': {
      const field = fieldInfo(node.fact, item);
      const label = field?.label ?? node.fact;
      if (node.op === 'present') return `${label} is documented`;
      if (node.op === 'in')
        return `${label} is ${joinOr((node.value as unknown[]).map((v) => formatFactValue(v)))}`;
      if (node.op === 'eq')
        return typeof node.value === 'boolean'
          ? `${label}: ${formatFactValue(node.value)}`
          : `${label} is ${formatFactValue(node.value)}`;
      return `${label} ${opSymbol[node.op]} ${formatFactValue(node.value, field?.unit)}`;
    }
    case 'count': {
      const label = fieldInfo(node.fact, item)?.label ?? node.fact;
      return `Number of ${label.toLowerCase()} ${opSymbol[node.op]} ${node.value}`;
    }
    case 'some':
      return `At least one of the ${(fieldInfo(node.fact, item)?.label ?? node.fact).toLowerCase()} matches`;
    case 'every':
      return `Every one of the ${(fieldInfo(node.fact, item)?.label ?? node.fact).toLowerCase()} matches`;
    case 'match':
      return `One of the ${sentenceLabel(fieldInfo(node.fact)?.label ?? node.fact)} has the same ${sentenceLabel(fieldInfo(node.on, item)?.label ?? node.on)}${node.where ? ' and matches' : ''}`;
    case 'all':
      return 'All of';
    case 'any':
      return 'Any of';
    case 'at-least':
      return `At least ${node.min} of`;
    case 'not':
      return 'None of the following / not';
    default:
      return unreachable(node, 'criterion node');
  }
}

/**
 * A whole subtree in one sentence, for matrix cells and diffs:
 * "Spondylolisthesis: slip ≥ 2 mm and correlates with the predominant complaint: yes".
 */
export function describeTree(node: CriterionNode, item?: ItemKind): string {
  switch (node.kind) {
    case 'compare':
    case 'count':
      return describeRule(node, item);
    case 'some':
    case 'every': {
      const field = fieldInfo(node.fact, item);
      const inner = describeTree(node.where, field?.item);
      const noun = (field?.label ?? node.fact).toLowerCase();
      return node.kind === 'some'
        ? `any of the ${noun} with ${inner}`
        : `every one of the ${noun} with ${inner}`;
    }
    case 'match': {
      const list = fieldInfo(node.fact);
      const same = (fieldInfo(node.on, item)?.label ?? node.on).toLowerCase();
      const inner = node.where ? ` with ${describeTree(node.where, list?.item)}` : '';
      return `one of the ${sentenceLabel(list?.label ?? node.fact)} at the same ${same}${inner}`;
    }
    case 'all':
      return node.children.map((c) => describeTree(c, item)).join(' and ');
    case 'any':
      return `(${node.children.map((c) => describeTree(c, item)).join(' or ')})`;
    case 'at-least':
      return `at least ${node.min} of (${node.children.map((c) => describeTree(c, item)).join('; ')})`;
    case 'not':
      return `not (${describeTree(node.child, item)})`;
    default:
      return unreachable(node, 'criterion node');
  }
}

/** Optional catalogue order of a field's values, used to shorten long runs ("L3 to S1"). */
export type ValueOrder = (
  fact: string,
  item?: ItemKind,
) => readonly (string | number)[] | undefined;

/** Proper names and abbreviations that keep their capital inside a sentence. */
const keepsCapital = /^(Modic|DEXA|BMI|MRI|ODI|[A-Z]{2,})\b/;

/** A catalogue label for use inside a sentence: "Slip" → "slip", "BMI" stays "BMI". */
export function sentenceLabel(label: string): string {
  return keepsCapital.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** Values joined with "or"; four or more consecutive values in catalogue order become a range ("L3 to S1"). */
export function describeValues(
  values: readonly unknown[],
  order?: readonly (string | number)[],
): string {
  // formatFactValue keeps codes such as L3-L4 and reads other enum ids as words.
  const words = (v: unknown) => formatFactValue(v);
  if (order && values.length >= 4) {
    const indices = values.map((v) => order.indexOf(v as string | number)).sort((a, b) => a - b);
    const contiguous = indices.every((i, k) => i >= 0 && (k === 0 || i === indices[k - 1]! + 1));
    if (contiguous) return `${words(order[indices[0]!])} to ${words(order[indices.at(-1)!])}`;
  }
  return joinOr(values.map(words));
}

/**
 * A condition in sentence words, for matrix cells and differences: `mm gte 2` inside a
 * spondylolisthesis item → "slip ≥ 2 mm"; `some` → "any spondylolisthesis: …"; a negated child of
 * `all` → ", unless …".
 */
export function describeCondition(
  node: CriterionNode,
  item?: ItemKind,
  order?: ValueOrder,
): string {
  const label = (fact: string) => sentenceLabel(fieldInfo(fact, item)?.label ?? fact);
  switch (node.kind) {
    case 'compare': {
      const field = fieldInfo(node.fact, item);
      const name = label(node.fact);
      if (node.op === 'present') return `${name} documented`;
      if (node.op === 'in')
        return `${name}: ${describeValues(node.value as unknown[], order?.(node.fact, item))}`;
      if (node.op === 'eq') {
        if (node.value === true) return name;
        if (node.value === false) return `${name}: no`;
        return `${name}: ${typeof node.value === 'number' ? formatFactValue(node.value, field?.unit) : describeValues([node.value])}`;
      }
      return `${name} ${opSymbol[node.op]} ${formatFactValue(node.value, field?.unit)}`;
    }
    case 'count': {
      const name = label(node.fact);
      if ((node.op === 'gte' && node.value === 1) || (node.op === 'gt' && node.value === 0))
        return `any ${name}`;
      if ((node.op === 'lt' && node.value === 1) || (node.op === 'eq' && node.value === 0))
        return `no ${name}`;
      return `number of ${name} ${opSymbol[node.op]} ${node.value}`;
    }
    case 'some':
    case 'every': {
      const field = fieldInfo(node.fact, item);
      const inner = describeCondition(node.where, field?.item, order);
      return `${node.kind === 'some' ? 'any' : 'all'} ${label(node.fact)}: ${inner}`;
    }
    case 'match': {
      const list = fieldInfo(node.fact);
      const same = sentenceLabel(fieldInfo(node.on, item)?.label ?? node.on);
      const inner = node.where ? `: ${describeCondition(node.where, list?.item, order)}` : '';
      return `${sentenceLabel(list?.label ?? node.fact)} at the same ${same}${inner}`;
    }
    case 'all': {
      const positive = node.children.filter((c) => c.kind !== 'not');
      const negative = node.children.filter(
        (c): c is Extract<CriterionNode, { kind: 'not' }> => c.kind === 'not',
      );
      const wrap = (c: CriterionNode) =>
        c.kind === 'any' && c.children.length > 1
          ? `(${describeCondition(c, item, order)})`
          : describeCondition(c, item, order);
      if (positive.length === 0)
        return negative.map((c) => describeCondition(c, item, order)).join(' and ');
      const head = positive.map(wrap).join(' and ');
      return negative.length
        ? `${head}, unless ${negative.map((c) => wrap(c.child)).join(' and ')}`
        : head;
    }
    case 'any':
      return node.children
        .map((c) =>
          c.kind === 'all' && c.children.length > 1
            ? `(${describeCondition(c, item, order)})`
            : describeCondition(c, item, order),
        )
        .join(' or ');
    case 'at-least':
      return `at least ${node.min} of: ${node.children.map((c) => describeCondition(c, item, order)).join('; ')}`;
    case 'not': {
      const child = node.child;
      if (child.kind === 'compare' && child.op === 'in') {
        const values = describeValues(child.value as unknown[], order?.(child.fact, item));
        return `${label(child.fact)} ${values.includes(' to ') ? 'outside' : 'not'} ${values}`;
      }
      if (child.kind === 'compare' && child.op === 'eq' && child.value === true)
        return `${label(child.fact)}: no`;
      return `not (${describeCondition(child, item, order)})`;
    }
    default:
      return unreachable(node, 'criterion node');
  }
}

/** A rule with its polarity: "Requires age ≥ 18 years", "Excludes BMI > 40 kg/m²". */
export function describeWithPolarity(
  node: CriterionNode,
  negated: boolean,
  item?: ItemKind,
  order?: ValueOrder,
): string {
  return `${negated ? 'Excludes' : 'Requires'} ${describeCondition(node, item, order)}`;
}
