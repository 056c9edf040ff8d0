/** Rules are compared by behaviour: equivalent ways of writing a rule are the same, any real difference is found. */
import { describe, expect, it } from 'vitest';
import { groupRules, sameRule } from '../../../src/lib/compare/equivalence.ts';
import { enumRepresentatives, numericCandidates } from '../../../src/lib/compare/points.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';

const base = { id: 'x', label: 'x' };
const cmp = (fact: string, op: string, value?: unknown): CriterionNode =>
  ({ ...base, kind: 'compare', fact, op, value }) as CriterionNode;
const not = (child: CriterionNode): CriterionNode => ({ ...base, kind: 'not', child });
const some = (fact: string, where: CriterionNode): CriterionNode => ({
  ...base,
  kind: 'some',
  fact,
  where,
});
const every = (fact: string, where: CriterionNode): CriterionNode => ({
  ...base,
  kind: 'every',
  fact,
  where,
});
const all = (...children: CriterionNode[]): CriterionNode => ({ ...base, kind: 'all', children });
const count = (fact: string, op: string, value: number): CriterionNode =>
  ({ ...base, kind: 'count', fact, op, value }) as CriterionNode;
const l3s1 = ['L3', 'L4', 'L5', 'S1'];

const cases: [string, CriterionNode, CriterionNode, boolean][] = [
  [
    '“requires ≥ 18” and “excludes < 18”',
    cmp('ageYears', 'gte', 18),
    not(cmp('ageYears', 'lt', 18)),
    true,
  ],
  ['age ≥ 18 and age ≥ 25', cmp('ageYears', 'gte', 18), cmp('ageYears', 'gte', 25), false],
  [
    'slip ≥ 2 mm and slip > 2 mm',
    not(some('spondylolisthesis', cmp('mm', 'gte', 2))),
    not(some('spondylolisthesis', cmp('mm', 'gt', 2))),
    false,
  ],
  [
    'every body in L3–S1 and no body outside L3–S1',
    every('plannedLevels', cmp('level', 'in', l3s1)),
    not(some('plannedLevels', not(cmp('level', 'in', l3s1)))),
    true,
  ],
  [
    '“any spondylolysis” as a count and as some(true-ish)',
    not(count('spondylolysis', 'gte', 1)),
    not(count('spondylolysis', 'gt', 0)),
    true,
  ],
  [
    'spondylolysis at L3–S1 and at any level',
    not(some('spondylolysis', cmp('level', 'in', l3s1))),
    not(count('spondylolysis', 'gte', 1)),
    false,
  ],
  [
    'a rule stated twice and once',
    all(cmp('bmi', 'lte', 40), not(cmp('bmi', 'gt', 40))),
    not(cmp('bmi', 'gt', 40)),
    true,
  ],
  [
    'BMI > 40 excluded and BMI ≤ 40 required (undocumented either way when BMI is missing)',
    not(cmp('bmi', 'gt', 40)),
    cmp('bmi', 'lte', 40),
    true,
  ],
  [
    '“no significant improvement” as eq false and as not eq true (differ when undocumented? no: both undocumented)',
    cmp('significantImprovement', 'eq', false),
    not(cmp('significantImprovement', 'eq', true)),
    true,
  ],
  [
    '≤ 4 bodies and ≤ 3 bodies',
    count('plannedLevels', 'lte', 4),
    count('plannedLevels', 'lte', 3),
    false,
  ],
  [
    'some and every over the same item rule (they differ on an empty list)',
    some('plannedLevels', cmp('ablatedBefore', 'eq', false)),
    every('plannedLevels', cmp('ablatedBefore', 'eq', false)),
    false,
  ],
];

describe('sameRule', () => {
  it.each(cases)('%s → same: %s', (_name, a, b, same) => {
    expect(sameRule(a, b)).toBe(same);
  });

  it('finds two conditions on one list that only two different items can tell apart', () => {
    const separate = all(
      some('spondylolisthesis', cmp('mm', 'gte', 2)),
      some('spondylolisthesis', cmp('correlates', 'eq', true)),
    );
    const together = some(
      'spondylolisthesis',
      all(cmp('mm', 'gte', 2), cmp('correlates', 'eq', true)),
    );
    expect(sameRule(separate, together)).toBe(false);
  });

  it('groups several rules into variants in order of first appearance', () => {
    const g = groupRules([
      cmp('ageYears', 'gte', 18),
      cmp('ageYears', 'gte', 25),
      not(cmp('ageYears', 'lt', 18)),
    ]);
    expect(g.variantOf).toEqual([0, 1, 0]);
    expect(g.space.exhaustive).toBe(true);
  });
});

describe('test values', () => {
  it('takes each threshold and just either side of it, within the fact’s range', () => {
    expect(
      numericCandidates([18, 25], true, {
        path: 'ageYears',
        fact: 'ageYears',
        label: 'Age',
        type: 'integer',
        minimum: 0,
        maximum: 120,
      }),
    ).toEqual([17, 18, 19, 24, 25, 26]);
    expect(numericCandidates([2], false)).toEqual([1.9, 2, 2.1]);
    expect(numericCandidates([2, 2.1], false)).toEqual([1.95, 2, 2.05, 2.1, 2.15]);
    expect(
      numericCandidates([0], true, {
        path: 'n',
        fact: 'n',
        label: 'n',
        type: 'integer',
        minimum: 0,
      }),
    ).toEqual([0, 1]);
  });

  it('keeps one enum value per group the rules treat alike, choosing a plausible one for unnamed groups', () => {
    const levels = ['T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2'];
    expect(enumRepresentatives(levels, [l3s1])).toEqual(['L2', 'L3']);
    expect(enumRepresentatives(levels, [l3s1, ['L5']])).toEqual(['L2', 'L3', 'L5']);
    expect(
      enumRepresentatives(
        ['tried', 'contraindicated', 'not-tried'],
        [['tried', 'contraindicated'], ['tried']],
      ),
    ).toEqual(['tried', 'contraindicated', 'not-tried']);
  });
});
