import { describe, expect, it } from 'vitest';
import {
  layoutResponders,
  resolveResponders,
  responderSummary,
} from '../../../src/lib/charts/responders.ts';
import { fixtureStudy, lookup, outcomeRef } from './fixtures.ts';

const def = 'ODI improved by 10 points or more';
const studies = lookup({
  alpha: fixtureStudy('Alpha', [
    {
      id: 't',
      arm: 'bvna',
      months: 3,
      value: 75,
      unit: '%',
      responderDefinition: def,
      statistic: 'proportion',
    },
    {
      id: 'c',
      arm: 'sham',
      months: 3,
      value: 50,
      unit: '%',
      responderDefinition: def,
      statistic: 'proportion',
      verification: 'seed-only',
    },
    {
      id: 'c6',
      arm: 'sham',
      months: 6,
      value: 40,
      unit: '%',
      responderDefinition: def,
      statistic: 'proportion',
    },
  ]),
});
const pairs = resolveResponders(studies, [
  {
    key: 'p',
    label: 'Alpha vs sham',
    treatment: outcomeRef('alpha', 't'),
    comparator: outcomeRef('alpha', 'c'),
  },
]);
const layout = layoutResponders(pairs);

describe('responder-rate geometry', () => {
  it('draws two bars per comparison, treatment above comparator', () => {
    expect(layout.barCount).toBe(2);
    const [t, c] = layout.groups[0]!.bars;
    expect(t!.role).toBe('treatment');
    expect(c!.y).toBeGreaterThan(t!.y);
  });

  it('scales bar length to the percentage on a 0–100% axis', () => {
    const [t, c] = layout.groups[0]!.bars;
    const full = layout.plot.right - layout.plot.left;
    expect(t!.width).toBeCloseTo(full * 0.75, 1);
    expect(c!.width).toBeCloseTo(full * 0.5, 1);
    expect(layout.xTicks[0]!.label).toBe('0%');
    expect(layout.xTicks.at(-1)!.label).toBe('100%');
  });

  it('marks a value not read in the primary source with an asterisk', () => {
    expect(layout.groups[0]!.bars.map((b) => b.text)).toEqual(['75%', '50%*']);
  });

  it('takes the timepoint and threshold for the label from the data', () => {
    expect(layout.groups[0]!.sublabel).toBe(`3 months, ${def}`);
    expect(responderSummary(pairs)).toBe(
      `Alpha vs sham, 3 months, ${def}: 75% against 50% (seed document only).`,
    );
  });

  it('refuses to pair arms measured at different timepoints', () => {
    expect(() =>
      resolveResponders(studies, [
        {
          key: 'bad',
          label: 'x',
          treatment: outcomeRef('alpha', 't'),
          comparator: outcomeRef('alpha', 'c6'),
        },
      ]),
    ).toThrow(/same timepoint and responder definition \(got 3 and 6 months/);
  });

  it('puts the label above the bars in the narrow drawing and leaves room for the value at 100%', () => {
    const narrow = layoutResponders(pairs, 'narrow');
    const group = narrow.groups[0]!;
    expect(Math.max(...group.texts.map((t) => t.y))).toBeLessThan(group.bars[0]!.y);
    expect(narrow.plot.right + 50).toBeLessThanOrEqual(narrow.frame.width);
    expect(narrow.barCount).toBe(layout.barCount);
  });
});
