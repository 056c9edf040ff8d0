/**
 * The browser pair page's diff: from the files of two lines (pair-query.ts) and of the LCD lines
 * they apply, the same `diffLines` and the same `pairPageView` as the pre-rendered pair pages.
 */
import type { PatientFacts } from '../facts/schema.ts';
import type { LineFile } from './pair-query.ts';
import { pairPageView, type PairPageView } from './pair-view.ts';
import { diffLines } from './pairs.ts';

/**
 * The pair page of A and B from their files and the files of the LCD lines they apply: the same
 * diff and the same view as the pre-rendered page of the pair.
 */
export function pairViewFromFiles(
  a: LineFile,
  b: LineFile,
  applied: readonly LineFile[],
  baseline: { facts: PatientFacts; name: string },
): PairPageView {
  const files = [a, b, ...applied];
  const names = new Map(files.map((f) => [f.line.id, f.name]));
  const sources = new Map(files.flatMap((f) => Object.entries(f.sources)));
  const diff = diffLines(a.line, b.line, {
    all: files.map((f) => f.line),
    names,
    baseline: baseline.facts,
    baselineName: baseline.name,
  });
  return pairPageView(diff, { a: a.info, b: b.info }, (id) => sources.get(id));
}
