/**
 * Criteria in plain words, generated from the tree so that what the site says a rule is can
 * never drift from what the engine applies: `bmi gt 40` → "BMI > 40 kg/m²".
 */
import { facts, itemFields, type ItemKind } from '../facts/catalog.ts';
import type { CriterionNode } from '../schema/criteria.ts';

interface FieldLike {
  label: string;
  unit?: string;
  item?: ItemKind;
}

const opSymbol: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

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
  if (typeof value === 'number') return unit && !unit.startsWith('points') ? `${value} ${unit}` : String(value);
  if (typeof value === 'string') return value.replace(/-/g, ' ');
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
      if (node.op === 'in') return `${label} is ${joinOr((node.value as unknown[]).map((v) => formatFactValue(v)))}`;
      if (node.op === 'eq') return typeof node.value === 'boolean' ? `${label}: ${formatFactValue(node.value)}` : `${label} is ${formatFactValue(node.value)}`;
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
    case 'all':
      return 'All of';
    case 'any':
      return 'Any of';
    case 'at-least':
      return `At least ${node.min} of`;
    case 'not':
      return 'None of the following / not';
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
      return node.kind === 'some' ? `any of the ${noun} with ${inner}` : `every one of the ${noun} with ${inner}`;
    }
    case 'all':
      return node.children.map((c) => describeTree(c, item)).join(' and ');
    case 'any':
      return `(${node.children.map((c) => describeTree(c, item)).join(' or ')})`;
    case 'at-least':
      return `at least ${node.min} of (${node.children.map((c) => describeTree(c, item)).join('; ')})`;
    case 'not':
      return `not (${describeTree(node.child, item)})`;
  }
}
