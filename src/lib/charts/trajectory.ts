/**
 * Geometry for the "ODI over time" chart: one line per trial arm, timepoints on an evenly spaced
 * (ordinal) axis, mean change in ODI on a linear axis that always includes zero.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line, symbol, symbolCircle, symbolSquare } from 'd3-shape';
import { formatNumber } from '../evidence/numbers.ts';
import type { SeriesHue, TrajectorySeriesSpec } from './evidence-charts.ts';
import { plotArea, px, viewBox, type Frame, type PlotArea, type Tick } from './frame.ts';
import { isVerified, resolveOutcome, type ChartDatum, type StudyLookup } from './select.ts';
import { provenanceNote, timepointText, valueWithUnit } from './text.ts';

export const trajectoryFrame: Frame = {
  width: 720,
  height: 380,
  margin: { top: 20, right: 24, bottom: 56, left: 64 },
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

export interface TrajectorySeries extends Omit<ResolvedSeries, 'data'> {
  /** Line through the series' points in time order; null for a single point. */
  path: string | null;
  points: TrajectoryPoint[];
}

export interface TrajectoryLayout {
  viewBox: string;
  frame: Frame;
  plot: PlotArea;
  xTicks: Tick[];
  yTicks: Tick[];
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

export function layoutTrajectory(
  series: readonly ResolvedSeries[],
  frame: Frame = trajectoryFrame,
): TrajectoryLayout {
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
  const path = line<TrajectoryPoint>()
    .x((p) => p.x)
    .y((p) => p.y);

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
    return {
      key: s.key,
      label: s.label,
      hue: s.hue,
      role: s.role,
      points,
      path: points.length > 1 ? path(points) : null,
    };
  });

  return {
    viewBox: viewBox(frame),
    frame,
    plot,
    xTicks: months.map((m) => ({ position: px(x(m) ?? 0), value: m, label: formatNumber(m) })),
    yTicks: y.ticks(6).map((v) => ({ position: px(y(v)), value: v, label: formatNumber(v) })),
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

/** What the chart shows, structurally (the SVG's <desc>). */
export function trajectoryDescription(layout: TrajectoryLayout): string {
  const months = layout.xTicks.map((t) => t.label).join(', ');
  return `Line chart with ${layout.series.length} series and ${layout.pointCount} points. Horizontal axis: months after treatment (${months}). Vertical axis: mean change in ODI from baseline, in points; zero means no change. Circles are ablation arms, squares comparator arms; hollow markers are values not read in the primary source.`;
}
