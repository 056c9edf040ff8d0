/**
 * The compiled evaluator (src/lib/engine/compiled.ts) answers exactly as the traced interpreter
 * (evaluate.ts) does, on every sampled point:
 *  - every policy line's outcome, current and superseded, for random valid patients, patients near
 *    the baseline, and the baseline with each policy threshold set at, just below and just above
 *    its value or with the fact left undocumented;
 *  - every subtree of every line's criteria and every billing note's condition that reads the
 *    patient's top level (subtrees inside a list are held to it through the list node above them);
 *  - random trees of every node kind and operator over facts whose values sit on the thresholds,
 *    are of the wrong type or are undocumented (the content does not use every kind everywhere).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateNode, evaluatePolicy } from '../../../src/lib/engine/evaluate.ts';
import { compileLines, nodeStatus } from '../../../src/lib/engine/compiled.ts';
import { walkCriteria } from '../../../src/lib/criteria/walk.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';
import type { PatientFacts } from '../../../src/lib/facts/schema.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { arbitraryFacts, arbitraryNear } from '../../../scripts/lib/arbitrary-facts.ts';
import { loadContent, baseline } from '../../helpers/content.ts';

type Facts = Record<string, unknown>;

let lines: EvaluablePolicy[];
let byId: Map<string, EvaluablePolicy>;
beforeAll(async () => ({ lines, byId } = await loadContent()));

/** Every tree and subtree read at a patient's top level (not inside a list item). */
function topLevelTrees(line: EvaluablePolicy): CriterionNode[] {
  const out: CriterionNode[] = [];
  const roots = [
    ...(line.criteria ? [line.criteria] : []),
    ...line.advisories.map((a) => a.condition),
  ];
  for (const root of roots) walkCriteria(root, (node, ctx) => void (ctx.item ? 0 : out.push(node)));
  return out;
}

