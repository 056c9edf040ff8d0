/**
 * Which outcome rows each evidence chart shows. Only references live here (study id + outcome id);
 * every value, timepoint, confidence interval and label comes from the study entries when the chart
 * is built. To add a point, add the outcome row to the study's YAML, then reference it here.
 */
import { outcomeRef, type OutcomeRef } from './select.ts';

/** Colour family of a series: one per trial or data source, so a trial's arms share a hue. */
export type SeriesHue =
  'smart' | 'intracept' | 'truumees' | 'community' | 'pooled-three' | 'pooled-five';

export interface TrajectorySeriesSpec {
  key: string;
  /** Series name shown in the legend and the data table. */
  label: string;
  hue: SeriesHue;
  /** Treatment series are drawn solid with circles; comparator series dashed with squares. */
  role: 'treatment' | 'comparator';
  points: OutcomeRef[];
}

export interface ResponderPairSpec {
  key: string;
  label: string;
  treatment: OutcomeRef;
  comparator: OutcomeRef;
}

export interface ForestRowSpec {
  key: string;
  label: string;
  ref: OutcomeRef;
}

export interface ForestSpec {
  id: string;
  title: string;
  /** What the axis measures, in words (its unit comes from the data). */
  axisLabel: string;
  scale: 'linear' | 'log';
  /** The no-effect line: 0 for differences, 1 for ratios; absent for plain proportions. */
  reference?: number;
  /** Fixed axis range, e.g. [0, 100] for percentages; otherwise fitted to the data. */
  domain?: [number, number];
  /** How to read the chart, in one sentence. */
  reading: string;
  rows: ForestRowSpec[];
}

export const odiTrajectory = {
  id: 'odi-over-time',
  title: 'Mean change in ODI from baseline over time, by trial and arm',
  reading:
    'Lower is better: a fall in ODI means less disability. Timepoints are spaced evenly, not to scale.',
  series: [
    {
      key: 'smart-ablation',
      label: 'SMART: ablation',
      hue: 'smart',
      role: 'treatment',
      points: [
        outcomeRef('smart-2018', 'odi-change-3m-bvna'),
        outcomeRef('smart-2020-5-year', 'odi-change-60m'),
      ],
    },
    {
      key: 'smart-sham',
      label: 'SMART: sham',
      hue: 'smart',
      role: 'comparator',
      points: [outcomeRef('smart-2018', 'odi-change-3m-sham')],
    },
    {
      key: 'intracept-ablation',
      label: 'INTRACEPT: ablation',
      hue: 'intracept',
      role: 'treatment',
      points: [
        outcomeRef('intracept-2021-12-month', 'odi-change-3m-bvna'),
        outcomeRef('intracept-2021-12-month', 'odi-change-12m-bvna'),
        outcomeRef('intracept-2021-24-month', 'odi-change-24m'),
      ],
    },
    {
      key: 'intracept-standard-care',
      label: 'INTRACEPT: standard care',
      hue: 'intracept',
      role: 'comparator',
      points: [outcomeRef('intracept-2021-12-month', 'odi-change-3m-standard-care')],
    },
    {
      key: 'truumees',
      label: 'Truumees 2019: single arm',
      hue: 'truumees',
      role: 'treatment',
      points: [outcomeRef('truumees-2019', 'odi-change-3m')],
    },
    {
      key: 'community',
      label: 'Community practice (AAN 2023): single arm',
      hue: 'community',
      role: 'treatment',
      points: [outcomeRef('schnapp-aan-2023-community', 'odi-change-6m')],
    },
    {
      key: 'pooled-three',
      label: 'Pooled 3-year analysis',
      hue: 'pooled-three',
      role: 'treatment',
      points: [outcomeRef('pooled-3-year-sir-2023', 'odi-change-36m')],
    },
    {
      key: 'pooled-five',
      label: 'Pooled 5-year analysis',
      hue: 'pooled-five',
      role: 'treatment',
      points: [outcomeRef('pooled-5-year-sir-2025', 'odi-change-60m')],
    },
  ] satisfies TrajectorySeriesSpec[],
};

