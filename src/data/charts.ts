/**
 * Astro-side assembly of the evidence charts: reads the study entries once, resolves each chart's
 * outcome references (src/lib/charts/evidence-charts.ts) and lays them out with the pure chart
 * modules. Pages and components call this; no value is typed anywhere but the content files.
 */
import {
  betweenArmOdi,
  forestCharts,
  odiTrajectory,
  pooledProportions,
  pooledRelativeRisk,
  responderRates,
  type ForestSpec,
} from '../lib/charts/evidence-charts.ts';
import {
  forestDescription,
  forestSummary,
  layoutForest,
  resolveForest,
  type ForestLayout,
  type ResolvedForestRow,
} from '../lib/charts/forest.ts';
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
  trajectorySummary,
  type ResolvedSeries,
  type TrajectoryLayout,
} from '../lib/charts/trajectory.ts';
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
}

export interface TrajectoryChartModel extends ChartText {
  kind: 'trajectory';
  series: ResolvedSeries[];
  layout: TrajectoryLayout;
}
export interface ForestChartModel extends ChartText {
  kind: 'forest';
  spec: ForestSpec;
  rows: ResolvedForestRow[];
  layout: ForestLayout;
}
export interface ResponderChartModel extends ChartText {
  kind: 'responders';
  pairs: ResolvedPair[];
  layout: ResponderLayout;
}
export type ChartModel = TrajectoryChartModel | ForestChartModel | ResponderChartModel;

export function trajectoryModel(studies: StudyLookup): TrajectoryChartModel {
  const series = resolveTrajectory(studies, odiTrajectory.series);
  const layout = layoutTrajectory(series);
  return {
    kind: 'trajectory',
    id: odiTrajectory.id,
    title: odiTrajectory.title,
    reading: odiTrajectory.reading,
    description: trajectoryDescription(layout),
    summary: trajectorySummary(series),
    series,
    layout,
  };
}

export function responderModel(studies: StudyLookup): ResponderChartModel {
  const pairs = resolveResponders(studies, responderRates.pairs);
  const layout = layoutResponders(pairs);
  return {
    kind: 'responders',
    id: responderRates.id,
    title: responderRates.title,
    reading: responderRates.reading,
    description: responderDescription(layout),
    summary: responderSummary(pairs),
    pairs,
    layout,
  };
}

export function forestModel(studies: StudyLookup, spec: ForestSpec): ForestChartModel {
  const rows = resolveForest(studies, spec);
  const layout = layoutForest(rows, spec);
  return {
    kind: 'forest',
    id: spec.id,
    title: spec.title,
    reading: spec.reading,
    description: forestDescription(layout, spec),
    summary: forestSummary(rows),
    spec,
    rows,
    layout,
  };
}

/** The chart ids a page may ask for by name (e.g. from MDX). */
export const chartIds = [
  odiTrajectory.id,
  responderRates.id,
  betweenArmOdi.id,
  pooledRelativeRisk.id,
  pooledProportions.id,
] as const;
export type ChartId = (typeof chartIds)[number];

async function studyLookup(): Promise<StudyLookup> {
  const { studies } = await siteContent();
  return new Map<string, Study>(studies.map((s) => [s.id, s.data]));
}

/** One chart, built from the current study entries. */
export async function evidenceChart(id: ChartId): Promise<ChartModel> {
  const studies = await studyLookup();
  if (id === odiTrajectory.id) return trajectoryModel(studies);
  if (id === responderRates.id) return responderModel(studies);
  const spec = forestCharts[id];
  if (!spec) throw new Error(`unknown chart "${id}" (expected one of: ${chartIds.join(', ')})`);
  return forestModel(studies, spec);
}
