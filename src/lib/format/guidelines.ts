/** Words and ordering for guideline positions: document kinds, stance order, and the GRADE reading in one line. */
import type { Guideline, GuidelineStance } from '../schema/guideline.ts';

export const documentTypeLabel: Record<Guideline['documentType'], string> = {
  guideline: 'Guideline',
  'policy-statement': 'Policy statement',
  'draft-coverage-recommendation': 'Draft coverage recommendation',
  'evidence-appraisal': 'Evidence appraisal (payer)',
  'systematic-review': 'Systematic review',
};

/** From most to least favourable to BVNA, then the positions that say nothing about it. */
export const stanceOrder: GuidelineStance[] = [
  'recommends',
  'recommends-with-criteria',
  'conditional',
  'rates-evidence',
  'insufficient-evidence',
  'recommends-against',
  'not-addressed',
  'predates-bvna',
  'not-established',
];

/** "moderate certainty" / "strong for, high certainty"; undefined when no mapping is given. */
export function gradeReading(g: Pick<Guideline, 'gradeMapping'>): string | undefined {
  if (!g.gradeMapping) return undefined;
  const parts = [
    g.gradeMapping.recommendation?.replace(/-/g, ' '),
    g.gradeMapping.certainty && `${g.gradeMapping.certainty.replace('-', ' ')} certainty`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** Guidelines sorted by stance order, then newest first (undated last). */
export function byStance<T extends { data: Pick<Guideline, 'stance' | 'year'> }>(
  entries: readonly T[],
): T[] {
  return [...entries].sort(
    (a, b) =>
      stanceOrder.indexOf(a.data.stance) - stanceOrder.indexOf(b.data.stance) ||
      (b.data.year ?? -Infinity) - (a.data.year ?? -Infinity),
  );
}
