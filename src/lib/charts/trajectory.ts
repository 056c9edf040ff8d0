/**
 * Geometry for the "ODI over time" chart: one line per trial arm, timepoints on an evenly spaced
 * (ordinal) axis, mean change in ODI on a linear axis that always includes zero. A line joins only
 * neighbouring timepoints: where a series has no value at a timepoint between two of its values,
 * the line breaks (d3's `line.defined`) and the gap is named, rather than implying a straight trend.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line, symbol, symbolCircle, symbolSquare } from 'd3-shape';
import { formatNumber } from '../evidence/numbers.ts';
import type { SeriesHue, TrajectorySeriesSpec } from '../schema/chart.ts';
import {
  placeText,
  plotArea,
  px,
  viewBox,
  type ChartWidth,
  type Frame,
  type PlacedText,
  type PlotArea,
  type Tick,
} from './frame.ts';
import { isVerified, resolveOutcome, type ChartDatum, type StudyLookup } from './select.ts';
import { provenanceNote, timepointText, valueWithUnit } from './text.ts';

export const trajectoryFrames: Record<ChartWidth, Frame> = {
  wide: { width: 720, height: 380, margin: { top: 20, right: 24, bottom: 56, left: 64 } },
  narrow: { width: 340, height: 320, margin: { top: 16, right: 14, bottom: 56, left: 52 } },
};

/** A series with its outcome rows resolved from the study entries. */
export interface ResolvedSeries {
  key: string;
  label: string;
  hue: SeriesHue;
  role: 'treatment' | 'comparator';
  data: ChartDatum[];
}

export interface TrajectoryPoint {
  x: number;
  y: number;
  /** SVG path of the marker, centred on (0, 0): a circle for treatment, a square for comparator arms. */
  marker: string;
  /** Read in the primary source; other values are drawn hollow. */
  verified: boolean;
  datum: ChartDatum;
}

/** Timepoints on the axis between two of a series' values where the series has none. */
export interface TrajectoryGap {
  fromMonths: number;
  toMonths: number;
}

export interface TrajectorySeries extends Omit<ResolvedSeries, 'data'> {
  /** Line through the series' points in time order, broken at gaps; null for a single point. */
  path: string | null;
  points: TrajectoryPoint[];
  gaps: TrajectoryGap[];
}

export interface TrajectoryLayout {
  width: ChartWidth;
  viewBox: string;
  frame: Frame;
  plot: PlotArea;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Tick labels and the two axis labels, placed. */
  axisTexts: PlacedText[];
  /** Where the zero line (no change) sits. */
  zeroY: number;
  series: TrajectorySeries[];
  /** Number of data markers drawn: one per known value. */
  pointCount: number;
}

export function resolveTrajectory(
  studies: StudyLookup,
  specs: readonly TrajectorySeriesSpec[],
): ResolvedSeries[] {
  return specs.map((spec) => ({
    key: spec.key,
    label: spec.label,
    hue: spec.hue,
    role: spec.role,
    data: spec.points.map((ref) => resolveOutcome(studies, ref)),
  }));
}

export const markerPath = {
  treatment: symbol(symbolCircle, 90)() ?? '',
  comparator: symbol(symbolSquare, 90)() ?? '',
};

/** Pairs of neighbouring values with at least one axis timepoint between them. */
export function seriesGaps(valueMonths: readonly number[], axisMonths: readonly number[]) {
  const gaps: TrajectoryGap[] = [];
  for (let i = 1; i < valueMonths.length; i++) {
    const [from, to] = [valueMonths[i - 1]!, valueMonths[i]!];
    if (axisMonths.some((m) => m > from && m < to)) gaps.push({ fromMonths: from, toMonths: to });
  }
  return gaps;
}

