/**
 * Geometry for the responder-rate chart: for each comparison, two horizontal bars (ablation and
 * comparator) on a 0–100% axis, for the same response threshold at the same timepoint. Wide:
 * labels left of the bars. Narrow: each comparison's label stacked above its bars.
 */
import { scaleLinear } from 'd3-scale';
import { formatNumber } from '../evidence/numbers.ts';
import type { ResponderPairSpec } from '../schema/chart.ts';
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
import { provenanceNote } from './text.ts';

const barHeight = 16;
const barGap = 4;
const wideGroupHeight = 2 * barHeight + barGap + 30;
const narrowWidth = 340;
const narrowPad = 12;

export function responderFrame(pairs: number): Frame {
  return {
    width: 760,
    height: 20 + pairs * wideGroupHeight + 50,
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
  /** The label and sublabel, placed. */
  texts: PlacedText[];
  bars: ResponderBar[];
}

export interface ResponderLayout {
  width: ChartWidth;
  viewBox: string;
  frame: Frame;
  plot: PlotArea;
  xTicks: Tick[];
  /** Tick labels and the axis label, placed. */
  axisTexts: PlacedText[];
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

/** Where each group's label and first bar go, and the frame that holds them. */
function placeGroups(pairs: readonly ResolvedPair[], width: ChartWidth) {
  if (width === 'wide') {
    const frame = responderFrame(pairs.length);
    const plot = plotArea(frame);
    return {
      frame,
      plot,
      groups: pairs.map((pair, i) => {
        const barTop = plot.top + i * wideGroupHeight + 26;
        return {
          barTop,
          texts: [
            placeText('row-label', pair.label, plot.left - 12, barTop + 6, 'end'),
            placeText(
              'row-sublabel',
              responderSublabel(pair.treatment),
              plot.left - 12,
              barTop + 24,
              'end',
            ),
          ],
        };
      }),
    };
  }
  const textWidth = narrowWidth - 2 * narrowPad;
  let y = 8;
  const groups = pairs.map((pair) => {
    const label = placeText('row-label', pair.label, narrowPad, y + 13, 'start', textWidth);
    y += textHeight(label);
    const sublabel = placeText(
      'row-sublabel',
      responderSublabel(pair.treatment),
      narrowPad,
      y + 12,
      'start',
      textWidth,
    );
    y += textHeight(sublabel) + 6;
    const barTop = y;
    y += 2 * barHeight + barGap + 18;
    return { barTop, texts: [label, sublabel] };
  });
  const frame: Frame = {
    width: narrowWidth,
    height: px(y + 50),
    margin: { top: 8, right: 56, bottom: 50, left: narrowPad + 4 },
  };
  return { frame, plot: plotArea(frame), groups };
}

export function layoutResponders(
  pairs: readonly ResolvedPair[],
  width: ChartWidth = 'wide',
): ResponderLayout {
  const { frame, plot, groups: placed } = placeGroups(pairs, width);
  const x = scaleLinear().domain([0, 100]).range([plot.left, plot.right]);
  const groups = pairs.map((pair, i) => {
    const { barTop, texts } = placed[i]!;
    const bars = (['treatment', 'comparator'] as const)
      .map((role, j) => ({ role, datum: pair[role], y: barTop + j * (barHeight + barGap) }))
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
      texts,
      bars,
    };
  });
  const xTicks = x
    .ticks(5)
    .map((t) => ({ position: px(x(t)), value: t, label: `${formatNumber(t)}%` }));
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
        'Share of patients meeting the threshold',
        (plot.left + plot.right) / 2,
        plot.bottom + 44,
        'middle',
      ),
    ],
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
