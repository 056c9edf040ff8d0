/**
 * Geometry for forest-style charts: one row per estimate, a point for the value, a horizontal bar
 * for its 95% confidence interval when one is reported, and a reference line at "no effect".
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { formatNumber } from '../evidence/numbers.ts';
import type { ForestSpec } from './evidence-charts.ts';
import { plotArea, px, viewBox, type Frame, type PlotArea, type Tick } from './frame.ts';
import {
  isVerified,
  resolveOutcome,
  timepointText,
  type ChartDatum,
  type StudyLookup,
} from './select.ts';
import { estimateText, provenanceNote } from './text.ts';

const rowHeight = 52;

export function forestFrame(rows: number): Frame {
  return {
    width: 760,
    height: 20 + rows * rowHeight + 56,
    margin: { top: 20, right: 180, bottom: 56, left: 300 },
  };
}

export interface ResolvedForestRow {
  key: string;
  label: string;
  datum: ChartDatum;
}

export interface ForestRow extends ResolvedForestRow {
  /** Second line under the label: timepoint and how the value is established. */
  sublabel: string;
  /** Estimate and interval as printed at the right-hand end of the row. */
  estimate: string;
  y: number;
  x: number;
  /** Confidence interval ends, when reported. */
  interval: { x1: number; x2: number } | null;
  verified: boolean;
  derived: boolean;
}

export interface ForestLayout {
  viewBox: string;
  frame: Frame;
  plot: PlotArea;
  xTicks: Tick[];
  /** Position of the no-effect line, when the chart has one. */
  referenceX: number | null;
  rows: ForestRow[];
  pointCount: number;
  intervalCount: number;
}

export function resolveForest(studies: StudyLookup, spec: ForestSpec): ResolvedForestRow[] {
  return spec.rows.map((row) => ({
    key: row.key,
    label: row.label,
    datum: resolveOutcome(studies, row.ref),
  }));
}

/** "3 months; derived by the editors; no CI found". */
export function forestSublabel(datum: ChartDatum): string {
  const parts = [timepointText(datum)];
  if (datum.derived) parts.push('derived by the editors');
  if (!datum.result.ci95) parts.push('no CI found');
  return parts.join('; ');
}

const logTickCandidates = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 5, 10];

export function layoutForest(
  rows: readonly ResolvedForestRow[],
  spec: Pick<ForestSpec, 'scale' | 'reference' | 'domain' | 'id'>,
  frame: Frame = forestFrame(rows.length),
): ForestLayout {
  const known = rows.filter((r) => r.datum.result.value !== null);
  if (known.length === 0)
    throw new Error(
      `forest chart "${spec.id}": none of the selected outcome rows has a known value`,
    );
  const plot = plotArea(frame);
  const extent = known.flatMap((r) => [
    r.datum.result.value as number,
    ...(r.datum.result.ci95 ?? []),
  ]);
  if (spec.reference !== undefined) extent.push(spec.reference);
  let scale: ScaleContinuousNumeric<number, number>;
  let ticks: number[];
  if (spec.scale === 'log') {
    if (extent.some((v) => v <= 0))
      throw new Error(`forest chart "${spec.id}": a log scale needs positive values`);
    const lo = Math.min(...extent) / 1.25;
    const hi = Math.max(...extent) * 1.25;
    scale = scaleLog().domain([lo, hi]).range([plot.left, plot.right]);
    ticks = logTickCandidates.filter((t) => t >= lo && t <= hi);
  } else {
    const [lo, hi] = spec.domain ?? [Math.min(...extent), Math.max(...extent)];
    const pad = spec.domain ? 0 : (hi - lo) * 0.08 || 1;
    scale = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([plot.left, plot.right]);
    if (!spec.domain) scale.nice();
    ticks = scale.ticks(6);
  }
  const laidOut = known.map((r, i) => {
    const { value, ci95 } = r.datum.result;
    return {
      ...r,
      sublabel: forestSublabel(r.datum),
      estimate: estimateText(r.datum.result),
      y: px(plot.top + (i + 0.5) * rowHeight),
      x: px(scale(value as number)),
      interval: ci95 ? { x1: px(scale(ci95[0])), x2: px(scale(ci95[1])) } : null,
      verified: isVerified(r.datum),
      derived: r.datum.derived,
    };
  });
  return {
    viewBox: viewBox(frame),
    frame,
    plot,
    xTicks: ticks.map((t) => ({ position: px(scale(t)), value: t, label: formatNumber(t) })),
    referenceX: spec.reference === undefined ? null : px(scale(spec.reference)),
    rows: laidOut,
    pointCount: laidOut.length,
    intervalCount: laidOut.filter((r) => r.interval).length,
  };
}

export function forestSummary(
  rows: readonly ResolvedForestRow[],
  unitWord: (datum: ChartDatum) => string = (d) => d.result.unit ?? '',
): string {
  return rows
    .map((r) => {
      const { result } = r.datum;
      if (result.value === null) return `${r.label}, ${timepointText(r.datum)}: not found.`;
      const unit = unitWord(r.datum);
      const value =
        result.unit === '%'
          ? `${formatNumber(result.value)}%`
          : `${formatNumber(result.value)}${unit ? ` ${unit}` : ''}`;
      const ci = result.ci95
        ? `, 95% CI ${formatNumber(result.ci95[0])} to ${formatNumber(result.ci95[1])}`
        : ', no confidence interval found';
      return `${r.label}, ${timepointText(r.datum)}: ${value}${ci}${provenanceNote(r.datum)}.`;
    })
    .join(' ');
}

export function forestDescription(
  layout: ForestLayout,
  spec: Pick<ForestSpec, 'axisLabel' | 'reference'>,
): string {
  const reference =
    spec.reference === undefined
      ? ''
      : ` A vertical line marks ${formatNumber(spec.reference)}, no difference.`;
  return `Forest-style chart with ${layout.rows.length} rows. Horizontal axis: ${spec.axisLabel}. Each row shows an estimate as a point and, when reported, its 95% confidence interval as a bar (${layout.intervalCount} of ${layout.rows.length} rows have one).${reference} Hollow points are values not read in the primary source.`;
}
