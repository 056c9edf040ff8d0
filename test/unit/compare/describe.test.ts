/** Plain words for rules, generated from the criteria data. */
import { describe, expect, it } from 'vitest';
import {
  describeCondition,
  describeValues,
  describeWithPolarity,
  formatFactValue,
  sentenceLabel,
} from '../../../src/lib/criteria/describe.ts';
import { valueOrder } from '../../../src/lib/compare/domain.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';

const base = { id: 'x', label: 'x' };
const cases: [string, CriterionNode, boolean, string][] = [
  [
    'a numeric threshold with its unit',
    { ...base, kind: 'compare', fact: 'bmi', op: 'gt', value: 40 },
    true,
    'Excludes BMI > 40 kg/m²',
  ],
  [
    'a planned body paired with a Modic change at the same body',
    {
      ...base,
      kind: 'every',
      fact: 'plannedLevels',
      where: {
        ...base,
        kind: 'match',
        fact: 'modicChanges',
        on: 'level',
        where: { ...base, kind: 'compare', fact: 'type', op: 'in', value: [1, 2] },
      },
    },
    false,
    'Requires all planned vertebral bodies: Modic changes at the same vertebral body: Modic type: 1 or 2',
  ],
  [
    'a negative number with a true minus sign',
    { ...base, kind: 'compare', fact: 'tScore', op: 'lte', value: -2.5 },
    true,
    'Excludes DEXA T-score ≤ −2.5 SD',
  ],
  [
    'a boolean that must be true',
    { ...base, kind: 'compare', fact: 'functionalDeficit', op: 'eq', value: true },
    false,
    'Requires functional deficit',
  ],
  [
    'a boolean that must be false',
    { ...base, kind: 'compare', fact: 'significantImprovement', op: 'eq', value: false },
    false,
    'Requires significant improvement with conservative care: no',
  ],
  [
    '“at least one item” as “any”',
    { ...base, kind: 'count', fact: 'priorLumbarSurgery', op: 'gte', value: 1 },
    true,
    'Excludes any prior lumbar surgery',
  ],
  [
    'an item rule with an exception',
    {
      ...base,
      kind: 'some',
      fact: 'priorLumbarSurgery',
      where: {
        ...base,
        kind: 'all',
        children: [
          { ...base, kind: 'compare', fact: 'atPlannedLevel', op: 'eq', value: true },
          {
            ...base,
            kind: 'not',
            child: {
              ...base,
              kind: 'compare',
              fact: 'type',
              op: 'in',
              value: ['discectomy', 'laminectomy'],
            },
          },
        ],
      },
    },
    true,
    'Excludes any prior lumbar surgery: at a planned level, unless operation: discectomy or laminectomy',
  ],
  [
    'levels outside a range',
    {
      ...base,
      kind: 'some',
      fact: 'plannedLevels',
      where: {
        ...base,
        kind: 'not',
        child: {
          ...base,
          kind: 'compare',
          fact: 'level',
          op: 'in',
          value: ['L3', 'L4', 'L5', 'S1'],
        },
      },
    },
    true,
    'Excludes any planned vertebral bodies: vertebral body outside L3 to S1',
  ],
];

describe('describeWithPolarity', () => {
  it.each(cases)('words %s', (_name, node, negated, expected) => {
    expect(describeWithPolarity(node, negated, undefined, valueOrder)).toBe(expected);
  });

  it('keeps short lists of codes as they are written', () => {
    expect(describeValues(['L3-L4', 'L4-L5', 'L5-S1'], valueOrder('level', 'discFinding'))).toBe(
      'L3-L4, L4-L5 or L5-S1',
    );
    expect(
      describeCondition({
        ...base,
        kind: 'compare',
        fact: 'anesthesia',
        op: 'in',
        value: ['local', 'local-mild-sedation'],
      }),
    ).toBe('planned anaesthesia: local or local mild sedation');
  });

  it('keeps the capital of names and abbreviations only', () => {
    expect(sentenceLabel('Slip')).toBe('slip');
    expect(sentenceLabel('BMI')).toBe('BMI');
    expect(sentenceLabel('Modic type')).toBe('Modic type');
  });
});

describe('fact values in words', () => {
  it('reads option ids as words but keeps spinal levels and other hyphenated values intact', () => {
    expect(formatFactValue('local-mild-sedation')).toBe('local mild sedation');
    expect(formatFactValue('L3-L4')).toBe('L3-L4');
    expect(formatFactValue('L5-S1')).toBe('L5-S1');
    expect(formatFactValue(true)).toBe('yes');
    expect(formatFactValue(42, 'kg/m²')).toBe('42 kg/m²');
    expect(formatFactValue(-2.5, 'SD')).toBe('−2.5 SD');
  });
});
