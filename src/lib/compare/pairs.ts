/**
 * Pairwise comparison of two policy lines: which rules only one applies, which both apply
 * differently, which are the same; a short summary generated from the data; and, for each
 * difference, example patients evaluated by the engine. Which pairs get a page is decided in one
 * place (`comparisonPairs`), so a build with thousands of lines can cap it.
 */
import type { Concept } from '../criteria/concepts.ts';
import type { EvaluablePolicy } from '../engine/types.ts';
import type { PatientFacts } from '../facts/schema.ts';
import { affectedPatients, exampleOutcome, type ExampleOutcome, type Witness } from './examples.ts';
import { criteriaMatrix, type MatrixCell, type MatrixColumn } from './matrix.ts';
import { lineNames, positionPhrase } from './names.ts';
import { completeFacts, decidingTrees, describeFacts } from './patients.ts';
import { byConcept, conceptCondition, coversNobody } from './rules.ts';

/** Path segments under /compare/ that are pages of their own, never line ids. */
export const reservedSegments = [
  'pair',
  'views',
  'versions',
  'pairs',
  'product-lines',
  'evidence',
] as const;

/** The canonical order of a pair: line ids sorted, so each pair has one URL. */
export function canonicalPair<T extends { id: string }>(x: T, y: T): [T, T] {
  return x.id.localeCompare(y.id) <= 0 ? [x, y] : [y, x];
}

/** The URL of a pair's page, in canonical order whatever order the lines are given in. */
export function pairPath(x: string, y: string): string {
  const [a, b] = x.localeCompare(y) <= 0 ? [x, y] : [y, x];
  return `/compare/${a}/${b}/`;
}

/**
 * URL of the browser pair page (/compare/pair/), which compares any two lines, in canonical order;
 * with one line, the page's form with that line chosen.
 */
