/**
 * Geometry for forest-style charts: one row per estimate, a point for the value, a horizontal bar
 * for its 95% confidence interval when one is reported, and a reference line at "no effect".
 * Wide: labels left of the plot, estimates right of it. Narrow: each row's label, timepoint and
 * estimate stacked above its bar, so the plot can use the phone's whole width.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { formatInterval, formatNumber } from '../evidence/numbers.ts';
import type { ForestChartSpec } from '../schema/chart.ts';
import {
  placeText,
  plotArea,
  px,
  textHeight,
  viewBox,
  type ChartWidth,
  type Frame,
  type PlacedText,
  type PlotArea,
  type Tick,
} from './frame.ts';
import {
  isVerified,
  resolveOutcome,
  timepointText,
  type ChartDatum,
  type StudyLookup,
} from './select.ts';
import { estimateText, provenanceNote } from './text.ts';

/** The settings of a forest chart that shape its axis; `id` names it in error messages. */
export type ForestAxisSpec = { id: string } & Pick<
  ForestChartSpec,
  'scale' | 'reference' | 'domain'
>;

const wideRowHeight = 52;
const narrowWidth = 340;
const narrowPad = 12;

export function forestFrame(rows: number): Frame {
  return {
    width: 760,
    height: 20 + rows * wideRowHeight + 56,
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
  /** Estimate and interval as printed beside (wide) or above (narrow) the row's bar. */
  estimate: string;
  /** The row's label, sublabel and estimate, placed. */
  texts: PlacedText[];
  y: number;
  x: number;
  /** Confidence interval ends, when reported. */
  interval: { x1: number; x2: number } | null;
  verified: boolean;
  derived: boolean;
}

export interface ForestLayout {
  width: ChartWidth;
  viewBox: string;
  frame: Frame;
  plot: PlotArea;
  xTicks: Tick[];
  /** Tick labels and the axis label, placed. */
  axisTexts: PlacedText[];
  /** Position of the no-effect line, when the chart has one. */
  referenceX: number | null;
  rows: ForestRow[];
  pointCount: number;
  intervalCount: number;
}

export function resolveForest(
  studies: StudyLookup,
  spec: Pick<ForestChartSpec, 'rows'>,
): ResolvedForestRow[] {
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

/** The x scale and its ticks for the rows' values, intervals and reference line. */
function forestScale(
  known: readonly ResolvedForestRow[],
  spec: ForestAxisSpec,
  range: [number, number],
): { scale: ScaleContinuousNumeric<number, number>; ticks: number[] } {
  const extent = known.flatMap((r) => [
    r.datum.result.value as number,
    ...(r.datum.result.ci95 ?? []),
  ]);
  if (spec.reference !== undefined) extent.push(spec.reference);
  if (spec.scale === 'log') {
    if (extent.some((v) => v <= 0))
      throw new Error(`forest chart "${spec.id}": a log scale needs positive values`);
    const lo = Math.min(...extent) / 1.25;
    const hi = Math.max(...extent) * 1.25;
    return {
      scale: scaleLog().domain([lo, hi]).range(range),
      ticks: logTickCandidates.filter((t) => t >= lo && t <= hi),
    };
  }
  const [lo, hi] = spec.domain ?? [Math.min(...extent), Math.max(...extent)];
  const pad = spec.domain ? 0 : (hi - lo) * 0.08 || 1;
  const scale = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range(range);
  if (!spec.domain) scale.nice();
  return { scale, ticks: scale.ticks(range[1] - range[0] < 400 ? 5 : 6) };
}

/**
 * Where each row's texts and bar go. Wide: fixed row height, texts beside the plot. Narrow: texts
 * wrapped to the frame and stacked above the bar, so rows grow with their text.
 */
function placeRows(rows: readonly ResolvedForestRow[], width: ChartWidth) {
  if (width === 'wide') {
    const frame = forestFrame(rows.length);
    const plot = plotArea(frame);
    return {
      frame,
      plot,
      rows: rows.map((r, i) => {
        const y = px(plot.top + (i + 0.5) * wideRowHeight);
        return {
          y,
          texts: [
            placeText('row-label', r.label, plot.left - 12, y - 6, 'end'),
            placeText('row-sublabel', forestSublabel(r.datum), plot.left - 12, y + 12, 'end'),
            placeText('value', estimateText(r.datum.result), plot.right + 12, y + 4.5),
          ],
        };
      }),
    };
  }
  const textWidth = narrowWidth - 2 * narrowPad;
  let y = 8;
  const placed = rows.map((r) => {
    const texts: PlacedText[] = [];
    for (const [kind, text] of [
      ['row-label', r.label],
      ['row-sublabel', forestSublabel(r.datum)],
      ['value', estimateText(r.datum.result)],
    ] as const) {
      const t = placeText(kind, text, narrowPad, y + 13, 'start', textWidth);
      texts.push(t);
      y += textHeight(t);
    }
    const barY = px(y + 12);
    y += 34;
    return { y: barY, texts };
  });
  const frame: Frame = {
    width: narrowWidth,
    height: px(y + 52),
    margin: { top: 8, right: narrowPad + 8, bottom: 52, left: narrowPad + 8 },
  };
  return { frame, plot: plotArea(frame), rows: placed };
}

export function layoutForest(
  rows: readonly ResolvedForestRow[],
  spec: ForestAxisSpec & Pick<ForestChartSpec, 'axisLabel'>,
  width: ChartWidth = 'wide',
): ForestLayout {
  const known = rows.filter((r) => r.datum.result.value !== null);
  if (known.length === 0)
    throw new Error(
      `forest chart "${spec.id}": none of the selected outcome rows has a known value`,
    );
  const { frame, plot, rows: placed } = placeRows(known, width);
  const { scale, ticks } = forestScale(known, spec, [plot.left, plot.right]);
  const laidOut = known.map((r, i) => {
    const { value, ci95 } = r.datum.result;
    return {
      ...r,
      sublabel: forestSublabel(r.datum),
      estimate: estimateText(r.datum.result),
      texts: placed[i]!.texts,
      y: placed[i]!.y,
      x: px(scale(value as number)),
      interval: ci95 ? { x1: px(scale(ci95[0])), x2: px(scale(ci95[1])) } : null,
      verified: isVerified(r.datum),
      derived: r.datum.derived,
    };
  });
  const xTicks = ticks.map((t) => ({ position: px(scale(t)), value: t, label: formatNumber(t) }));
  return {
    width,
    viewBox: viewBox(frame),
    frame,
    plot,
    xTicks,
    axisTexts: [
      ...xTicks.map((t) => placeText('tick', t.label, t.position, plot.bottom + 20, 'middle')),
      placeText(
        'axis-label',
        spec.axisLabel,
        (plot.left + plot.right) / 2,
        plot.bottom + 44,
        'middle',
      ),
    ],
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
        ? `, 95% CI ${formatInterval(result.ci95, result.value)}`
        : ', no confidence interval found';
      return `${r.label}, ${timepointText(r.datum)}: ${value}${ci}${provenanceNote(r.datum)}.`;
    })
    .join(' ');
}

export function forestDescription(
  layout: ForestLayout,
  spec: Pick<ForestChartSpec, 'axisLabel' | 'reference'>,
): string {
  const reference =
    spec.reference === undefined
      ? ''
      : ` A vertical line marks ${formatNumber(spec.reference)}, no difference.`;
  return `Forest-style chart with ${layout.rows.length} rows. Horizontal axis: ${spec.axisLabel}. Each row shows an estimate as a point and, when reported, its 95% confidence interval as a bar (${layout.intervalCount} of ${layout.rows.length} rows have one).${reference} Hollow points are values not read in the primary source.`;
}
