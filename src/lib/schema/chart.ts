/**
 * An evidence chart: which outcome rows of which studies it shows, and the editors' words around
 * them (title, how to read it, series and row names). Every value, interval, timepoint and
 * citation comes from the study entries when the chart is built, so a chart file holds no number
 * but its axis settings. The geometry lives in src/lib/charts.
 */
import { z } from 'astro/zod';
import { entryId } from './common.ts';

/** One outcome row of one study: `{ study: smart-2018, outcome: odi-change-3m-bvna }`. */
export const outcomeRef = z
  .object({
    /** Id of a file in src/content/studies. */
    study: entryId,
    /** Id of an outcome row in that study. */
    outcome: entryId,
  })
  .strict();
export type OutcomeRef = z.infer<typeof outcomeRef>;

/** Colour family of a series: one per trial or data source, so a trial's arms share a hue. */
export const seriesHue = z.enum([
  'smart',
  'intracept',
  'truumees',
  'community',
  'pooled-three',
  'pooled-five',
]);
export type SeriesHue = z.infer<typeof seriesHue>;

const common = {
  /** Heading of the chart and the SVG's title. */
  title: z.string().min(1),
  /** How to read the chart, in one or two sentences. */
  reading: z.string().min(1),
  /** Position among the charts listed on the studies page, smallest first. */
  order: z.int().nonnegative(),
};

const trajectorySeries = z
  .object({
    /** Stable key, unique within the chart. */
    key: entryId,
    /** Series name shown in the legend and the data table. */
    label: z.string().min(1),
    hue: seriesHue,
    /** Treatment series are drawn solid with circles; comparator series dashed with squares. */
    role: z.enum(['treatment', 'comparator']),
    /** Mean change in ODI at each timepoint the series reports (any order; drawn by month). */
    points: z.array(outcomeRef).min(1),
  })
  .strict();

/** Mean change in ODI over time, one line per trial arm. */
const trajectoryChart = z
  .object({ kind: z.literal('trajectory'), ...common, series: z.array(trajectorySeries).min(1) })
  .strict();

const responderPair = z
  .object({
    key: entryId,
    /** Name of the comparison, e.g. "SMART vs sham (blinded)". */
    label: z.string().min(1),
    /** The ablation arm's responder rate. */
    treatment: outcomeRef,
    /** The comparator arm's rate at the same timepoint and threshold. */
    comparator: outcomeRef,
  })
  .strict();

/** Responder rates, ablation against comparator, as pairs of bars. */
const responderChart = z
  .object({ kind: z.literal('responders'), ...common, pairs: z.array(responderPair).min(1) })
  .strict();

const forestRow = z
  .object({
    key: entryId,
    /** Row name; the timepoint and how the value is established are added from the data. */
    label: z.string().min(1),
    ref: outcomeRef,
  })
  .strict();

/** Estimates with their 95% confidence intervals, one row each. */
const forestChart = z
  .object({
    kind: z.literal('forest'),
    ...common,
    /** What the axis measures, in words (its unit comes from the data). */
    axisLabel: z.string().min(1),
    scale: z.enum(['linear', 'log']),
    /** The no-effect line: 0 for differences, 1 for ratios; absent for plain proportions. */
    reference: z.number().optional(),
    /** Fixed axis range, e.g. [0, 100] for percentages; otherwise fitted to the data. */
    domain: z.tuple([z.number(), z.number()]).optional(),
    rows: z.array(forestRow).min(1),
  })
  .strict()
  .refine((c) => !c.domain || c.domain[0] < c.domain[1], {
    message: 'domain must be [lowest, highest]',
    path: ['domain'],
  });

export const chartSchema = z
  .discriminatedUnion('kind', [trajectoryChart, responderChart, forestChart])
  .superRefine((chart, ctx) => {
    const keys = new Set<string>();
    const items =
      chart.kind === 'trajectory'
        ? chart.series
        : chart.kind === 'responders'
          ? chart.pairs
          : chart.rows;
    const field =
      chart.kind === 'trajectory' ? 'series' : chart.kind === 'responders' ? 'pairs' : 'rows';
    items.forEach((item, i) => {
      if (keys.has(item.key))
        ctx.addIssue({
          code: 'custom',
          path: [field, i, 'key'],
          message: `duplicate key "${item.key}"`,
        });
      keys.add(item.key);
    });
  });
export type Chart = z.infer<typeof chartSchema>;
export type TrajectoryChartSpec = Extract<Chart, { kind: 'trajectory' }>;
export type ResponderChartSpec = Extract<Chart, { kind: 'responders' }>;
export type ForestChartSpec = Extract<Chart, { kind: 'forest' }>;
export type TrajectorySeriesSpec = TrajectoryChartSpec['series'][number];
export type ResponderPairSpec = ResponderChartSpec['pairs'][number];
export type ForestRowSpec = ForestChartSpec['rows'][number];

/** Every outcome reference of a chart with its field path, for the cross-reference check. */
export function chartReferences(chart: Chart): { field: string; ref: OutcomeRef }[] {
  switch (chart.kind) {
    case 'trajectory':
      return chart.series.flatMap((s, i) =>
        s.points.map((ref, j) => ({ field: `series[${i}].points[${j}]`, ref })),
      );
    case 'responders':
      return chart.pairs.flatMap((p, i) => [
        { field: `pairs[${i}].treatment`, ref: p.treatment },
        { field: `pairs[${i}].comparator`, ref: p.comparator },
      ]);
    case 'forest':
      return chart.rows.map((r, i) => ({ field: `rows[${i}].ref`, ref: r.ref }));
    default:
      return chart satisfies never;
  }
}
