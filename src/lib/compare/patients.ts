/**
 * Example patients: describing a set of facts in words, and completing a baseline patient so that
 * every rule of the policies being compared is documented and passed, except the one in question.
 * Values are chosen from the same candidates the comparison uses (thresholds, enum values,
 * booleans), by asking the engine which one lets the other rules through.
 */
import { evaluateNode } from '../engine/evaluate.ts';
import { factsIn } from '../engine/findings.ts';
import type { EvaluablePolicy, TraceNode } from '../engine/types.ts';
import { facts as catalogue, itemFields, type ItemKind } from '../facts/catalog.ts';
import { implicationContradictions } from '../facts/implications.ts';
import type { PatientFacts } from '../facts/schema.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import { sentenceLabel, formatFactValue } from '../criteria/describe.ts';
import { pointFacts, pointSpace } from './points.ts';
import { unreachable } from '../unreachable.ts';

type Facts = Record<string, unknown>;

/** Every criteria tree that can decide a line's outcome: its own, and those of the LCDs it may apply. */
export function decidingTrees(
  line: EvaluablePolicy,
  byId: ReadonlyMap<string, EvaluablePolicy>,
): CriterionNode[] {
  const trees: CriterionNode[] = [];
  if (line.criteria) trees.push(line.criteria);
  for (const candidate of line.lcd?.candidates ?? []) {
    const lcd = byId.get(candidate.id);
    if (lcd) trees.push(...decidingTrees(lcd, byId));
  }
  return trees;
}

/** Concept-bearing trace nodes that do not let the patient through, outside the concept being studied. */
function blocking(
  trace: TraceNode,
  except: string | undefined,
  out: TraceNode[] = [],
): TraceNode[] {
  if (trace.concept && trace.concept !== except) {
    const passes = trace.negated ? trace.status === 'failed' : trace.status === 'met';
    if (!passes) out.push(trace);
  }
  for (const child of trace.children) blocking(child, except, out);
  return out;
}

/**
 * How badly the rules (other than `except`) block the patient across the trees: a rule that
 * fails weighs far more than one left undecided, and an undecided rule weighs more the more
 * facts it still lacks, so that filling one of two missing facts counts as progress.
 */
function blockingCount(trees: readonly CriterionNode[], facts: Facts, except?: string): number {
  let score = 0;
  for (const tree of trees)
    for (const node of blocking(evaluateNode(tree, facts), except)) {
      const decided = node.status !== 'undocumented';
      score += decided ? 100 : 1 + factsIn(node).filter((f) => f.value === undefined).length;
    }
  return score;
}

/** `spondylolisthesis[0].mm` → `spondylolisthesis[].mm`. */
const genericPath = (path: string) => path.replace(/\[\d+\]/, '[]');

/** Sets a fact path (`bmi`, or `list[2].field`) on a copy of `facts`. */
function withValue(facts: Facts, path: string, value: unknown): Facts {
  const match = /^(\w+)(?:\[(\d+)\]\.(\w+))?$/.exec(path);
  if (!match) return facts;
  const [, fact, index, field] = match;
  if (index === undefined) return { ...facts, [fact!]: value };
  const list = [...((facts[fact!] as Facts[] | undefined) ?? [])];
  list[Number(index)] = { ...list[Number(index)], [field!]: value };
  return { ...facts, [fact!]: list };
}

/** The parts of the trees that read a path: comparisons of a fact, or of a field inside a list's items, or the list's quantifiers. */
function readersOf(trees: readonly CriterionNode[], fact: string, field?: string): CriterionNode[] {
  const found: CriterionNode[] = [];
  const visit = (node: CriterionNode, list?: string) => {
    switch (node.kind) {
      case 'compare':
        if (
          field === undefined
            ? list === undefined && node.fact === fact
            : list === fact && node.fact === field
        )
          found.push(
            field === undefined
              ? node
              : { kind: 'some', id: `${node.id}-item`, label: node.label, fact, where: node },
          );
        return;
      case 'count':
        if (field === undefined && list === undefined && node.fact === fact) found.push(node);
        return;
      case 'some':
      case 'every':
        if (field === undefined && list === undefined && node.fact === fact) found.push(node);
        return visit(node.where, node.fact);
      case 'not':
        return visit(node.child, list);
      case 'match':
        // Only in advisory conditions, never in the criteria examples are built from.
        return;
      case 'all':
      case 'any':
      case 'at-least':
        return node.children.forEach((c) => visit(c, list));
      default:
        return unreachable(node, 'criterion node');
    }
  };
  trees.forEach((t) => visit(t));
  return found;
}

