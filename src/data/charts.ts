/**
 * Astro-side assembly of the evidence charts: reads the chart entries (src/content/charts) and the
 * study entries once, resolves each chart's outcome references and lays each chart out twice, wide
 * and narrow, with the pure chart modules. Pages and components call this; no value is typed
 * anywhere but the study files.
 */
import {
  forestDescription,
  forestSummary,
  layoutForest,
  resolveForest,
  type ForestLayout,
  type ResolvedForestRow,
} from '../lib/charts/forest.ts';
import type { ChartWidth } from '../lib/charts/frame.ts';
import {
  layoutResponders,
  resolveResponders,
  responderDescription,
  responderSummary,
  type ResolvedPair,
  type ResponderLayout,
} from '../lib/charts/responders.ts';
import type { StudyLookup } from '../lib/charts/select.ts';
import {
  layoutTrajectory,
  resolveTrajectory,
  trajectoryDescription,
  trajectoryGapNote,
  trajectorySummary,
  type ResolvedSeries,
  type TrajectoryLayout,
} from '../lib/charts/trajectory.ts';
import type {
  Chart,
  ForestChartSpec,
  ResponderChartSpec,
  TrajectoryChartSpec,
} from '../lib/schema/chart.ts';
import type { Study } from '../lib/schema/study.ts';
import { siteContent } from './collections.ts';

interface ChartText {
  id: string;
  title: string;
  /** The SVG's <desc>: what is drawn. */
  description: string;
  /** The findings in sentences, shown as the caption. */
  summary: string;
  /** How to read it, in one sentence. */
  reading: string;
  /** Anything drawn that needs saying under the chart (e.g. why a line breaks); may be empty. */
  note: string;
}

/** The two drawings of a chart, chosen between by CSS. */
type Layouts<L> = Record<ChartWidth, L>;

export interface TrajectoryChartModel extends ChartText {
  kind: 'trajectory';
  series: ResolvedSeries[];
  layouts: Layouts<TrajectoryLayout>;
}
export interface ForestChartModel extends ChartText {
  kind: 'forest';
  spec: ForestChartSpec;
  rows: ResolvedForestRow[];
  layouts: Layouts<ForestLayout>;
}
export interface ResponderChartModel extends ChartText {
  kind: 'responders';
  pairs: ResolvedPair[];
  layouts: Layouts<ResponderLayout>;
}
export type ChartModel = TrajectoryChartModel | ForestChartModel | ResponderChartModel;

function both<L>(layout: (width: ChartWidth) => L): Layouts<L> {
  return { wide: layout('wide'), narrow: layout('narrow') };
}

export function trajectoryModel(
  studies: StudyLookup,
  id: string,
  spec: TrajectoryChartSpec,
): TrajectoryChartModel {
  const series = resolveTrajectory(studies, spec.series);
  const layouts = both((width) => layoutTrajectory(series, width));
  return {
    kind: 'trajectory',
    id,
    title: spec.title,
    reading: spec.reading,
    note: trajectoryGapNote(layouts.wide),
    description: trajectoryDescription(layouts.wide),
    summary: trajectorySummary(series),
    series,
    layouts,
  };
}

export function responderModel(
  studies: StudyLookup,
  id: string,
  spec: ResponderChartSpec,
): ResponderChartModel {
  const pairs = resolveResponders(studies, spec.pairs);
  const layouts = both((width) => layoutResponders(pairs, width));
  return {
    kind: 'responders',
    id,
    title: spec.title,
    reading: spec.reading,
    note: '',
    description: responderDescription(layouts.wide),
    summary: responderSummary(pairs),
    pairs,
    layouts,
  };
}

export function forestModel(
  studies: StudyLookup,
  id: string,
  spec: ForestChartSpec,
): ForestChartModel {
  const rows = resolveForest(studies, spec);
  const layouts = both((width) => layoutForest(rows, { id, ...spec }, width));
  return {
    kind: 'forest',
    id,
    title: spec.title,
    reading: spec.reading,
    note: '',
    description: forestDescription(layouts.wide, spec),
    summary: forestSummary(rows),
    spec,
    rows,
    layouts,
  };
}

function chartModel(studies: StudyLookup, id: string, spec: Chart): ChartModel {
  switch (spec.kind) {
    case 'trajectory':
      return trajectoryModel(studies, id, spec);
    case 'responders':
      return responderModel(studies, id, spec);
    case 'forest':
      return forestModel(studies, id, spec);
    default:
      return spec satisfies never;
  }
}

/** Every chart id, in the order the chart entries give. */
export async function chartIds(): Promise<string[]> {
  const { charts } = await siteContent();
  return [...charts].sort((a, b) => a.data.order - b.data.order).map((c) => c.id);
}

/** One chart, built from the current study entries. */
export async function evidenceChart(id: string): Promise<ChartModel> {
  const { charts, studies } = await siteContent();
  const entry = charts.find((c) => c.id === id);
  if (!entry)
    throw new Error(
      `unknown chart "${id}": expected the name of a file in src/content/charts (one of: ${charts.map((c) => c.id).join(', ')})`,
    );
  const lookup = new Map<string, Study>(studies.map((s) => [s.id, s.data]));
  return chartModel(lookup, entry.id, entry.data);
}