export function layoutTrajectory(
  series: readonly ResolvedSeries[],
  width: ChartWidth = 'wide',
): TrajectoryLayout {
  const frame = trajectoryFrames[width];
  const plot = plotArea(frame);
  const known = series.flatMap((s) => s.data).filter((d) => d.result.value !== null);
  if (known.length === 0)
    throw new Error('ODI-over-time chart: none of the selected outcome rows has a known value');
  const months = [...new Set(known.map((d) => d.months))].sort((a, b) => a - b);
  const x = scalePoint<number>().domain(months).range([plot.left, plot.right]).padding(0.5);
  const values = known.map((d) => d.result.value as number);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .nice()
    .range([plot.bottom, plot.top]);
  // One slot per axis timepoint from a series' first value to its last; empty slots break the line.
  const path = line<TrajectoryPoint | null>()
    .defined((p) => p !== null)
    .x((p) => p!.x)
    .y((p) => p!.y);

  const laidOut = series.map((s) => {
    const points = s.data
      .filter((d) => d.result.value !== null)
      .sort((a, b) => a.months - b.months)
      .map((d) => ({
        x: px(x(d.months) ?? 0),
        y: px(y(d.result.value as number)),
        marker: markerPath[s.role],
        verified: isVerified(d),
        datum: d,
      }));
    const first = points[0]?.datum.months ?? 0;
    const last = points.at(-1)?.datum.months ?? 0;
    const slots = months
      .filter((m) => m >= first && m <= last)
      .map((m) => points.find((p) => p.datum.months === m) ?? null);
    return {
      key: s.key,
      label: s.label,
      hue: s.hue,
      role: s.role,
      points,
      path: points.length > 1 ? path(slots) : null,
      gaps: seriesGaps(
        points.map((p) => p.datum.months),
        months,
      ),
    };
  });

  const xTicks = months.map((m) => ({ position: px(x(m) ?? 0), value: m, label: formatNumber(m) }));
  const yTicks = y
    .ticks(width === 'wide' ? 6 : 5)
    .map((v) => ({ position: px(y(v)), value: v, label: formatNumber(v) }));
  const middleY = (plot.top + plot.bottom) / 2;
  return {
    width,
    viewBox: viewBox(frame),
    frame,
    plot,
    xTicks,
    yTicks,
    axisTexts: [
      ...yTicks.map((t) => placeText('tick', t.label, plot.left - 8, t.position + 4.5, 'end')),
      ...xTicks.map((t) => placeText('tick', t.label, t.position, plot.bottom + 20, 'middle')),
      placeText(
        'axis-label',
        'Months after treatment',
        (plot.left + plot.right) / 2,
        plot.bottom + 44,
        'middle',
      ),
      {
        ...placeText('axis-label', 'Mean change in ODI (points)', 16, middleY, 'middle'),
        rotate: -90,
      },
    ],
    zeroY: px(y(0)),
    series: laidOut,
    pointCount: laidOut.reduce((n, s) => n + s.points.length, 0),
  };
}

/** The chart's findings in sentences, for the caption and for screen readers. */
export function trajectorySummary(series: readonly ResolvedSeries[]): string {
  return series
    .map((s) => {
      const parts = s.data.map(
        (d) => `${valueWithUnit(d.result)} at ${timepointText(d)}${provenanceNote(d)}`,
      );
      return `${s.label}: ${parts.join('; ')}.`;
    })
    .join(' ');
}

/** Why some lines break: "SMART: ablation has no value between 3 and 60 months; …". Empty without gaps. */
export function trajectoryGapNote(layout: TrajectoryLayout): string {
  const broken = layout.series.filter((s) => s.gaps.length > 0);
  if (broken.length === 0) return '';
  const parts = broken.map(
    (s) =>
      `${s.label} has no value between ${s.gaps
        .map((g) => `${formatNumber(g.fromMonths)} and ${formatNumber(g.toMonths)}`)
        .join(' or between ')} months`,
  );
  return `A line breaks where its series has no value at a timepoint in between, rather than suggesting a straight trend: ${parts.join('; ')}.`;
}

/** What the chart shows, structurally (the SVG's <desc>). */
export function trajectoryDescription(layout: TrajectoryLayout): string {
  const months = layout.xTicks.map((t) => t.label).join(', ');
  return `Line chart with ${layout.series.length} series and ${layout.pointCount} points. Horizontal axis: months after treatment (${months}). Vertical axis: mean change in ODI from baseline, in points; zero means no change. Circles are ablation arms, squares comparator arms; hollow markers are values not read in the primary source. Lines break where a series has no value at a timepoint in between.`;
}
