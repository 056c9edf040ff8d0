/**
 * Geometry for the responder-rate chart: for each comparison, two horizontal bars (ablation and
 * comparator) on a 0–100% axis, for the same response threshold at the same timepoint.
 */
import { scaleLinear } from 'd3-scale';
import { formatNumber } from '../evidence/numbers.ts';
import type { ResponderPairSpec } from './evidence-charts.ts';
import { plotArea, px, viewBox, type Frame, type PlotArea, type Tick } from './frame.ts';
import {
  isVerified,
  resolveOutcome,
  timepointText,
  type ChartDatum,
  type StudyLookup,
} from './select.ts';
import { provenanceNote } from './text.ts';

const barHeight = 16;
const barGap = 4;
const groupHeight = 2 * barHeight + barGap + 30;

export function responderFrame(pairs: number): Frame {
  return {
    width: 760,
    height: 20 + pairs * groupHeight + 50,
    margin: { top: 20, right: 70, bottom: 50, left: 300 },
  };
}

export interface ResolvedPair {
  key: string;
  label: string;
  treatment: ChartDatum;
  comparator: ChartDatum;
}

export interface ResponderBar {
  role: 'treatment' | 'comparator';
  x: number;
  y: number;
  width: number;
  height: number;
  /** The value as printed at the end of the bar. */
  text: string;
  textX: number;
  verified: boolean;
  datum: ChartDatum;
}

export interface ResponderGroup {
  key: string;
  label: string;
  /** Timepoint and response threshold, from the data. */
  sublabel: string;
  y: number;
  bars: ResponderBar[];
}

export interface ResponderLayout {
  viewBox: string;
  frame: Frame;
  plot: PlotArea;
  xTicks: Tick[];
  groups: ResponderGroup[];
  barCount: number;
}

/** Resolves each pair and checks both arms share one timepoint and one response definition. */
export function resolveResponders(
  studies: StudyLookup,
  specs: readonly ResponderPairSpec[],
): ResolvedPair[] {
  return specs.map((spec) => {
    const treatment = resolveOutcome(studies, spec.treatment);
    const comparator = resolveOutcome(studies, spec.comparator);
    if (
      treatment.months !== comparator.months ||
      treatment.responderDefinition !== comparator.responderDefinition
    )
      throw new Error(
        `responder chart pair "${spec.key}": both arms need the same timepoint and responder definition (got ${treatment.months} and ${comparator.months} months; "${treatment.responderDefinition}" and "${comparator.responderDefinition}")`,
      );
    return { key: spec.key, label: spec.label, treatment, comparator };
  });
}

export function responderSublabel(datum: ChartDatum): string {
  return `${timepointText(datum)}, ${datum.responderDefinition ?? 'response threshold not stated'}`;
}

export function layoutResponders(
  pairs: readonly ResolvedPair[],
  frame: Frame = responderFrame(pairs.length),
): ResponderLayout {
  const plot = plotArea(frame);
  const x = scaleLinear().domain([0, 100]).range([plot.left, plot.right]);
  const groups = pairs.map((pair, i) => {
    const top = plot.top + i * groupHeight + 26;
    const bars = (['treatment', 'comparator'] as const)
      .map((role, j) => ({ role, datum: pair[role], y: top + j * (barHeight + barGap) }))
      .filter((b) => b.datum.result.value !== null)
      .map(({ role, datum, y }) => {
        const value = datum.result.value as number;
        return {
          role,
          x: px(x(0)),
          y: px(y),
          width: px(x(value) - x(0)),
          height: barHeight,
          text: `${formatNumber(value)}%${isVerified(datum) ? '' : '*'}`,
          textX: px(x(value) + 6),
          verified: isVerified(datum),
          datum,
        };
      });
    return {
      key: pair.key,
      label: pair.label,
      sublabel: responderSublabel(pair.treatment),
      y: px(top - 8),
      bars,
    };
  });
  return {
    viewBox: viewBox(frame),
    frame,
    plot,
    xTicks: x.ticks(5).map((t) => ({ position: px(x(t)), value: t, label: `${formatNumber(t)}%` })),
    groups,
    barCount: groups.reduce((n, g) => n + g.bars.length, 0),
  };
}

export function responderSummary(pairs: readonly ResolvedPair[]): string {
  const pct = (d: ChartDatum) =>
    d.result.value === null ? 'unknown' : `${formatNumber(d.result.value)}%`;
  return pairs
    .map(
      (p) =>
        `${p.label}, ${responderSublabel(p.treatment)}: ${pct(p.treatment)}${provenanceNote(p.treatment)} against ${pct(p.comparator)}${provenanceNote(p.comparator)}.`,
    )
    .join(' ');
}

export function responderDescription(layout: ResponderLayout): string {
  return `Grouped bar chart with ${layout.groups.length} comparisons and ${layout.barCount} bars. Horizontal axis: share of patients meeting the response threshold, 0 to 100%. In each group the upper, solid bar is the ablation arm and the lower, hatched bar the comparator arm; a dashed outline and an asterisk mark values not read in the primary source.`;
}
