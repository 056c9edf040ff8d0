/** Small synthetic studies for the chart-maths tests: values chosen so positions are easy to check by hand. */
import type { OutcomeRef } from '../../../src/lib/schema/chart.ts';
import { studySchema, type Study } from '../../../src/lib/schema/study.ts';

const cite = { source: 'fixture-source', section: 'Abstract' };

type Row = {
  id: string;
  arm: string;
  months: number;
  value: number | null;
  unit?: string;
  ci95?: [number, number];
  verification?: Study['outcomes'][number]['result']['verification'];
  responderDefinition?: string;
  statistic?: Study['outcomes'][number]['statistic'];
  derivedFrom?: { minuend: string; subtrahend: string };
};

export function fixtureStudy(shortName: string, rows: Row[]): Study {
  return studySchema.parse({
    title: `${shortName} fixture`,
    shortName,
    design: 'sham-controlled-rct',
    source: 'fixture-source',
    arms: [
      {
        id: 'bvna',
        label: 'Ablation',
        role: 'treatment',
        n: { value: 10, citation: cite, verification: 'verified' },
      },
      {
        id: 'sham',
        label: 'Sham',
        role: 'comparator',
        n: { value: 10, citation: cite, verification: 'verified' },
      },
    ],
    outcomes: rows.map((r) => ({
      id: r.id,
      measure: 'odi',
      statistic: r.statistic ?? 'mean-change',
      label: `Row ${r.id}`,
      timepointMonths: r.months,
      arm: r.arm,
      ...(r.responderDefinition && { responderDefinition: r.responderDefinition }),
      ...(r.derivedFrom && { derivedFrom: { operation: 'difference', ...r.derivedFrom } }),
      result: {
        value: r.value,
        unit: r.unit ?? 'points',
        ...(r.ci95 && { ci95: r.ci95 }),
        citation: cite,
        verification: r.verification ?? 'verified',
      },
    })),
    summary: 'Fixture.',
    lastReviewed: '2026-11-25',
  });
}

export function lookup(studies: Record<string, Study>): ReadonlyMap<string, Study> {
  return new Map(Object.entries(studies));
}

/** A chart's reference to one outcome row, as a chart entry writes it. */
export function outcomeRef(study: string, outcome: string): OutcomeRef {
  return { study, outcome };
}
