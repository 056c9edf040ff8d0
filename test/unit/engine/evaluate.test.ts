/** The evaluator's three-valued logic, table-driven: [tree, facts, expected status]. */
import { describe, expect, it } from 'vitest';
import { evaluateNode } from '../../../src/lib/engine/evaluate.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';

const leaf = (
  id: string,
  fact: string,
  op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'in' | 'present',
  value?: unknown,
) => ({ kind: 'compare', id, label: id, fact, op, value }) as CriterionNode;
const bmi = leaf('bmi', 'bmi', 'gt', 40);
const pregnant = leaf('pregnant', 'pregnant', 'eq', true);
const all = (...children: CriterionNode[]) =>
  ({ kind: 'all', id: 'all', label: 'all', children }) as CriterionNode;
const any = (...children: CriterionNode[]) =>
  ({ kind: 'any', id: 'any', label: 'any', children }) as CriterionNode;
const not = (child: CriterionNode) =>
  ({ kind: 'not', id: 'not', label: 'not', child }) as CriterionNode;
const atLeast = (min: number, ...children: CriterionNode[]) =>
  ({ kind: 'at-least', id: 'al', label: 'al', min, children }) as CriterionNode;
const slip2mm = {
  kind: 'some',
  id: 'slip',
  label: 'slip',
  fact: 'spondylolisthesis',
  where: leaf('mm', 'mm', 'gte', 2),
} as CriterionNode;
const everyFirst = {
  kind: 'every',
  id: 'first',
  label: 'first',
  fact: 'plannedLevels',
  where: leaf('ab', 'ablatedBefore', 'eq', false),
} as CriterionNode;
const upTo4 = {
  kind: 'count',
  id: 'n',
  label: 'n',
  fact: 'plannedLevels',
  op: 'lte',
  value: 4,
} as CriterionNode;
/** Every planned body has a Modic type 1 or 2 change at one of its endplates. */
const modicAtEveryBody = {
  kind: 'every',
  id: 'bodies',
  label: 'bodies',
  fact: 'plannedLevels',
  where: {
    kind: 'match',
    id: 'modic-here',
    label: 'modic here',
    fact: 'modicChanges',
    on: 'level',
    where: leaf('type', 'type', 'in', [1, 2]),
  },
} as CriterionNode;

