/**
 * Evaluation results as plain text and as JSON, for the CLI (and any other place that needs a
 * text rendering). Pure: source titles come in through a lookup function.
 */
import { citationText } from '../citations/locator.ts';
import type { Citation } from '../schema/common.ts';
import {
  outcomeLabel,
  type AdvisoryResult,
  type Evaluation,
  type Finding,
} from '../engine/types.ts';

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

/** A billing note or caution in the JSON output; it never decides the outcome. */
export interface AdvisoryJson {
  id: string;
  role: AdvisoryResult['role'];
  concept?: string;
  label: string;
  status: AdvisoryResult['status'];
  message: string;
  facts: { path: string; value: unknown }[];
  citation: Citation & { text: string };
  supportingCitations: (Citation & { text: string })[];
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
  settle?: string[];
  /** Billing notes and cautions; never counted in `outcome`. */
  advisories: AdvisoryJson[];
  /** Values filled in because they follow from documented facts. */
  implied: Evaluation['implied'];
  citation: Citation & { text: string };
}

/**
 * The advisories a reader should see: every billing note (with its status), and a caution only
 * when it applies.
 */
export function shownAdvisories(evaluation: Evaluation): AdvisoryResult[] {
  return evaluation.advisories.filter((a) => a.role === 'billing-note' || a.status === 'applies');
}

/** An advisory in words: "Billing note (never decides coverage): … — applies: …". */
export function advisoryText(advisory: AdvisoryResult): string {
  const role = advisory.role === 'billing-note' ? 'Billing note' : 'Caution';
  const status =
    advisory.status === 'applies'
      ? advisory.message
      : advisory.status === 'clear'
        ? 'Nothing to flag for this patient.'
        : `Not documented; ${advisory.message.charAt(0).toLowerCase()}${advisory.message.slice(1)}`;
  return `${role} (never decides coverage) — ${advisory.label}: ${status}`;
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
    settle: evaluation.settle,
    advisories: evaluation.advisories.map((a) => ({
      id: a.id,
      role: a.role,
      concept: a.concept,
      label: a.label,
      status: a.status,
      message: a.message,
      facts: a.facts.map((f) => ({ path: f.path, value: f.value ?? null })),
      citation: citationJson(a.citation, title),
      supportingCitations: a.supportingCitations.map((c) => citationJson(c, title)),
    })),
    implied: evaluation.implied,
    citation: citationJson(evaluation.citation, title),
  };
}

/** One block of plain text per evaluation: outcome, why, failed and undocumented criteria with citations. */
export function evaluationText(
  evaluation: Evaluation,
  policyName: string,
  title: SourceTitle,
  label: (outcome: Evaluation['outcome']) => string = (o) => outcomeLabel[o],
): string {
  const lines = [
    `${policyName} (${evaluation.policy}): ${label(evaluation.outcome).toUpperCase()}`,
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
      `  ${evaluation.outcome === 'depends-on-lcd' ? 'By reading' : 'By state of care'}: ${evaluation.branches.map((b) => `${b.policy} → ${outcomeLabel[b.outcome]}`).join('; ')}`,
    );
  if (evaluation.settle?.length) {
    lines.push('  What would settle it:');
    for (const s of evaluation.settle) lines.push(`    - ${s}`);
  }
  for (const i of evaluation.implied)
    lines.push(
      `  Implied: ${i.fact} = ${String(i.value)}, from ${i.from.fact} = ${String(i.from.value)} (${i.because}).`,
    );
  for (const a of shownAdvisories(evaluation))
    lines.push(`  ${advisoryText(a)}${cite(a.citation)}`);
  for (const c of evaluation.caveats) lines.push(`  Caution: ${c}`);
  lines.push(
    `  Position stated in: ${citationText(evaluation.citation, title(evaluation.citation.source))}`,
  );
  return lines.join('\n');
}