export const responderRates = {
  id: 'responder-rates',
  title: 'ODI responder rates, ablation against the comparator arm',
  reading:
    'Each pair compares the share of patients meeting the same response threshold at the same time in each arm.',
  pairs: [
    {
      key: 'smart-10-3m',
      label: 'SMART vs sham (blinded)',
      treatment: outcomeRef('smart-2018', 'odi-responders-3m-bvna'),
      comparator: outcomeRef('smart-2018', 'odi-responders-3m-sham'),
    },
    {
      key: 'intracept-15-3m',
      label: 'INTRACEPT vs standard care (open)',
      treatment: outcomeRef('intracept-2021-12-month', 'odi-responders-15-3m-bvna'),
      comparator: outcomeRef('intracept-2021-12-month', 'odi-responders-15-3m-standard-care'),
    },
    {
      key: 'intracept-20-3m',
      label: 'INTRACEPT vs standard care (open)',
      treatment: outcomeRef('intracept-2021-12-month', 'odi-responders-20-3m-bvna'),
      comparator: outcomeRef('intracept-2021-12-month', 'odi-responders-20-3m-standard-care'),
    },
    {
      key: 'intracept-15-6m',
      label: 'INTRACEPT vs standard care (open)',
      treatment: outcomeRef('intracept-2021-12-month', 'odi-responders-15-6m-bvna'),
      comparator: outcomeRef('intracept-2021-12-month', 'odi-responders-15-6m-standard-care'),
    },
  ] satisfies ResponderPairSpec[],
};

export const betweenArmOdi: ForestSpec = {
  id: 'between-arm-odi',
  title:
    'Difference in ODI change between arms: sham-controlled against open-label standard-care comparison',
  axisLabel: 'Ablation minus comparator, ODI points',
  scale: 'linear',
  reference: 0,
  reading:
    'Left of the zero line favours ablation. Bars are 95% confidence intervals; a point without a bar has no interval reported.',
  rows: [
    {
      key: 'smart-3m',
      label: 'SMART vs sham (blinded)',
      ref: outcomeRef('smart-2018', 'odi-difference-3m-derived'),
    },
    {
      key: 'intracept-3m',
      label: 'INTRACEPT vs standard care (open)',
      ref: outcomeRef('intracept-2021-12-month', 'odi-difference-3m'),
    },
    {
      key: 'intracept-6m',
      label: 'INTRACEPT vs standard care (open)',
      ref: outcomeRef('intracept-2021-12-month', 'odi-difference-6m'),
    },
  ],
};

export const pooledRelativeRisk: ForestSpec = {
  id: 'pooled-relative-risk',
  title: 'Pooled relative risk of treatment success against sham (Conger 2021)',
  axisLabel: 'Relative risk, log scale',
  scale: 'log',
  reference: 1,
  reading:
    'Right of the line at 1 favours ablation; an interval that crosses 1 is not statistically significant.',
  rows: [
    {
      key: 'rr-pain-50',
      label: 'Pain reduced by half or more',
      ref: outcomeRef('conger-2021', 'rr-pain-reduction-50-vs-sham'),
    },
    {
      key: 'rr-odi-10',
      label: 'ODI improved by 10 points or more',
      ref: outcomeRef('conger-2021', 'rr-odi-10-vs-sham'),
    },
  ],
};

export const pooledProportions: ForestSpec = {
  id: 'pooled-proportions',
  title: 'Pooled success rates after ablation, single-arm meta-analysis (Conger 2022)',
  axisLabel: 'Share of treated patients, %',
  scale: 'linear',
  domain: [0, 100],
  reading:
    'Each point is a pooled share of treated patients with its 95% confidence interval; there is no comparator arm.',
  rows: [
    {
      key: 'pain-50-6m',
      label: 'Pain reduced by half or more',
      ref: outcomeRef('conger-2022', 'pain-reduction-50-6m'),
    },
    {
      key: 'pain-50-12m',
      label: 'Pain reduced by half or more',
      ref: outcomeRef('conger-2022', 'pain-reduction-50-12m'),
    },
    {
      key: 'odi-15-6m',
      label: 'ODI improved by 15 points or more',
      ref: outcomeRef('conger-2022', 'odi-15-6m'),
    },
    {
      key: 'odi-15-12m',
      label: 'ODI improved by 15 points or more',
      ref: outcomeRef('conger-2022', 'odi-15-12m'),
    },
  ],
};

/** Every forest-style chart, by id, for pages that pick one by name. */
export const forestCharts = {
  [betweenArmOdi.id]: betweenArmOdi,
  [pooledRelativeRisk.id]: pooledRelativeRisk,
  [pooledProportions.id]: pooledProportions,
} as Record<string, ForestSpec>;