const cases: [string, CriterionNode, Record<string, unknown>, 'met' | 'failed' | 'undocumented'][] =
  [
    ['gt is strict at the threshold', bmi, { bmi: 40 }, 'failed'],
    ['gt is met just above', bmi, { bmi: 40.1 }, 'met'],
    ['an absent fact is undocumented, not failed', bmi, {}, 'undocumented'],
    ['gte is met at the threshold', leaf('age', 'ageYears', 'gte', 18), { ageYears: 18 }, 'met'],
    ['lt fails at the threshold', leaf('age', 'ageYears', 'lt', 18), { ageYears: 18 }, 'failed'],
    ['lte is met at the threshold', leaf('t', 'tScore', 'lte', -2.5), { tScore: -2.5 }, 'met'],
    [
      'eq false is met by a documented false',
      leaf('imp', 'significantImprovement', 'eq', false),
      { significantImprovement: false },
      'met',
    ],
    ['eq true fails on a documented false', pregnant, { pregnant: false }, 'failed'],
    [
      'in is met by a listed value',
      leaf('sev', 'painSeverity', 'in', ['moderate', 'severe']),
      { painSeverity: 'severe' },
      'met',
    ],
    [
      'in fails on an unlisted value',
      leaf('sev', 'painSeverity', 'in', ['moderate', 'severe']),
      { painSeverity: 'mild' },
      'failed',
    ],
    [
      'present is met by any documented value, even false',
      leaf('p', 'pregnant', 'present'),
      { pregnant: false },
      'met',
    ],
    [
      'present fails on an absent fact (never undocumented)',
      leaf('p', 'pregnant', 'present'),
      {},
      'failed',
    ],
    [
      'all fails when one child fails, even with another undocumented',
      all(bmi, pregnant),
      { bmi: 30 },
      'failed',
    ],
    [
      'all is undocumented when nothing fails and one is open',
      all(leaf('a', 'ageYears', 'gte', 18), pregnant),
      { ageYears: 30 },
      'undocumented',
    ],
    [
      'any is met when one child is met, even with another undocumented',
      any(bmi, pregnant),
      { bmi: 45 },
      'met',
    ],
    [
      'any is undocumented when none is met and one is open',
      any(bmi, pregnant),
      { bmi: 30 },
      'undocumented',
    ],
    [
      'any fails when all children fail',
      any(bmi, pregnant),
      { bmi: 30, pregnant: false },
      'failed',
    ],
    ['not turns met into failed', not(bmi), { bmi: 45 }, 'failed'],
    ['not keeps undocumented undocumented', not(bmi), {}, 'undocumented'],
    [
      'at-least is met once enough are met',
      atLeast(2, bmi, pregnant, leaf('a', 'ageYears', 'gte', 18)),
      { bmi: 45, ageYears: 20 },
      'met',
    ],
    [
      'at-least is undocumented while enough could still be met',
      atLeast(2, bmi, pregnant),
      { bmi: 45 },
      'undocumented',
    ],
    ['at-least fails once too few can be met', atLeast(2, bmi, pregnant), { bmi: 30 }, 'failed'],
    ['some over an undocumented list is undocumented', slip2mm, {}, 'undocumented'],
    [
      'some over an empty list fails (documented none)',
      slip2mm,
      { spondylolisthesis: [] },
      'failed',
    ],
    [
      'some is met by one matching item',
      slip2mm,
      { spondylolisthesis: [{ mm: 1 }, { mm: 2 }] },
      'met',
    ],
    [
      'some is undocumented when an item lacks the field and none matches',
      slip2mm,
      { spondylolisthesis: [{ mm: 1 }, {}] },
      'undocumented',
    ],
    ['every over an empty list is met', everyFirst, { plannedLevels: [] }, 'met'],
    [
      'every fails on one failing item',
      everyFirst,
      { plannedLevels: [{ ablatedBefore: false }, { ablatedBefore: true }] },
      'failed',
    ],
    [
      'every is undocumented on an item without the field',
      everyFirst,
      { plannedLevels: [{ ablatedBefore: false }, {}] },
      'undocumented',
    ],
    ['count compares the list length', upTo4, { plannedLevels: [{}, {}, {}, {}, {}] }, 'failed'],
    ['count over an undocumented list is undocumented', upTo4, {}, 'undocumented'],
    [
      'match is met by an item of the other list at the same level',
      modicAtEveryBody,
      {
        plannedLevels: [{ level: 'L4' }, { level: 'L5' }],
        modicChanges: [
          { level: 'L4', type: 1 },
          { level: 'L5', type: 2 },
        ],
      },
      'met',
    ],
    [
      'match fails for a planned body with no change at it (S1-only Modic, L3 and L4 planned)',
      modicAtEveryBody,
      {
        plannedLevels: [{ level: 'L3' }, { level: 'L4' }],
        modicChanges: [{ level: 'S1', endplate: 'superior', type: 2 }],
      },
      'failed',
    ],
    [
      'match fails when the change at that level is of another type',
      modicAtEveryBody,
      { plannedLevels: [{ level: 'L4' }], modicChanges: [{ level: 'L4', type: 3 }] },
      'failed',
    ],
    [
      'match is undocumented when the other list is undocumented',
      modicAtEveryBody,
      { plannedLevels: [{ level: 'L4' }] },
      'undocumented',
    ],
    [
      'match is undocumented when an item of the other list has no level',
      modicAtEveryBody,
      { plannedLevels: [{ level: 'L4' }], modicChanges: [{ type: 1 }] },
      'undocumented',
    ],
    [
      'match is undocumented when the item itself has no level',
      modicAtEveryBody,
      { plannedLevels: [{}], modicChanges: [{ level: 'L4', type: 1 }] },
      'undocumented',
    ],
  ];

describe('evaluateNode', () => {
  it.each(cases)('%s', (_name, node, facts, status) => {
    expect(evaluateNode(node, facts).status).toBe(status);
  });

  it('records the fact values it used, with list paths', () => {
    const trace = evaluateNode(slip2mm, { spondylolisthesis: [{ mm: 3 }] });
    expect(trace.facts).toEqual([{ path: 'spondylolisthesis', value: [{ mm: 3 }] }]);
    expect(trace.children[0]).toMatchObject({
      item: 0,
      facts: [{ path: 'spondylolisthesis[0].mm', value: 3 }],
    });
  });

  it('marks nodes under a not as exclusions', () => {
    const trace = evaluateNode(not(any(bmi)), { bmi: 45 });
    expect(trace.negated).toBe(false);
    expect(trace.children[0]!.children[0]!.negated).toBe(true);
  });
});
