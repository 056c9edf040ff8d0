import { beforeAll, describe, expect, it } from 'vitest';
import { layoutForest, resolveForest } from '../../src/lib/charts/forest.ts';
import { layoutResponders, resolveResponders } from '../../src/lib/charts/responders.ts';
import { resolveOutcome } from '../../src/lib/charts/select.ts';
import { layoutTrajectory, resolveTrajectory } from '../../src/lib/charts/trajectory.ts';
import { sideBySideIntro, sideBySideRows } from '../../src/lib/evidence/side-by-side.ts';
import type {
  Chart,
  ForestChartSpec,
  ResponderChartSpec,
  TrajectoryChartSpec,
} from '../../src/lib/schema/chart.ts';
import { chartReferences } from '../../src/lib/schema/chart.ts';
import type { Source } from '../../src/lib/schema/source.ts';
import type { Study } from '../../src/lib/schema/study.ts';
import { checkContent } from '../helpers/content.ts';

let studies: Map<string, Study>;
let sources: Map<string, Source>;
let charts: Map<string, Chart>;
let odiTrajectory: TrajectoryChartSpec;
let responderRates: ResponderChartSpec;
let betweenArmOdi: ForestChartSpec & { id: string };
let pooledRelativeRisk: ForestChartSpec & { id: string };
let pooledProportions: ForestChartSpec & { id: string };
beforeAll(async () => {
  const { content } = await checkContent();
  studies = content.studies;
  sources = content.sources;
  charts = content.charts;
  const chart = <K extends Chart['kind']>(id: string, kind: K) => {
    const found = charts.get(id);
    expect(found?.kind, id).toBe(kind);
    return { id, ...(found as Extract<Chart, { kind: K }>) };
  };
  odiTrajectory = chart('odi-over-time', 'trajectory');
  responderRates = chart('responder-rates', 'responders');
  betweenArmOdi = chart('between-arm-odi', 'forest');
  pooledRelativeRisk = chart('pooled-relative-risk', 'forest');
  pooledProportions = chart('pooled-proportions', 'forest');
});

describe('the evidence charts against the real study entries', () => {
  it('resolve every outcome they name, each with a known value', () => {
    const refs = [...charts.values()].flatMap((c) => chartReferences(c).map((r) => r.ref));
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs)
      expect(
        resolveOutcome(studies, ref).result.value,
        `${ref.study}/${ref.outcome}`,
      ).not.toBeNull();
  });

  it('plot ODI change only, as mean change from baseline', () => {
    for (const ref of odiTrajectory.series.flatMap((s) => s.points)) {
      const d = studies.get(ref.study)!.outcomes.find((o) => o.id === ref.outcome)!;
      expect([d.measure, d.statistic]).toEqual(['odi', 'mean-change']);
    }
  });

  it('contrast the sham-controlled difference (derived, no CI) with the standard-care differences (with CIs)', () => {
    const layout = layoutForest(resolveForest(studies, betweenArmOdi), betweenArmOdi);
    const [smart, intracept3, intracept6] = layout.rows;
    expect(smart!.datum.result.value).toBe(-5.3);
    expect(smart!.derived).toBe(true);
    expect(smart!.interval).toBeNull();
    expect(intracept3!.datum.result.ci95).toEqual([-25.9, -14.7]);
    expect(intracept6!.datum.result.ci95).toEqual([-29.4, -19.6]);
    expect(layout.intervalCount).toBe(2);
  });

  it('show Conger 2021’s pain relative risk crossing 1 and its ODI relative risk clear of it', () => {
    const layout = layoutForest(resolveForest(studies, pooledRelativeRisk), pooledRelativeRisk);
    const [pain, odi] = layout.rows;
    expect(pain!.interval!.x1).toBeLessThan(layout.referenceX!);
    expect(odi!.interval!.x1).toBeGreaterThan(layout.referenceX!);
  });

  it('draw Conger 2022’s four pooled proportions on a 0–100% axis', () => {
    const layout = layoutForest(resolveForest(studies, pooledProportions), pooledProportions);
    expect(layout.pointCount).toBe(4);
    expect(layout.intervalCount).toBe(4);
  });

  it('draw two bars for each responder comparison and one marker per known ODI value', () => {
    expect(layoutResponders(resolveResponders(studies, responderRates.pairs)).barCount).toBe(
      2 * responderRates.pairs.length,
    );
    const series = resolveTrajectory(studies, odiTrajectory.series);
    expect(layoutTrajectory(series).pointCount).toBe(
      odiTrajectory.series.reduce((n, s) => n + s.points.length, 0),
    );
  });

  it('fill every row of the SMART–INTRACEPT comparison from the entries', () => {
    const rows = sideBySideRows(studies);
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) expect(row.cells).toHaveLength(2);
    const difference = rows.find((r) => r.label.startsWith('Difference'))!;
    expect(
      difference.cells.map((c) => (c.kind === 'numbers' ? c.numbers[0]!.number.value : undefined)),
    ).toEqual([-5.3, -20.3]);
  });

  it('cite the comparison’s introduction with sections its sources declare', () => {
    for (const c of sideBySideIntro.flatMap((s) => s.citations)) {
      const source = sources.get(c.source);
      expect(source, c.source).toBeDefined();
      expect(source!.sections ?? [], c.source).toContain(c.section);
    }
  });
});