/** Candidate values for a path, from the rules that read it. */
function candidatesFor(path: string, trees: readonly CriterionNode[]): unknown[] {
  const match = /^(\w+)(?:\[\d+\]\.(\w+))?$/.exec(path);
  if (!match) return [];
  const [, fact, field] = match;
  const space = pointSpace(readersOf(trees, fact!, field));
  if (field === undefined) {
    const scalar = space.coordinates.find((c) => c.kind === 'scalar' && c.fact === fact);
    if (scalar) return scalar.values.slice(1);
    const shape = space.coordinates.findIndex((c) => c.kind === 'shape' && c.fact === fact);
    if (shape < 0) return [];
    // Lists: the empty list first, then single items built from the rules' candidates.
    return space.points
      .filter((p) => p[shape] !== 0)
      .map((p) => pointFacts(space, p)[fact!])
      .slice(0, 200);
  }
  const coordinate = space.coordinates.find(
    (c) => c.kind === 'field' && c.fact === fact && c.field === field && c.slot === 0,
  );
  // Every enum value, not one per group, so that added list items can differ from one another.
  if (coordinate?.domain?.type === 'enum' && coordinate.domain.values)
    return [...coordinate.domain.values];
  return coordinate ? coordinate.values.slice(1) : [];
}

/** Values the other items of the same list already use for a field (so that added items differ: L3, L4, L5 rather than L3 three times). */
function siblingValues(facts: Facts, path: string): unknown[] {
  const match = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
  if (!match) return [];
  const list = (facts[match[1]!] as Facts[] | undefined) ?? [];
  return list.filter((_, i) => i !== Number(match[2])).map((item) => item?.[match[3]!]);
}

export interface Completion {
  facts: PatientFacts;
  /** Facts set to make every rule decidable and passed, in the order they were set. */
  added: { path: string; value: unknown }[];
}

/**
 * Fills facts the trees need but `facts` leaves undocumented (or, for `frozen` paths, leaves
 * alone), each with the candidate value that lets the most rules through and contradicts no
 * documented fact. Rules of `except` are ignored, so the example still shows that rule's effect.
 */
export function completeFacts(
  facts: PatientFacts,
  trees: readonly CriterionNode[],
  options: { except?: string; frozen?: ReadonlySet<string> } = {},
): Completion {
  let current = { ...facts } as Facts;
  const added: Completion['added'] = [];
  const skip = new Set<string>(options.frozen);
  for (let round = 0; round < 40; round++) {
    const open = trees
      .flatMap((tree) => blocking(evaluateNode(tree, current), options.except))
      .flatMap((node) => factsIn(node))
      .filter((f) => f.value === undefined && !skip.has(genericPath(f.path)) && !skip.has(f.path))
      .map((f) => f.path);
    const path = open[0];
    if (path === undefined) break;
    const before = blockingCount(trees, current, options.except);
    let best: { value: unknown; score: number } | undefined;
    const used = siblingValues(current, path);
    for (const value of candidatesFor(path, trees)) {
      // Never a value that contradicts a documented fact (radicular pain "no" beside a predominant radicular pattern).
      if (implicationContradictions(withValue(current, path, value)).length > 0) continue;
      const score =
        blockingCount(trees, withValue(current, path, value), options.except) +
        (used.includes(value) ? 0.01 : 0);
      if (!best || score < best.score) best = { value, score };
    }
    if (best && best.score < before) {
      current = withValue(current, path, best.value);
      added.push({ path, value: best.value });
    } else skip.add(path);
  }
  return { facts: current, added };
}

interface Labelled {
  label: string;
  unit?: string;
  item?: ItemKind;
}

/** One value in words with its label: "age 18 years", "correlates with the predominant complaint", "kind: protrusion". */
export function valueWords(label: string, value: unknown, unit?: string): string {
  const name = sentenceLabel(label);
  if (value === undefined) return `${name} undocumented`;
  if (value === true) return name;
  if (value === false) return `${name}: no`;
  if (typeof value === 'number') return `${name} ${formatFactValue(value, unit)}`;
  return `${name}: ${typeof value === 'string' && /^[A-Z]\d/.test(value) ? value : formatFactValue(value)}`;
}

/** A fact (top-level key and value) in words, lists item by item. */
export function factWords(fact: string, value: unknown): string {
  const info = (catalogue as Record<string, Labelled>)[fact];
  if (!info) return `${fact}: ${JSON.stringify(value)}`;
  if (!Array.isArray(value)) return valueWords(info.label, value, info.unit);
  const name = sentenceLabel(info.label);
  if (value.length === 0) return `no ${name}`;
  const fields = info.item ? (itemFields[info.item] as Record<string, Labelled>) : {};
  const items = value.map((item: Facts) => {
    const parts = Object.entries(item).map(([k, v]) =>
      valueWords(fields[k]?.label ?? k, v, fields[k]?.unit),
    );
    return parts.length ? parts.join(', ') : 'details undocumented';
  });
  return value.length === 1
    ? `${name} (${items[0]})`
    : `${value.length} ${name} (${items.join('; ')})`;
}

/** Several facts in words, in catalogue order. */
export function describeFacts(facts: Facts): string {
  const order = Object.keys(catalogue);
  return Object.keys(facts)
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((k) => factWords(k, facts[k]))
    .join('; ');
}
