import { describe, expect, it } from 'vitest';
import {
  layoutTrajectory,
  resolveTrajectory,
  trajectoryDescription,
  trajectoryFrames,
  trajectoryGapNote,
  seriesGaps,
  trajectorySummary,
} from '../../../src/lib/charts/trajectory.ts';
import { plotArea } from '../../../src/lib/charts/frame.ts';
import { fixtureStudy, lookup, outcomeRef } from './fixtures.ts';

const studies = lookup({
  alpha: fixtureStudy('Alpha', [
    { id: 'a-3m', arm: 'bvna', months: 3, value: -20 },
    { id: 'a-12m', arm: 'bvna', months: 12, value: -30 },
    { id: 's-3m', arm: 'sham', months: 3, value: -10, verification: 'seed-only' },
    { id: 'a-24m', arm: 'bvna', months: 24, value: null, verification: 'not-found' },
    { id: 's-6m', arm: 'sham', months: 6, value: -12 },
  ]),
});
const series = resolveTrajectory(studies, [
  {
    key: 'treated',
    label: 'Alpha: ablation',
    hue: 'smart',
    role: 'treatment',
    points: [
      outcomeRef('alpha', 'a-12m'),
      outcomeRef('alpha', 'a-3m'),
      outcomeRef('alpha', 'a-24m'),
    ],
  },
  {
    key: 'sham',
    label: 'Alpha: sham',
    hue: 'smart',
    role: 'comparator',
    points: [outcomeRef('alpha', 's-3m')],
  },
]);
const layout = layoutTrajectory(series);
const plot = plotArea(trajectoryFrames.wide);

describe('ODI-over-time geometry', () => {
  it('draws one marker per known value and skips unknown ones', () => {
    expect(layout.pointCount).toBe(3);
    expect(layout.series[0]!.points.map((p) => p.datum.ref.outcome)).toEqual(['a-3m', 'a-12m']);
  });

  it('puts timepoints on an ordinal axis in time order, only those with data', () => {
    expect(layout.xTicks.map((t) => t.label)).toEqual(['3', '12']);
    expect(layout.xTicks[0]!.position).toBeLessThan(layout.xTicks[1]!.position);
  });

  it('keeps zero (no change) at the top of an all-negative axis and the largest fall at the bottom', () => {
    expect(layout.zeroY).toBe(plot.top);
    const lowest = Math.max(...layout.series.flatMap((s) => s.points.map((p) => p.y)));
    expect(lowest).toBeLessThanOrEqual(plot.bottom);
    const a12 = layout.series[0]!.points[1]!;
    const a3 = layout.series[0]!.points[0]!;
    expect(a12.y).toBeGreaterThan(a3.y);
  });

  it('places values linearly: −20 sits twice as far below zero as −10', () => {
    const y10 = layout.series[1]!.points[0]!.y - layout.zeroY;
    const y20 = layout.series[0]!.points[0]!.y - layout.zeroY;
    expect(y20).toBeCloseTo(2 * y10, 1);
  });

  it('draws a line only through series with two or more points', () => {
    expect(layout.series[0]!.path).toMatch(/^M/);
    expect(layout.series[1]!.path).toBeNull();
  });

  it('flags values not read in the primary source so they can be drawn hollow', () => {
    expect(layout.series[1]!.points[0]!.verified).toBe(false);
    expect(layout.series[0]!.points[0]!.verified).toBe(true);
  });

  it('summarises every value in words with its label, including unknown ones', () => {
    const text = trajectorySummary(series);
    expect(text).toContain(
      'Alpha: ablation: −30 points at 12 months; −20 points at 3 months; unknown at 24 months (not found).',
    );
    expect(text).toContain('Alpha: sham: −10 points at 3 months (seed document only).');
  });

  it('describes the axes and counts for the SVG <desc>', () => {
    expect(trajectoryDescription(layout)).toMatch(/2 series and 3 points.*\(3, 12\)/);
  });

  it('refuses to draw a chart with no known value', () => {
    const empty = resolveTrajectory(studies, [
      {
        key: 'x',
        label: 'x',
        hue: 'smart',
        role: 'treatment',
        points: [outcomeRef('alpha', 'a-24m')],
      },
    ]);
    expect(() => layoutTrajectory(empty)).toThrow(
      /none of the selected outcome rows has a known value/,
    );
  });

  it('breaks a line where the series has no value at an axis timepoint in between, and says so', () => {
    const gappy = resolveTrajectory(studies, [
      {
        key: 'long',
        label: 'Alpha: ablation',
        hue: 'smart',
        role: 'treatment',
        points: [outcomeRef('alpha', 'a-3m'), outcomeRef('alpha', 'a-12m')],
      },
      {
        key: 'middle',
        label: 'Alpha: other',
        hue: 'smart',
        role: 'comparator',
        points: [outcomeRef('alpha', 's-3m'), outcomeRef('alpha', 's-6m')],
      },
    ]);
    const l = layoutTrajectory(gappy);
    expect(l.xTicks.map((t) => t.label)).toEqual(['3', '6', '12']);
    // 3 → 12 skips 6: two separate pieces, no segment drawn across the gap.
    expect(l.series[0]!.gaps).toEqual([{ fromMonths: 3, toMonths: 12 }]);
    expect(l.series[0]!.path!.match(/M/g)).toHaveLength(2);
    expect(l.series[1]!.gaps).toEqual([]);
    expect(l.series[1]!.path!.match(/M/g)).toHaveLength(1);
    expect(trajectoryGapNote(l)).toContain('Alpha: ablation has no value between 3 and 12 months');
    expect(trajectoryGapNote(layout)).toBe('');
    expect(seriesGaps([3, 60], [3, 6, 12, 24, 60])).toEqual([{ fromMonths: 3, toMonths: 60 }]);
  });

  it('draws a narrow version with the same points at phone width', () => {
    const narrow = layoutTrajectory(series, 'narrow');
    expect(narrow.frame.width).toBeLessThan(400);
    expect(narrow.pointCount).toBe(layout.pointCount);
    expect(narrow.xTicks.map((t) => t.label)).toEqual(layout.xTicks.map((t) => t.label));
  });
});
