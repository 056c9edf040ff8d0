/**
 * Astro-side access to the evidence comparison: the trials' and guidelines' criteria sets, the
 * provenance of every payer rule in the full matrix, the per-line figures, and the pairs of a
 * payer line with a trial's eligibility that get a page. Computed once per build.
 */
import { comparisonPairs, type LineDiff } from '../lib/compare/pairs.ts';
import {
  evidenceRules,
  matrixProvenance,
  provenanceFigures,
  provenanceKey,
  type EvidenceRules,
  type ProvenanceLabel,
  type RuleProvenance,
} from '../lib/compare/provenance.ts';
import { matrixExportRows, type MatrixExportRow } from '../lib/compare/export.ts';
import { coversNobody } from '../lib/compare/rules.ts';
import { latestDate } from '../lib/format/dates.ts';
import { splitIntoParts, type Part } from '../lib/format/parts.ts';
import type { EvaluablePolicy } from '../lib/engine/types.ts';
import { comparison, type Comparison } from './comparison.ts';
import { diffCache } from './diff-cache.ts';

export interface EvidenceComparison {
  comparison: Comparison;
  /** The encoded criteria sets as evaluable lines. */
  sets: EvaluablePolicy[];
  evidence: EvidenceRules;
  /** Provenance by `provenanceKey(line, concept)`. */
  provenance: Map<string, RuleProvenance>;
  figures: ReturnType<typeof provenanceFigures>;
  /** The latest review of the criteria sets and of every current line's policy: what the evidence pages are as of. */
  lastReviewed: string;
  /** The provenance of one cell, if the line has a rule for the concept. */
  of: (line: string, concept: string) => RuleProvenance | undefined;
  /** Every rule of one current line against the evidence, by concept. */
  forLine(line: string): Map<string, RuleProvenance>;
  /** Pairs of a current payer line (with criteria) and a trial's eligibility, each with a page. */
  pairs: [EvaluablePolicy, EvaluablePolicy][];
  /** The diff of a payer line (A) with a criteria set (B), by the pair machinery (memoised). */
  diff(line: string, set: string): LineDiff;
  /**
   * The long export's rows, with each cell's provenance (memoised: the CSV and JSON exports
   * write the same rows, 120,000 of them at 3,000 lines).
   */
  exportRows(): MatrixExportRow[];
  /**
   * The current lines' ids (matrix order) over the pages of /compare/evidence/, or of its filter
   * page when `only` is given (then only lines with a rule of that label).
   */
  linePages(only?: ProvenanceLabel): Part<string>[];
  /** URL of the page of /compare/evidence/ that holds `line`'s rules (their rows: `#<line>--<concept>`). */
  linePath(line: string): string;
}

/**
 * Policy lines per page of /compare/evidence/: every rule of a line, with its provenance, costs
 * up to about 1.2 KB of gzipped HTML (measured on synthetic lines, which carry more rules than
 * most real ones), so 20 lines keep a page within its 40 KB budget.
 */
export const evidenceLinesPerPage = 20;

let cached: Promise<EvidenceComparison> | undefined;

async function load(): Promise<EvidenceComparison> {
  const data = await comparison();
  const sets = data.content.evidenceLines;
  const evidence = evidenceRules(sets);
  const provenance = matrixProvenance(data.matrix, evidence);
  const trials = sets.filter((s) => s.owner.kind === 'trial-eligibility');
  // Only lines whose pairs are pre-rendered get an evidence pair, so the cap on pages holds.
  const paired = new Set(data.pairs.flat().map((l) => l.id));
  const payers = data.current.filter((l) => !coversNobody(l) && paired.has(l.id));
  comparisonPairs([...payers, ...trials]); // refuses ids that collide with fixed pages
  const all = [...data.content.lines, ...sets];
  const byId = new Map(all.map((l) => [l.id, l]));
  const diffs = new Map<string, LineDiff>();
  const cache = diffCache();
  const lineIds = data.matrix.columns.map((c) => c.line.id);
  const position = new Map(lineIds.map((id, i) => [id, i]));
  const byLine = new Map<string, Map<string, RuleProvenance>>();
  for (const p of provenance.values()) {
    let rules = byLine.get(p.line);
    if (!rules) byLine.set(p.line, (rules = new Map<string, RuleProvenance>()));
    rules.set(p.concept.id, p);
  }
  const policyById = new Map(data.content.policies.map((p) => [p.id, p.data]));
  const of = (line: string, concept: string) => provenance.get(provenanceKey(line, concept));
  let exportRows: MatrixExportRow[] | undefined;
  return {
    comparison: data,
    sets,
    evidence,
    provenance,
    figures: provenanceFigures(data.matrix, provenance),
    lastReviewed: latestDate([
      ...data.content.criteriaSets.map((s) => s.data.lastReviewed),
      ...data.current.map((l) => policyById.get(l.policyId)!.lastReviewed),
    ])!,
    of,
    forLine: (line) => byLine.get(line) ?? new Map<string, RuleProvenance>(),
    linePages: (only) =>
      splitIntoParts(
        only ?? 'all',
        only
          ? lineIds.filter((l) =>
              [...(byLine.get(l)?.values() ?? [])].some((p) => p.label === only),
            )
          : lineIds,
        evidenceLinesPerPage,
      ),
    linePath: (line) =>
      evidencePagePath(
        '/compare/evidence/',
        Math.floor((position.get(line) ?? 0) / evidenceLinesPerPage) + 1,
      ),
    pairs: payers.flatMap((p) => trials.map((t): [EvaluablePolicy, EvaluablePolicy] => [p, t])),
    exportRows: () =>
      (exportRows ??= matrixExportRows(
        data.matrix,
        (id) => data.content.sourceById.get(id)?.verification,
        of,
      )),
    diff(line, set) {
      const key = `${line}|${set}`;
      let d = diffs.get(key);
      if (!d)
        diffs.set(key, (d = cache.diff(byId.get(line)!, byId.get(set)!, { ...data.options, all })));
      return d;
    },
  };
}

/** URL of page `n` of the evidence list at `base` (page 1 is the list's own URL). */
export function evidencePagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** The evidence comparison, computed once per build. */
export function evidenceComparison(): Promise<EvidenceComparison> {
  cached ??= load();
  return cached;
}

/** URL of the pair page of a payer line and a criteria set: the payer line first. */
export function evidencePairPath(line: string, set: string): string {
  return `/compare/${line}/${set}/`;
}
