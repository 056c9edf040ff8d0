/**
 * SMART (sham-controlled) and INTRACEPT (open-label, standard care) side by side: which fields and
 * outcome rows of each study entry fill each row of the comparison. Like the charts, it holds only
 * references; every value comes from the study entries.
 */
import type { CitedText } from '../schema/common.ts';
import type { ReportedNumber, Study } from '../schema/study.ts';
import { designLabel, timepointLabel } from '../format/studies.ts';

export interface SideBySideColumn {
  /** Heading of the column. */
  title: string;
  /** The study entry the column reads. */
  study: string;
  /** Outcome ids for each numeric row, in this study. */
  outcomes: {
    odiChangeTreatment: string;
    odiChangeComparator: string;
    odiDifference: string;
    respondersTreatment: string;
    respondersComparator: string;
  };
  /** The study entry with the longest follow-up of the same trial. */
  longestFollowUp: string;
}

export const sideBySideColumns: SideBySideColumn[] = [
  {
    title: 'SMART: ablation vs sham',
    study: 'smart-2018',
    outcomes: {
      odiChangeTreatment: 'odi-change-3m-bvna',
      odiChangeComparator: 'odi-change-3m-sham',
      odiDifference: 'odi-difference-3m-derived',
      respondersTreatment: 'odi-responders-3m-bvna',
      respondersComparator: 'odi-responders-3m-sham',
    },
    longestFollowUp: 'smart-2020-5-year',
  },
  {
    title: 'INTRACEPT: ablation vs standard care',
    study: 'intracept-2021-12-month',
    outcomes: {
      odiChangeTreatment: 'odi-change-3m-bvna',
      odiChangeComparator: 'odi-change-3m-standard-care',
      odiDifference: 'odi-difference-3m',
      respondersTreatment: 'odi-responders-15-3m-bvna',
      respondersComparator: 'odi-responders-15-3m-standard-care',
    },
    longestFollowUp: 'intracept-2021-24-month',
  },
];

/** The comparison's introduction, cited like any other statement. */
export const sideBySideIntro: CitedText[] = [
  {
    text: 'The two randomised trials answer different questions: SMART compared ablation with a sham procedure under blinding, INTRACEPT with continued standard care, openly.',
    citations: [
      { source: 'fischgrund-2018', section: 'Abstract' },
      { source: 'smuck-2021', section: 'Abstract' },
    ],
  },
  {
    text: 'The design and the comparator largely explain why their differences between arms are so far apart.',
    citations: [{ source: 'bvn-atlas-dossier', section: '6 Contradictions' }],
  },
];

/** One value in a numeric cell, with what it is and where it sits in the entry. */
export interface CellNumber {
  label: string;
  number: ReportedNumber;
  derived: boolean;
  /** `study/outcome` path, for anchors and tests. */
  path: string;
}

export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'cited'; statements: CitedText[] }
  | { kind: 'numbers'; numbers: CellNumber[] }
  | { kind: 'link'; href: string; text: string };

export interface SideBySideRow {
  label: string;
  cells: Cell[];
}

type Lookup = ReadonlyMap<string, Study>;

function need(studies: Lookup, id: string): Study {
  const study = studies.get(id);
  if (!study) throw new Error(`side-by-side: no study "${id}" in src/content/studies`);
  return study;
}

function outcomeNumber(
  studies: Lookup,
  studyId: string,
  outcomeId: string,
  label: (o: Study['outcomes'][number], arm: string) => string,
): CellNumber {
  const study = need(studies, studyId);
  const row = study.outcomes.find((o) => o.id === outcomeId);
  if (!row)
    throw new Error(
      `side-by-side: study "${studyId}" has no outcome "${outcomeId}" (expected one of: ${study.outcomes.map((o) => o.id).join(', ')})`,
    );
  const arm = study.arms.find((a) => a.id === row.arm)?.label ?? 'Between arms';
  return {
    label: label(row, arm),
    number: row.result,
    derived: row.derivedFrom !== undefined,
    path: `${studyId}/${outcomeId}`,
  };
}

/** The comparison rows, one cell per column. */
export function sideBySideRows(
  studies: Lookup,
  columns: readonly SideBySideColumn[] = sideBySideColumns,
): SideBySideRow[] {
  const studyOf = (c: SideBySideColumn) => need(studies, c.study);
  const arm = (o: Study['outcomes'][number], label: string) => `${label}, ${timepointLabel(o)}`;
  const cited = (pick: (s: Study) => CitedText | CitedText[] | undefined): Cell[] =>
    columns.map((c) => {
      const value = pick(studyOf(c));
      return {
        kind: 'cited',
        statements: value === undefined ? [] : Array.isArray(value) ? value : [value],
      };
    });
  return [
    {
      label: 'Design',
      cells: columns.map((c) => ({ kind: 'text', text: designLabel[studyOf(c).design] })),
    },
    { label: 'Blinding', cells: cited((s) => s.blinding) },
    { label: 'Comparator', cells: cited((s) => s.comparator) },
    {
      label: 'Patients per arm',
      cells: columns.map((c) => ({
        kind: 'numbers',
        numbers: studyOf(c)
          .arms.filter((a) => a.role !== 'crossover')
          .map((a) => ({
            label: a.label,
            number: a.n,
            derived: false,
            path: `${c.study}/arm-${a.id}`,
          })),
      })),
    },
    { label: 'Population', cells: cited((s) => s.population) },
    { label: 'Primary endpoint', cells: cited((s) => s.primaryEndpoint) },
    {
      label: 'Mean change in ODI at the primary timepoint',
      cells: columns.map((c) => ({
        kind: 'numbers',
        numbers: [
          outcomeNumber(studies, c.study, c.outcomes.odiChangeTreatment, arm),
          outcomeNumber(studies, c.study, c.outcomes.odiChangeComparator, arm),
        ],
      })),
    },
    {
      label: 'Difference between arms in ODI change',
      cells: columns.map((c) => ({
        kind: 'numbers',
        numbers: [
          outcomeNumber(
            studies,
            c.study,
            c.outcomes.odiDifference,
            (o) => `${o.label}, ${timepointLabel(o)}`,
          ),
        ],
      })),
    },
    {
      label: 'ODI responders',
      cells: columns.map((c) => ({
        kind: 'numbers',
        numbers: [
          outcomeNumber(
            studies,
            c.study,
            c.outcomes.respondersTreatment,
            (o, a) =>
              `${a}, ${timepointLabel(o)} (${o.responderDefinition ?? 'threshold not stated'})`,
          ),
          outcomeNumber(
            studies,
            c.study,
            c.outcomes.respondersComparator,
            (o, a) =>
              `${a}, ${timepointLabel(o)} (${o.responderDefinition ?? 'threshold not stated'})`,
          ),
        ],
      })),
    },
    { label: 'Crossover', cells: cited((s) => s.crossover) },
    { label: 'Funding', cells: cited((s) => s.funding) },
    {
      label: 'Longest follow-up',
      cells: columns.map((c) => ({
        kind: 'link',
        href: `/studies/${c.longestFollowUp}/`,
        text: need(studies, c.longestFollowUp).title,
      })),
    },
  ];
}
