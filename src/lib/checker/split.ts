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
 *   and letter cite, with their sources (the checker itself never loads it).
 *
 * `joinCheckerData` puts loaded files back together as the `CheckerData` the engine, the packet
 * and the letter read, so nothing downstream knows the data was split.
 */
import type { CriterionEvidence } from '../compare/provenance.ts';
import type { EvaluablePolicy, LcdCandidate } from '../engine/types.ts';
import type { Verification } from '../schema/common.ts';
import type { ProductLine } from '../schema/policy.ts';
import { citationsIn, type CheckerData, type PolicySummary, type SourceSummary } from './data.ts';

/**
 * Up to this many lines in the whole catalogue, the checker shows every line (the member's
 * first, the others folded under "Other plans"), as it did with one file of every line, and the
 * packet and letter offer every line; above it, only the lines that apply are loaded and shown
 * (src/lib/checker/member.ts), and the others are counted.
 */
export const showAllUpTo = 60;

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

export interface SplitCheckerData {
  index: CheckerIndex;
  lines: Map<string, LineFile>;
  evidence: EvidenceFile;
}

const pick = <T>(all: Readonly<Record<string, T>>, ids: Iterable<string>): Record<string, T> =>
  Object.fromEntries([...ids].filter((id) => id in all).map((id) => [id, all[id]!]));

/** Splits the checker's data into the index, one file per line and the evidence file. */
export function splitCheckerData(data: CheckerData): SplitCheckerData {
  const index: CheckerIndex = {
    lines: data.lines.map((line) => {
      const payer = data.policies[line.policyId]?.payer ?? { name: '', shortName: '' };
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
    lcdCandidates: data.lcdCandidates,
    verificationLabels: data.verificationLabels,
  };
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
