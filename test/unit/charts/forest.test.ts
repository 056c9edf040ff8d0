import { describe, expect, it } from 'vitest';
import {
  forestDescription,
  forestSublabel,
  forestSummary,
  layoutForest,
  resolveForest,
} from '../../../src/lib/charts/forest.ts';
import { estimateText } from '../../../src/lib/charts/text.ts';
import { fixtureStudy, lookup, outcomeRef } from './fixtures.ts';

const studies = lookup({
  alpha: fixtureStudy('Alpha', [
    { id: 'a', arm: 'bvna', months: 3, value: -20 },
    { id: 's', arm: 'sham', months: 3, value: -15 },
    {
      id: 'diff',
      arm: 'between-arms',
      months: 3,
      value: -5,
      verification: 'inference',
      derivedFrom: { minuend: 'a', subtrahend: 's' },
    },
    { id: 'ci', arm: 'between-arms', months: 6, value: -20, ci95: [-26, -14] },
    {
      id: 'rr-wide',
      arm: 'between-arms',
      months: 3,
      value: 1.25,
      unit: 'ratio',
      ci95: [0.88, 1.77],
      statistic: 'ratio',
    },
    {
      id: 'rr',
      arm: 'between-arms',
      months: 3,
      value: 1.38,
      unit: 'ratio',
      ci95: [1.1, 1.73],
      statistic: 'ratio',
    },
    { id: 'neg', arm: 'between-arms', months: 3, value: -1, unit: 'ratio', statistic: 'ratio' },
  ]),
});
const spec = {
  id: 'diff-chart',
  scale: 'linear' as const,
  reference: 0,
  axisLabel: 'Difference',
};
const rows = resolveForest(studies, {
  rows: [
    { key: 'derived', label: 'Sham trial', ref: outcomeRef('alpha', 'diff') },
    { key: 'ci', label: 'Open trial', ref: outcomeRef('alpha', 'ci') },
  ],
});
const layout = layoutForest(rows, spec);

describe('forest-style geometry', () => {
  it('draws a point for every row and an interval only where a CI is reported', () => {
    expect(layout.pointCount).toBe(2);
    expect(layout.intervalCount).toBe(1);
    expect(layout.rows[0]!.interval).toBeNull();
  });

  it('puts the estimate inside its interval and both left of the no-effect line for negative differences', () => {
    const row = layout.rows[1]!;
    expect(row.interval!.x1).toBeLessThan(row.x);
    expect(row.x).toBeLessThan(row.interval!.x2);
    expect(row.interval!.x2).toBeLessThan(layout.referenceX!);
  });

  it('keeps the no-effect line inside the plot even when every value is negative', () => {
    expect(layout.referenceX).toBeGreaterThan(layout.plot.left);
    expect(layout.referenceX).toBeLessThanOrEqual(layout.plot.right);
  });

  it('says under the label that a value is derived and has no CI', () => {
    expect(layout.rows[0]!.sublabel).toBe('3 months; derived by the editors; no CI found');
    expect(forestSublabel(rows[1]!.datum)).toBe('6 months');
    expect(layout.rows[0]!.verified).toBe(false);
  });

  it('prints the estimate and interval from the data', () => {
    expect(layout.rows[1]!.estimate).toBe('−20 (−26 to −14)');
    expect(estimateText({ value: 65, unit: '%', ci95: [51, 78] })).toBe('65% (51 to 78)');
    expect(estimateText({ value: null })).toBe('unknown');
  });

  it('writes both ends of an interval at one precision, the finest of the estimate and its ends', () => {
    expect(estimateText({ value: 1.38, unit: 'ratio', ci95: [1.1, 1.73] })).toBe(
      '1.38 (1.10 to 1.73)',
    );
    expect(estimateText({ value: -20.3, ci95: [-25.9, -14.7] })).toBe('−20.3 (−25.9 to −14.7)');
  });

  it('stacks label, timepoint and estimate above each bar in the narrow drawing, inside its frame', () => {
    const narrow = layoutForest(rows, spec, 'narrow');
    expect(narrow.frame.width).toBeLessThan(400);
    for (const row of narrow.rows) {
      const [label, sublabel, estimate] = row.texts;
      expect(label!.y).toBeLessThan(sublabel!.y);
      expect(sublabel!.y).toBeLessThan(estimate!.y);
      expect(estimate!.y).toBeLessThan(row.y);
      for (const t of row.texts) expect(t.anchor).toBe('start');
    }
    expect(narrow.rows[1]!.texts[0]!.y).toBeGreaterThan(narrow.rows[0]!.y);
    expect(narrow.rows.at(-1)!.y).toBeLessThan(narrow.plot.bottom);
    // The same values in the same order as the wide drawing.
    expect(narrow.rows.map((r) => r.estimate)).toEqual(layout.rows.map((r) => r.estimate));
  });

  it('on a log scale puts 1 at the no-effect line and shows a CI crossing it as crossing', () => {
    const rrSpec = { id: 'rr', scale: 'log' as const, reference: 1, axisLabel: 'RR' };
    const rr = resolveForest(studies, {
      rows: [
        { key: 'w', label: 'Wide', ref: outcomeRef('alpha', 'rr-wide') },
        { key: 'n', label: 'Narrow', ref: outcomeRef('alpha', 'rr') },
      ],
    });
    const l = layoutForest(rr, rrSpec);
    const wide = l.rows[0]!;
    const narrow = l.rows[1]!;
    expect(wide.interval!.x1).toBeLessThan(l.referenceX!);
    expect(wide.interval!.x2).toBeGreaterThan(l.referenceX!);
    expect(narrow.interval!.x1).toBeGreaterThan(l.referenceX!);
    expect(l.xTicks.map((t) => t.value)).toContain(1);
    // Equal ratios are equal distances on a log scale: 1→1.1 is shorter than 1.1→1.73.
    expect(narrow.interval!.x1 - l.referenceX!).toBeLessThan(
      narrow.interval!.x2 - narrow.interval!.x1,
    );
  });

  it('refuses a log scale for non-positive values', () => {
    const bad = resolveForest(studies, {
      rows: [{ key: 'n', label: 'Neg', ref: outcomeRef('alpha', 'neg') }],
    });
    expect(() =>
      layoutForest(bad, { id: 'bad', scale: 'log', reference: 1, axisLabel: 'x' }),
    ).toThrow(/log scale needs positive values/);
  });

  it('respects a fixed domain such as 0 to 100%', () => {
    const l = layoutForest(rows, { id: 'p', scale: 'linear', domain: [-30, 0], axisLabel: 'x' });
    expect(l.xTicks[0]!.value).toBe(-30);
    expect(l.xTicks.at(-1)!.value).toBe(0);
    expect(l.referenceX).toBeNull();
  });

  it('summarises each row with its interval or says none was found', () => {
    expect(forestSummary(rows)).toBe(
      'Sham trial, 3 months: −5 points, no confidence interval found (derived by the editors from the two arm means). Open trial, 6 months: −20 points, 95% CI −26 to −14.',
    );
    expect(forestDescription(layout, { axisLabel: 'Difference', reference: 0 })).toMatch(
      /2 rows.*\(1 of 2 rows have one\).*marks 0/,
    );
  });
});
