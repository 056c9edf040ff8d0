/**
 * Evaluation results as plain text and as JSON, for the CLI (and any other place that needs a
 * text rendering). Pure: source titles come in through a lookup function.
 */
import { citationText } from '../citations/locator.ts';
import type { Citation } from '../schema/common.ts';
import { outcomeLabel, type Evaluation, type Finding } from '../engine/types.ts';

/** How to name a source in a citation: its short title. */
export type SourceTitle = (sourceId: string) => string;

/** A finding in the JSON output. */
export interface FindingJson {
  criterion: string;
  concept?: string;
  label: string;
  exclusion: boolean;
  reason: string;
  facts: { path: string; value: unknown }[];
  citation?: Citation & { text: string };
}

/** One policy's result in the JSON output (`{"results":[…]}`). */
export interface ResultJson {
  policy: string;
  outcome: Evaluation['outcome'];
  summary: string;
  appliedPolicy?: string;
  failed: FindingJson[];
  undocumented: FindingJson[];
  missing: string[];
  caveats: string[];
  branches?: Evaluation['branches'];
  citation: Citation & { text: string };
}

function citationJson(citation: Citation, title: SourceTitle): Citation & { text: string } {
  return { ...citation, text: citationText(citation, title(citation.source)) };
}

function findingJson(finding: Finding, title: SourceTitle): FindingJson {
  return {
    criterion: finding.nodeId,
    concept: finding.concept,
    label: finding.label,
    exclusion: finding.exclusion,
    reason: finding.reason,
    facts: finding.facts.map((f) => ({ path: f.path, value: f.value ?? null })),
    citation: finding.citation ? citationJson(finding.citation, title) : undefined,
  };
}

/** The JSON shape of one evaluation (no trace: it is large and internal). */
export function evaluationJson(evaluation: Evaluation, title: SourceTitle): ResultJson {
  return {
    policy: evaluation.policy,
    outcome: evaluation.outcome,
    summary: evaluation.summary,
    appliedPolicy: evaluation.appliedPolicy,
    failed: evaluation.failed.map((f) => findingJson(f, title)),
    undocumented: evaluation.undocumented.map((f) => findingJson(f, title)),
    missing: evaluation.missing,
    caveats: evaluation.caveats,
    branches: evaluation.branches,
    citation: citationJson(evaluation.citation, title),
  };
}

/** One block of plain text per evaluation: outcome, why, failed and undocumented criteria with citations. */
export function evaluationText(
  evaluation: Evaluation,
  policyName: string,
  title: SourceTitle,
): string {
  const lines = [
    `${policyName} (${evaluation.policy}): ${outcomeLabel[evaluation.outcome].toUpperCase()}`,
    `  ${evaluation.summary}`,
  ];
  const cite = (c?: Citation) => (c ? ` [${citationText(c, title(c.source))}]` : '');
  if (evaluation.failed.length) {
    lines.push('  Failed:');
    for (const f of evaluation.failed)
      lines.push(`    - ${f.label}: ${f.reason}${cite(f.citation)}`);
  }
  if (evaluation.undocumented.length) {
    lines.push('  Undocumented:');
    for (const f of evaluation.undocumented) lines.push(`    - ${f.label}${cite(f.citation)}`);
  }
  if (evaluation.missing.length) {
    lines.push('  Documentation to add:');
    for (const m of evaluation.missing) lines.push(`    - ${m}`);
  }
  if (evaluation.branches?.length)
    lines.push(
      `  By state of care: ${evaluation.branches.map((b) => `${b.policy} → ${outcomeLabel[b.outcome]}`).join('; ')}`,
    );
  for (const c of evaluation.caveats) lines.push(`  Caution: ${c}`);
  lines.push(
    `  Position stated in: ${citationText(evaluation.citation, title(evaluation.citation.source))}`,
  );
  return lines.join('\n');
}