export function browserPairPath(x: string, y?: string): string {
  if (y === undefined) return `/compare/pair/?a=${encodeURIComponent(x)}`;
  const [a, b] = x.localeCompare(y) <= 0 ? [x, y] : [y, x];
  return `/compare/pair/?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
}

/**
 * Where to link for the comparison of two lines: their pre-rendered page when the build made one
 * (`pages` holds the pre-rendered pages' paths, see comparisonPairs), else the browser pair page.
 */
export function pairHref(x: string, y: string, pages: ReadonlySet<string>): string {
  const path = pairPath(x, y);
  return pages.has(path) ? path : browserPairPath(x, y);
}

/**
 * The pairs of current lines that get a pre-rendered page, each in canonical order. Every pair
 * by default; with `maxPairs`, pairs of lines that share a product line come first (the
 * comparisons a committee makes), then the rest, in id order.
 */
export function comparisonPairs<T extends EvaluablePolicy>(
  lines: readonly T[],
  options: { maxPairs?: number } = {},
): [T, T][] {
  const current = lines.filter((l) => !l.id.includes('@'));
  for (const line of current)
    if ((reservedSegments as readonly string[]).includes(line.id))
      throw new Error(
        `Line id "${line.id}" (policy ${line.policyId}) collides with the page /compare/${line.id}/; rename the line.`,
      );
  const sorted = [...current].sort((x, y) => x.id.localeCompare(y.id));
  const max = options.maxPairs ?? Infinity;
  const total = (sorted.length * (sorted.length - 1)) / 2;
  const shares = (a: T, b: T) => a.productLines.some((p) => b.productLines.includes(p));
  // Pairs in id order, those sharing a product line first, stopping at the cap: a national
  // catalogue has millions of pairs, and only the first `max` are ever wanted.
  const pairs: [T, T][] = [];
  const collect = (wanted: (a: T, b: T) => boolean) => {
    for (let i = 0; i < sorted.length && pairs.length < max; i++)
      for (let j = i + 1; j < sorted.length && pairs.length < max; j++)
        if (wanted(sorted[i]!, sorted[j]!)) pairs.push([sorted[i]!, sorted[j]!]);
  };
  if (total <= max) collect(() => true);
  else {
    collect(shares);
    collect((a, b) => !shares(a, b));
  }
  return pairs;
}

export type PairStatus = 'same' | 'differs' | 'only-a' | 'only-b';

export interface ConceptComparison {
  concept: Concept;
  status: PairStatus;
  a: MatrixCell;
  b: MatrixCell;
  /** How B's rule differs from A's, in sentences (for `differs`). */
  differences: string[];
  /** Example patients showing who the difference affects (none for `same`). */
  witnesses: Witness[];
}

export interface LineDiff {
  a: MatrixColumn;
  b: MatrixColumn;
  /** `not-covered` when either line pays for no one, so its rules cannot be compared. */
  kind: 'criteria' | 'not-covered';
  concepts: ConceptComparison[];
  counts: Record<PairStatus, number>;
  /** Sentences for the top of the page, generated from the data and the examples. */
  summary: string[];
  /** The baseline patient the examples start from, completed for both lines. */
  baseline: {
    name: string;
    added: string[];
    facts: PatientFacts;
    a: ExampleOutcome;
    b: ExampleOutcome;
  };
}

export interface DiffOptions {
  /**
   * Every compiled line (for LCDs and names). The diff of A and B reads only A, B and the LCD
   * lines they apply from it, and the names; so with `names` given, those lines are enough (the
   * browser pair page loads no more).
   */
  all: readonly EvaluablePolicy[];
  /** The lines' names (default `lineNames(all)`, which needs every line of A's and B's policies). */
  names?: ReadonlyMap<string, string>;
  /** The patient examples start from (vignette V01) and its name. */
  baseline: PatientFacts;
  baselineName: string;
  /** Generate example patients (default true). */
  examples?: boolean;
}

/** Compares line A with line B. */
export function diffLines(a: EvaluablePolicy, b: EvaluablePolicy, options: DiffOptions): LineDiff {
  const byId = new Map(options.all.map((l) => [l.id, l]));
  const names = options.names ?? lineNames(options.all);
  const ctx = { byId, names };
  const matrix = criteriaMatrix([a, b], options.all, names);
  const [columnA, columnB] = matrix.columns as [MatrixColumn, MatrixColumn];
  const nameA = columnA.name;
  const nameB = columnB.name;

  const trees = [...decidingTrees(a, byId), ...decidingTrees(b, byId)];
  const completed = completeFacts(options.baseline, trees);
  const baseline = {
    name: options.baselineName,
    added: completed.added.map((x) =>
      describeFacts({
        [x.path.replace(/\[\d+\]\..*$/, '')]: (completed.facts as Record<string, unknown>)[
          x.path.replace(/\[\d+\]\..*$/, '')
        ],
      }),
    ),
    facts: completed.facts,
    a: exampleOutcome(a, completed.facts, ctx),
    b: exampleOutcome(b, completed.facts, ctx),
  };
  baseline.added = [...new Set(baseline.added)];

  const nobody = coversNobody(a) || coversNobody(b);
  const groupedA = byConcept(columnA.rules.occurrences);
  const groupedB = byConcept(columnB.rules.occurrences);
  const concepts: ConceptComparison[] = nobody
    ? []
    : matrix.rows.map((row) => {
        const [cellA, cellB] = row.cells as [MatrixCell, MatrixCell];
        const inA = cellA.rules.length > 0;
        const inB = cellB.rules.length > 0;
        const status: PairStatus =
          inA && inB ? (row.variants.length === 1 ? 'same' : 'differs') : inA ? 'only-a' : 'only-b';
        const ruleA = groupedA.get(row.concept.id);
        const ruleB = groupedB.get(row.concept.id);
        const witnesses =
          status === 'same' || options.examples === false
            ? []
            : affectedPatients(
                a,
                b,
                row.concept.id,
                ruleA && conceptCondition(ruleA),
                ruleB && conceptCondition(ruleB),
                completed.facts,
                ctx,
              );
        return {
          concept: row.concept,
          status,
          a: cellA,
          b: cellB,
          differences: row.variants[1]?.differences ?? [],
          witnesses,
        };
      });
  const counts: Record<PairStatus, number> = { same: 0, differs: 0, 'only-a': 0, 'only-b': 0 };
  for (const c of concepts) counts[c.status]++;
  return {
    a: columnA,
    b: columnB,
    kind: nobody ? 'not-covered' : 'criteria',
    concepts,
    counts,
    summary: summarise(a, b, nameA, nameB, concepts, counts),
    baseline,
  };
}

function summarise(
  a: EvaluablePolicy,
  b: EvaluablePolicy,
  nameA: string,
  nameB: string,
  concepts: readonly ConceptComparison[],
  counts: Record<PairStatus, number>,
): string[] {
  const sentences = [`${nameA} ${positionPhrase(a)}; ${nameB} ${positionPhrase(b)}.`];
  if (coversNobody(a) && coversNobody(b)) {
    sentences.push(
      'Neither pays for BVNA for these members, whatever the patient’s facts; they differ at most in the reason given.',
    );
    return sentences;
  }
  if (coversNobody(a) || coversNobody(b)) {
    const [payer, nonPayer] = coversNobody(a) ? [nameB, nameA] : [nameA, nameB];
    sentences.push(
      `Every patient ${payer} would accept is refused by ${nonPayer}, so the two policies’ criteria are not compared rule by rule.`,
    );
    return sentences;
  }
  const total = concepts.length;
  sentences.push(
    `Of the ${total} criteria either applies, ${counts.differs} differ, ${counts['only-a']} ${counts['only-a'] === 1 ? 'is' : 'are'} only in ${nameA}, ${counts['only-b']} only in ${nameB}, and ${counts.same} ${counts.same === 1 ? 'is' : 'are'} the same.`,
  );
  // The first example of each difference, differing rules first, then rules only one line has.
  const order: PairStatus[] = ['differs', 'only-a', 'only-b'];
  for (const status of order)
    for (const c of concepts.filter((x) => x.status === status)) {
      const decisive = c.witnesses.find((w) => w.decisive);
      if (decisive && sentences.length < 8) sentences.push(decisive.sentence);
    }
  return sentences;
}