/** The baseline with one top-level threshold at, just below and just above its value, or undocumented. */
function boundaryPatients(): Facts[] {
  const out: Facts[] = [];
  const seen = new Set<string>();
  for (const line of lines)
    for (const node of topLevelTrees(line)) {
      if (node.kind !== 'compare') continue;
      const values =
        typeof node.value === 'number'
          ? [0, -1, 1, -0.1, 0.1].map((d) => (node.value as number) + d)
          : Array.isArray(node.value)
            ? node.value
            : [node.value];
      for (const value of [...values, undefined]) {
        const key = `${node.fact}=${String(value)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const facts: Facts = { ...baseline(), [node.fact]: value };
        if (value === undefined) delete facts[node.fact];
        out.push(facts);
      }
    }
  return out;
}

describe('the compiled evaluator on the policy lines', () => {
  const patients = fc.oneof(arbitraryFacts, arbitraryNear(baseline()));

  it('gives every line’s outcome as evaluatePolicy does, for random patients', () => {
    const compiled = compileLines(byId);
    fc.assert(
      fc.property(patients, (facts) => {
        for (const line of lines)
          expect([line.id, compiled.outcome(line.id, facts)]).toEqual([
            line.id,
            evaluatePolicy(line, facts, { policies: byId }).outcome,
          ]);
      }),
      { numRuns: 1000, seed: 14 },
    );
  });

  it('gives every line’s outcome as evaluatePolicy does at each threshold and with it undocumented', () => {
    const compiled = compileLines(byId);
    const points = boundaryPatients();
    expect(points.length).toBeGreaterThan(20);
    for (const facts of points)
      for (const line of lines)
        expect([line.id, facts, compiled.outcome(line.id, facts as PatientFacts)]).toEqual([
          line.id,
          facts,
          evaluatePolicy(line, facts as PatientFacts, { policies: byId }).outcome,
        ]);
  });

  it('gives every top-level subtree’s status as evaluateNode does, on the recorded facts', () => {
    const trees = lines.flatMap(topLevelTrees);
    expect(new Set(trees.map((t) => t.kind))).toEqual(
      new Set(['all', 'any', 'at-least', 'not', 'compare', 'count', 'some', 'every']),
    );
    fc.assert(
      fc.property(patients, (facts) => {
        for (const tree of trees) {
          expect([tree.id, nodeStatus(tree, facts)]).toEqual([
            tree.id,
            evaluateNode(tree, facts).status,
          ]);
        }
      }),
      { numRuns: 300, seed: 1414 },
    );
  });

  it('throws naming both lines when a line defers to one it was not given', () => {
    const lcdLine = lines.find((l) => l.position === 'defers-to-lcd')!;
    const alone = compileLines(new Map([[lcdLine.id, lcdLine]]));
    expect(() => alone.outcome(lcdLine.id, { ...baseline(), state: undefined })).toThrow(
      new RegExp(`${lcdLine.id} defers to .*not among the policies given`),
    );
  });
});

// Random trees over a small vocabulary: `n` a number, `s` a string, `b` a boolean, facts an
// implication links (whose values are filled in before either evaluator reads a patient's facts),
// and two lists whose items have a `level` and a `mm`/`type`.
const thresholds = [0, 1, 2, 2.5];
const numberValue = fc.constantFrom(undefined, -1, 0, 0.5, 1, 2, 2.4, 2.5, 2.6, 3, 'x');
const stringValue = fc.constantFrom(undefined, 'p', 'q', 'r', 3);
const boolValue = fc.constantFrom(undefined, true, false, 'yes');
const levelValue = fc.constantFrom(undefined, 'L3', 'L4', 'L5');
const scalars = {
  top: {
    n: 'number',
    s: 'string',
    b: 'boolean',
    radicularPain: 'boolean',
    cognitiveTherapy: 'therapy',
    cognitiveTherapySessions: 'number',
  },
  levels: { level: 'level', mm: 'number' },
  modic: { level: 'level', type: 'string' },
} as const;
type Scope = keyof typeof scalars;
type Kind = 'number' | 'string' | 'boolean' | 'therapy' | 'level';
const sample: Record<Kind, unknown[]> = {
  number: thresholds,
  string: ['p', 'q', 'r'],
  boolean: [true, false],
  therapy: ['tried', 'not-tried', 'contraindicated'],
  level: ['L3', 'L4', 'L5'],
};

let nextId = 0;
const node = (fields: Facts) =>
  ({ id: `n${nextId++}`, label: 'node', ...fields }) as unknown as CriterionNode;

function compareNode(scope: Scope): fc.Arbitrary<CriterionNode> {
  const facts = Object.entries(scalars[scope]) as [string, Kind][];
  return fc.constantFrom(...facts).chain(([fact, kind]) => {
    const ops =
      kind === 'number'
        ? ['present', 'eq', 'in', 'gte', 'gt', 'lte', 'lt']
        : ['present', 'eq', 'in'];
    return fc
      .constantFrom(...ops)
      .chain((op) =>
        (op === 'in'
          ? fc.subarray(sample[kind], { minLength: 1 })
          : op === 'present'
            ? fc.constant(undefined)
            : fc.constantFrom(...sample[kind])
        ).map((value) => node({ kind: 'compare', fact, op, value })),
      );
  });
}

function treeIn(scope: Scope, depth: number): fc.Arbitrary<CriterionNode> {
  const leaves: fc.Arbitrary<CriterionNode>[] = [compareNode(scope)];
  if (scope === 'top')
    leaves.push(
      fc
        .record({
          fact: fc.constantFrom('levels', 'modic'),
          op: fc.constantFrom('gte', 'gt', 'lte', 'lt', 'eq'),
          value: fc.integer({ min: 0, max: 3 }),
        })
        .map((f) => node({ kind: 'count', ...f })),
    );
  if (scope === 'levels')
    leaves.push(
      fc
        .option(depth > 0 ? treeIn('modic', depth - 1) : compareNode('modic'), { nil: undefined })
        .map((where) =>
          node({ kind: 'match', fact: 'modic', on: 'level', ...(where ? { where } : {}) }),
        ),
    );
  if (depth === 0) return fc.oneof(...leaves);
  const child = treeIn(scope, depth - 1);
  const branches: fc.Arbitrary<CriterionNode>[] = [
    fc
      .constantFrom('all', 'any')
      .chain((kind) =>
        fc.array(child, { minLength: 1, maxLength: 3 }).map((children) => node({ kind, children })),
      ),
    fc
      .array(child, { minLength: 1, maxLength: 4 })
      .chain((children) =>
        fc
          .integer({ min: 1, max: children.length })
          .map((min) => node({ kind: 'at-least', min, children })),
      ),
    child.map((c) => node({ kind: 'not', child: c })),
  ];
  if (scope === 'top')
    branches.push(
      fc
        .constantFrom('some', 'every')
        .chain((kind) =>
          fc
            .constantFrom('levels', 'modic')
            .chain((fact) =>
              treeIn(fact as Scope, depth - 1).map((where) => node({ kind, fact, where })),
            ),
        ),
    );
  return fc.oneof(...leaves, ...branches);
}

const item = (scope: 'levels' | 'modic'): fc.Arbitrary<Facts> =>
  scope === 'levels'
    ? fc.record({ level: levelValue, mm: numberValue }, { requiredKeys: [] })
    : fc.record({ level: levelValue, type: stringValue }, { requiredKeys: [] });
const record = fc.record(
  {
    n: numberValue,
    s: stringValue,
    b: boolValue,
    predominantPain: fc.constantFrom(undefined, 'radicular', 'axial'),
    radicularPain: boolValue,
    cognitiveTherapy: fc.constantFrom(undefined, ...sample.therapy),
    cognitiveTherapySessions: fc.constantFrom(undefined, 0, 1, 2),
    levels: fc.option(fc.array(item('levels'), { maxLength: 3 }), { nil: undefined }),
    modic: fc.option(fc.array(item('modic'), { maxLength: 3 }), { nil: undefined }),
  },
  { requiredKeys: [] },
);

describe('the compiled evaluator on random trees of every node kind', () => {
  it('gives the status evaluateNode gives, on the recorded facts', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(
        treeIn('top', 3),
        fc.array(record, { minLength: 1, maxLength: 8 }),
        (tree, records) => {
          walkCriteria(tree, (n) => void kinds.add(n.kind));
          for (const facts of records) {
            expect(nodeStatus(tree, facts)).toBe(evaluateNode(tree, facts).status);
          }
        },
      ),
      { numRuns: 3000, seed: 141414 },
    );
    expect(kinds).toEqual(
      new Set(['all', 'any', 'at-least', 'not', 'compare', 'count', 'some', 'every', 'match']),
    );
  });
});
