/**
 * Every reported number a study entry holds, with the path its study page marks it with
 * (`arms.<id>.n`, `outcomes.<id>`, `flow.<index>`, `harms.<id>`, `harms.<id>.denominator`), so
 * tests can check that the page shows each one exactly as the entry holds it.
 */
import type { ReportedNumber, Study } from '../schema/study.ts';

export interface StudyNumber {
  path: string;
  number: ReportedNumber;
}

export function studyNumbers(study: Study): StudyNumber[] {
  const outcome = (id: string) => study.outcomes.find((o) => o.id === id)!.result;
  return [
    ...study.arms.map((a) => ({ path: `arms.${a.id}.n`, number: a.n })),
    ...study.outcomes.map((o) => ({ path: `outcomes.${o.id}`, number: o.result })),
    ...study.flow.map((step, i) => ({ path: `flow.${i}`, number: step.count })),
    ...study.harms.flatMap((h) => [
      { path: `harms.${h.id}`, number: h.events ?? outcome(h.outcome!) },
      ...(h.denominator ? [{ path: `harms.${h.id}.denominator`, number: h.denominator }] : []),
    ]),
  ];
}
