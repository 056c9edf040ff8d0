/**
 * The checker's data split so that what a member downloads depends on the lines that apply to
 * them, not on the size of the catalogue:
 *
 * - `/data/checker/index.json` (`CheckerIndex`): one short entry per line (who issues it, for
 *   whom, which LCDs it may defer to), the LCDs any line names, and the verification words;
 * - `/data/checker/lines/<line id>.json` (`LineFile`): one compiled line, its policy document,
 *   the sources it cites and the provenance of its criteria (a line that defers to LCDs is
 *   evaluated with their files, named in its index entry);
 * - `/data/checker/evidence.json` (`EvidenceFile`): the guidelines and studies the appeal packet
 *   and letter cite, with their sources (the checker itself never loads it);
 * - `/data/checker/lines.json` (`CheckerBundle`), only while the catalogue has at most
 *   `showAllUpTo` lines, when every page shows every line anyway: every line file in one, each
 *   source, policy document, criteria tree and provenance stored once, and nothing the index
 *   would repeat (`unbundle` derives the index and gives back the line files). Separate
 *   files are compressed separately, so at today's size the per-line files together weigh four times
 *   the bundle; above the threshold the route builds nothing and pages load per line.
 *
 * `joinCheckerData` puts loaded files back together as the `CheckerData` the engine, the packet
 * and the letter read, so nothing downstream knows the data was split or bundled.
 */
import type { CriterionEvidence } from '../compare/provenance.ts';
import type { EvaluablePolicy, LcdCandidate } from '../engine/types.ts';
import type { Verification } from '../schema/common.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import type { ProductLine } from '../schema/policy.ts';
import { citationsIn, type CheckerData, type PolicySummary, type SourceSummary } from './data.ts';

/**
 * Up to this many lines in the whole catalogue, the checker shows every line (the member's
 * first, the others folded under "Other plans"), as it did with one file of every line, and the
 * packet and letter offer every line; above it, only the lines that apply are loaded and shown
 * (src/lib/checker/member.ts), and the others are counted.
 */
export const showAllUpTo = 60;

/** The bundle's file name under /data/checker/, which the pages that load it name. */
export const bundleFile = 'lines.json';

/** What the index says about one line: enough to decide whether it applies and to title its card. */
export interface LineEntry {
  id: string;
  policyId: string;
  /** Short name of the policy, e.g. "Cohere MA v3". */
  policyName: string;
  /** Who the line applies to. */
  label: string;
  /** Who issues it, as the payer writes its name, its short name and kind. */
  payer: PolicySummary['payer'];
  productLines: readonly ProductLine[];
  /** For a Medicare-following line: the LCDs it may defer to, with the states each applies in. */
  lcd?: { id: string; states: readonly string[] }[];
}

/** /data/checker/index.json. */
export interface CheckerIndex {
  lines: LineEntry[];
  /** Every LCD some line may defer to (bounded by the Medicare contractors, not the catalogue). */
  lcdCandidates: LcdCandidate[];
  verificationLabels: Record<Verification, string>;
}

/** /data/checker/lines/<line id>.json. */
export interface LineFile {
  line: EvaluablePolicy;
  /** The policy document the line belongs to. */
  policy?: PolicySummary;
  /** Every source the line and the provenance of its criteria cite. */
  sources: Record<string, SourceSummary>;
  /** What the trials and guidelines say about each criterion, by node id. */
  provenance: Record<string, CriterionEvidence>;
}

/** /data/checker/evidence.json. */
export interface EvidenceFile {
  evidence: CheckerData['evidence'];
  sources: Record<string, SourceSummary>;
}

/** One line in `CheckerBundle`: its `LineFile` without the sources, shared parts by place. */
export interface BundledLine {
  /** The compiled line without its criteria tree. */
  line: Omit<EvaluablePolicy, 'criteria'>;
  /** Its criteria tree, as a place in `CheckerBundle.criteria`; absent when it has none. */
  criteria?: number;
  /** The provenance of its criteria, as a place in `CheckerBundle.provenance`. */
  provenance: number;
}

/** /data/checker/lines.json: every line at once, while the catalogue has at most `showAllUpTo`. */
export interface CheckerBundle {
  /** Every current line, in catalogue order. */
  lines: BundledLine[];
  /**
   * Each distinct criteria tree once (the three LCDs share one, as do MGB's four lines that
   * borrow one set of criteria); lines that share a tree get the same object back, so the
   * engine evaluates it once per patient, as at build time.
   */
  criteria: CriterionNode[];
  /** Each distinct provenance (by node id) once. */
  provenance: Record<string, CriterionEvidence>[];
  /** The lines' policy documents, by policy id. */
  policies: Record<string, PolicySummary>;
  /** Every source a line or the provenance of its criteria cites, once. */
  sources: Record<string, SourceSummary>;
  /** As in `CheckerIndex`. */
  lcdCandidates: LcdCandidate[];
  /** As in `CheckerIndex`. */
  verificationLabels: Record<Verification, string>;
}

export interface SplitCheckerData {
  index: CheckerIndex;
  lines: Map<string, LineFile>;
  evidence: EvidenceFile;
  /** Every line in one file: present only while the catalogue has at most `showAllUpTo` lines. */
  bundle?: CheckerBundle;
}

