/**
 * Astro-side access to the comparison: the compiled lines, the baseline patient of the examples
 * (vignette V01, src/lib/compare/baseline.ts) and memoised diffs, so that the matrix,
 * its views, the 100-odd pair pages and the exports compute each thing once per build.
 */
import { baselineName, baselinePatient } from '../lib/compare/baseline.ts';
import { criteriaMatrix, type CriteriaMatrix } from '../lib/compare/matrix.ts';
import { lineNames } from '../lib/compare/names.ts';
import type { PairLineInfo } from '../lib/compare/pair-view.ts';
import {
  comparisonPairs,
  pairHref,
  pairPath,
  type DiffOptions,
  type LineDiff,
} from '../lib/compare/pairs.ts';
import {
  diffVersions,
  versionPairs,
  type VersionDiff,
  type VersionPair,
} from '../lib/compare/versions.ts';
import type { PayerRef } from '../lib/compare/listings.ts';
import { matrixViews, viewLines, type MatrixView } from '../lib/compare/views.ts';
import { diffCache } from './diff-cache.ts';
import type { EvaluablePolicy } from '../lib/engine/types.ts';
import type { PayerKind } from '../lib/schema/payer.ts';
import { siteContent, type SiteContent } from './collections.ts';

export interface Comparison {
  content: SiteContent;
  /** Current lines (columns of the full matrix). */
  current: EvaluablePolicy[];
  names: Map<string, string>;
  payerKindOf: (line: EvaluablePolicy) => PayerKind | undefined;
  /** The payer that issued a line's policy. */
  payerOf: (line: EvaluablePolicy) => PayerRef;
  matrix: CriteriaMatrix;
  /** Every page of every view (a view too wide for one page has several parts). */
  views: MatrixView[];
  /** The pairs that get a page. */
  pairs: [EvaluablePolicy, EvaluablePolicy][];
  versions: VersionPair[];
  options: DiffOptions;
  /** What a pair page says of a line beyond its rules, and when its policy was last reviewed. */
  lineInfo(line: EvaluablePolicy): PairLineInfo & { lastReviewed: string };
  /** The link to two lines' comparison: their pre-rendered page, else the browser pair page. */
  pairHref(a: string, b: string): string;
  /** The diff of a pair (memoised). */
  diff(a: string, b: string): LineDiff;
  /** A version diff (memoised). */
  versionDiff(pair: VersionPair): VersionDiff;
}

let cached: Promise<Comparison> | undefined;

/**
 * Default cap on pre-rendered pair pages: every pair of up to 40 current lines (780). Pairs grow
 * with the square of the lines (499,500 at 1,000), which no build should pay for; past the cap,
 * pairs that share a product line come first (see comparisonPairs and the README's scale notes).
 */
export const defaultMaxPairs = 780;

/** Cap on the number of pair pages: BVN_MAX_PAIRS when set, else `defaultMaxPairs`. */
function maxPairs(): number {
  const raw = process.env.BVN_MAX_PAIRS;
  if (raw === undefined || raw === '') return defaultMaxPairs;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`BVN_MAX_PAIRS: expected a whole number of pair pages, got "${raw}"`);
  return n;
}

async function load(): Promise<Comparison> {
  const content = await siteContent();
  // Columns: lines with criteria first, then those that follow an LCD, then those that pay for no one.
  const rank = {
    'covered-with-criteria': 0,
    'defers-to-non-public': 1,
    'defers-to-lcd': 2,
  } as Record<string, number>;
  const current = content.lines
    .filter((l) => !l.id.includes('@'))
    .sort((a, b) => (rank[a.position] ?? 3) - (rank[b.position] ?? 3) || a.id.localeCompare(b.id));
  const byId = new Map(content.lines.map((l) => [l.id, l]));
  const policyById = new Map(content.policies.map((p) => [p.id, p.data]));
  const payerKindOf = (line: EvaluablePolicy) =>
    content.payerById.get(policyById.get(line.policyId)?.payer ?? '')?.kind;
  const payerOf = (line: EvaluablePolicy): PayerRef => {
    const id = policyById.get(line.policyId)?.payer ?? '';
    return { id, name: content.payerById.get(id)?.name ?? id };
  };
  const viewable = viewLines(current, policyById, content.payerById);
  // Names are computed once: every matrix view needs them, and at a few thousand lines
  // computing them took about as long as the view's matrix itself.
  const names = lineNames(content.lines);
  const options: DiffOptions = { all: content.lines, baseline: baselinePatient(), baselineName };
  const pairs = comparisonPairs(current, { maxPairs: maxPairs() });
  const pages = new Set(pairs.map(([a, b]) => pairPath(a.id, b.id)));
  const diffs = new Map<string, LineDiff>();
  const cache = diffCache();
  const versionDiffs = new Map<string, VersionDiff>();
  return {
    content,
    current,
    names,
    payerKindOf,
    payerOf,
    matrix: criteriaMatrix(current, content.lines, names),
    views: matrixViews(viewable),
    pairs,
    versions: versionPairs(content.policies),
    options,
    lineInfo(line) {
      const policy = policyById.get(line.policyId);
      if (!policy) throw new Error(`line ${line.id}: no policy "${line.policyId}"`);
      return {
        summary: policy.lines.find((x) => x.id === line.id)?.summary,
        verification: policy.verification,
        lastReviewed: policy.lastReviewed,
      };
    },
    pairHref: (a, b) => pairHref(a, b, pages),
    diff(a, b) {
      const key = `${a}|${b}`;
      let d = diffs.get(key);
      if (!d) diffs.set(key, (d = cache.diff(byId.get(a)!, byId.get(b)!, options)));
      return d;
    },
    versionDiff(pair) {
      const key = `${pair.older.id}|${pair.newer.id}`;
      let d = versionDiffs.get(key);
      if (!d) versionDiffs.set(key, (d = diffVersions(pair, options)));
      return d;
    },
  };
}

/** The comparison data, computed once per build. */
export function comparison(): Promise<Comparison> {
  cached ??= load();
  return cached;
}