const pick = <T>(all: Readonly<Record<string, T>>, ids: Iterable<string>): Record<string, T> =>
  Object.fromEntries([...ids].filter((id) => id in all).map((id) => [id, all[id]!]));

/** The index of `lines`: what each says about itself and its policy document. */
function checkerIndex(
  lines: readonly Omit<EvaluablePolicy, 'criteria'>[],
  policies: Readonly<Record<string, PolicySummary>>,
  lcdCandidates: LcdCandidate[],
  verificationLabels: Record<Verification, string>,
): CheckerIndex {
  return {
    lines: lines.map((line) => {
      const payer = policies[line.policyId]?.payer ?? { name: '', shortName: '' };
      return {
        id: line.id,
        policyId: line.policyId,
        policyName: line.policyName,
        label: line.label,
        payer,
        productLines: line.productLines,
        ...(line.lcd && {
          lcd: line.lcd.candidates.map((c) => ({ id: c.id, states: c.states })),
        }),
      };
    }),
    lcdCandidates,
    verificationLabels,
  };
}

/** Splits the checker's data into the index, one file per line, the evidence file and the bundle. */
export function splitCheckerData(data: CheckerData): SplitCheckerData {
  const index = checkerIndex(
    data.lines,
    data.policies,
    data.lcdCandidates,
    data.verificationLabels,
  );
  const lines = new Map<string, LineFile>();
  for (const line of data.lines) {
    const provenance = data.provenance[line.id] ?? {};
    lines.set(line.id, {
      line,
      policy: data.policies[line.policyId],
      sources: pick(data.sources, citationsIn([line, provenance], new Set())),
      provenance,
    });
  }
  return {
    index,
    lines,
    evidence: {
      evidence: data.evidence,
      sources: pick(data.sources, citationsIn(data.evidence, new Set())),
    },
    ...(lines.size <= showAllUpTo && { bundle: bundleLines(index, [...lines.values()]) }),
  };
}

/** The place of `value` in `table`, added when no equal value is there (equal as JSON). */
function placeIn<T>(table: T[], keys: Map<string, number>, value: T): number {
  const key = JSON.stringify(value);
  let place = keys.get(key);
  if (place === undefined) keys.set(key, (place = table.push(value) - 1));
  return place;
}

/** Every line file in one, each shared part once. */
function bundleLines(index: CheckerIndex, files: readonly LineFile[]): CheckerBundle {
  const bundle: CheckerBundle = {
    lines: [],
    criteria: [],
    provenance: [],
    policies: {},
    sources: {},
    lcdCandidates: index.lcdCandidates,
    verificationLabels: index.verificationLabels,
  };
  const criteriaKeys = new Map<string, number>();
  const provenanceKeys = new Map<string, number>();
  for (const { line: full, policy, sources, provenance } of files) {
    const { criteria, ...line } = full;
    bundle.lines.push({
      line,
      ...(criteria && { criteria: placeIn(bundle.criteria, criteriaKeys, criteria) }),
      provenance: placeIn(bundle.provenance, provenanceKeys, provenance),
    });
    if (policy) bundle.policies[line.policyId] = policy;
    Object.assign(bundle.sources, sources);
  }
  return bundle;
}

/**
 * The index and every line's file from the bundle, as `splitCheckerData` made them except that
 * each carries the bundle's `sources` (one object, every line's sources): joined, any set of
 * lines finds each source it cites, and all of them give exactly the per-line files' data. (Not
 * picking each line's own sources keeps the code the checker's pages load smaller.)
 */
export function unbundle(bundle: CheckerBundle): { index: CheckerIndex; lines: LineFile[] } {
  const lines = bundle.lines.map(({ line, criteria, provenance }) => ({
    line: criteria === undefined ? line : { ...line, criteria: bundle.criteria[criteria]! },
    policy: bundle.policies[line.policyId],
    sources: bundle.sources,
    provenance: bundle.provenance[provenance]!,
  }));
  return {
    index: checkerIndex(
      lines.map((f) => f.line),
      bundle.policies,
      bundle.lcdCandidates,
      bundle.verificationLabels,
    ),
    lines,
  };
}

/** The checker's data for the lines loaded (in the order given), as `buildCheckerData` made it. */
export function joinCheckerData(
  index: CheckerIndex,
  files: readonly LineFile[],
  evidence?: EvidenceFile,
): CheckerData {
  return {
    lines: files.map((f) => f.line),
    sources: Object.assign({}, evidence?.sources, ...files.map((f) => f.sources)) as Record<
      string,
      SourceSummary
    >,
    policies: Object.fromEntries(files.map((f) => [f.line.policyId, f.policy!])),
    evidence: evidence?.evidence ?? { guidelines: [], studies: [] },
    verificationLabels: index.verificationLabels,
    provenance: Object.fromEntries(files.map((f) => [f.line.id, f.provenance])),
    lcdCandidates: index.lcdCandidates,
  };
}

/** The ids to load to evaluate `ids`: each line and the LCDs it may defer to, each once. */
export function withRequired(index: CheckerIndex, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  for (const line of index.lines)
    if (wanted.has(line.id)) line.lcd?.forEach((c) => wanted.add(c.id));
  return [...wanted];
}
