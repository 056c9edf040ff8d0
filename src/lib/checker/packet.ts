/**
 * The appeal packet for one policy line: the patient's documented facts, every criterion of the
 * policy with its status, the facts that decided it and a pinpoint citation, the evidence, and a
 * numbered bibliography (AMA style: references numbered in order of first citation). Built from
 * the engine's own evaluation and trace; the page, the plain-text and the Markdown versions all
 * render this one model.
 */
import {
  facts as factCatalog,
  factGroups,
  itemFields,
  type FactGroup,
  type ItemKind,
} from '../facts/catalog.ts';
import type { PatientFacts } from '../facts/schema.ts';
import { describeRule, formatFactValue } from '../criteria/describe.ts';
import { evaluateAll } from '../engine/evaluate.ts';
import { advisoryText, shownAdvisories } from '../format/evaluation-report.ts';
import {
  outcomeLabel,
  type EvaluablePolicy,
  type Evaluation,
  type TraceNode,
} from '../engine/types.ts';
import { formatLocator } from '../citations/locator.ts';
import type { Citation, CitedText, Verification } from '../schema/common.ts';
import type { CriterionNode } from '../schema/criteria.ts';
import type { CheckerData } from './data.ts';

/** A criterion's status as a reader of the packet needs it (an exclusion that holds is "present"). */
export type Verdict = 'met' | 'not-met' | 'present' | 'absent' | 'undocumented';

export const verdictLabel: Record<Verdict, string> = {
  met: 'Met',
  'not-met': 'Not met',
  present: 'Present: excludes',
  absent: 'Not present',
  undocumented: 'Not documented',
};

/** Whether a verdict helps, hurts or leaves the request open. */
export const verdictTone: Record<Verdict, 'met' | 'failed' | 'undocumented'> = {
  met: 'met',
  absent: 'met',
  'not-met': 'failed',
  present: 'failed',
  undocumented: 'undocumented',
};

export interface PacketCitation {
  /** Reference number in the packet's bibliography. */
  n: number;
  source: string;
  short: string;
  /** "Non-Indications, item 5". */
  locator: string;
  verification: Verification;
  /** True when the criterion has no citation of its own and the enclosing rule's is shown. */
  inherited: boolean;
}

export interface PacketRow {
  depth: number;
  nodeId: string;
  label: string;
  /** The rule as the engine applies it, e.g. "Age ≥ 18 years". */
  rule: string;
  verdict: Verdict;
  /** Facts that decided it, in words: "Age: 52 years". */
  facts: string[];
  citation?: PacketCitation;
  /** The criterion on its policy page. */
  href: string;
  /**
   * For a criterion not met or not documented: whether the trials' eligibility and guidelines'
   * selection criteria read use it ("Same as SMART (eligibility)…", "Not in any trial or
   * guideline read."), with their citations.
   */
  evidence?: { text: string; citations: PacketCitation[] };
}

export interface PacketEvidence {
  kind: 'guideline' | 'study';
  title: string;
  detail: string;
  statements: { text: string; citations: PacketCitation[] }[];
}

export interface Packet {
  lineId: string;
  title: string;
  policyName: string;
  lineLabel: string;
  policyHref: string;
  outcome: Evaluation['outcome'];
  outcomeLabel: string;
  summary: string;
  /** The policy the criteria came from when the line applies an LCD. */
  appliedName?: string;
  positionCitation: PacketCitation;
  nonPublic?: { name: string; citation: PacketCitation };
  facts: { group: string; items: { label: string; value: string }[] }[];
  rows: PacketRow[];
  missing: string[];
  caveats: string[];
  branches: { policy: string; outcome: string }[];
  /** What would settle which rules apply (outcome "depends on which LCD applies"). */
  settle: string[];
  /** Billing notes and cautions, in words, with their citations; they never decide the outcome. */
  advisories: { role: 'billing-note' | 'caution'; text: string; citation: PacketCitation }[];
  evidence: PacketEvidence[];
  references: { n: number; id: string; text: string; verification: Verification }[];
}

type Catalogued = { label: string; unit?: string; item?: ItemKind };
const catalogue = factCatalog as Record<string, Catalogued>;

/** One list item in words: "L4, inferior, Modic type 1". */
function itemWords(item: Record<string, unknown>, kind: ItemKind): string {
  const fields = itemFields[kind] as Record<string, Catalogued>;
  const parts = Object.entries(fields)
    .filter(([key]) => item[key] !== undefined)
    .map(([key, info]) => `${info.label}: ${formatFactValue(item[key], info.unit)}`);
  return parts.length > 0 ? parts.join(', ') : 'details not documented';
}

/** A fact's value in words; lists item by item, an empty list as "none documented as present". */
export function factValueWords(key: string, value: unknown): string {
  const info = catalogue[key];
  if (value === undefined) return 'not documented';
  if (Array.isArray(value) && info?.item) {
    if (value.length === 0) return 'none';
    return value
      .map((item, i) => `(${i + 1}) ${itemWords(item as Record<string, unknown>, info.item!)}`)
      .join('; ');
  }
  return formatFactValue(value, info?.unit);
}

/** Every documented fact, grouped as the form is. */
export function documentedFacts(facts: PatientFacts): Packet['facts'] {
  const groups: Packet['facts'] = [];
  for (const [group, title] of Object.entries(factGroups) as [FactGroup, string][]) {
    const items = Object.entries(factCatalog)
      .filter(
        ([key, spec]) =>
          spec.group === group && (facts as Record<string, unknown>)[key] !== undefined,
      )
      .map(([key, spec]) => ({
        label: spec.label,
        value: factValueWords(key, (facts as Record<string, unknown>)[key]),
      }));
    if (items.length > 0) groups.push({ group: title, items });
  }
  return groups;
}

function verdictOf(node: TraceNode): Verdict {
  if (node.status === 'undocumented') return 'undocumented';
  if (node.negated) return node.status === 'met' ? 'present' : 'absent';
  return node.status === 'met' ? 'met' : 'not-met';
}

function criteriaById(root: CriterionNode | undefined): Map<string, CriterionNode> {
  const map = new Map<string, CriterionNode>();
  const visit = (node: CriterionNode) => {
    map.set(node.id, node);
    if (node.kind === 'all' || node.kind === 'any' || node.kind === 'at-least')
      node.children.forEach(visit);
    else if (node.kind === 'not') visit(node.child);
    else if (node.kind === 'some' || node.kind === 'every') visit(node.where);
    else if (node.kind === 'match' && node.where) visit(node.where);
  };
  if (root) visit(root);
  return map;
}

/** Numbers references in order of first citation. */
class References {
  readonly order: string[] = [];
  private readonly data: CheckerData;
  constructor(data: CheckerData) {
    this.data = data;
  }
  cite(citation: Citation, inherited = false): PacketCitation {
    if (!this.order.includes(citation.source)) this.order.push(citation.source);
    const source = this.data.sources[citation.source];
    return {
      n: this.order.indexOf(citation.source) + 1,
      source: citation.source,
      short: source?.short ?? citation.source,
      locator: formatLocator(citation),
      verification: citation.verification ?? source?.verification ?? 'unverified',
      inherited,
    };
  }
}

/** Evaluates `lineId` with the engine and builds its packet. Throws for an unknown line. */
export function buildPacket(data: CheckerData, lineId: string, facts: PatientFacts): Packet {
  const line = data.lines.find((l) => l.id === lineId);
  if (!line) throw new Error(`No policy line "${lineId}" in the checker data.`);
  const evaluation = evaluateAll(data.lines, facts).find((e) => e.policy === lineId)!;
  const applied: EvaluablePolicy =
    data.lines.find((l) => l.id === (evaluation.appliedPolicy ?? lineId)) ?? line;
  const refs = new References(data);
  const positionCitation = refs.cite(evaluation.citation);
  const nonPublic = line.nonPublic
    ? { name: line.nonPublic.name, citation: refs.cite(line.nonPublic.citation) }
    : undefined;
  const nodes = criteriaById(applied.criteria);
  const basis = data.provenance[applied.id] ?? {};
  const rows: PacketRow[] = [];
  const walk = (node: TraceNode, depth: number, inherited: Citation | undefined) => {
    const own = node.citation;
    const criterion = nodes.get(node.id);
    const verdict = verdictOf(node);
    const evidence = verdictTone[verdict] !== 'met' ? basis[node.id] : undefined;
    rows.push({
      depth,
      nodeId: node.id,
      label: node.label,
      // Logic nodes (all, any, not) add nothing a reader needs; their children carry the rules.
      rule:
        criterion && !['all', 'any', 'not'].includes(criterion.kind) ? describeRule(criterion) : '',
      verdict,
      facts: node.facts.map(
        (f) => `${catalogue[f.path]?.label ?? f.path}: ${factValueWords(f.path, f.value)}`,
      ),
      citation: own ? refs.cite(own) : inherited ? refs.cite(inherited, true) : undefined,
      href: `/policies/${applied.policyId}/#${applied.id}--${node.id}`,
      evidence: evidence && {
        text: evidence.text,
        citations: evidence.citations.map((c) => refs.cite(c)),
      },
    });
    // Inside some/every the children repeat per list item; the list itself is shown as the fact.
    if (node.kind === 'some' || node.kind === 'every') return;
    node.children.forEach((child) => walk(child, depth + 1, own ?? inherited));
  };
  if (evaluation.trace) walk(evaluation.trace, 0, undefined);

  const advisories = shownAdvisories(evaluation).map((a) => ({
    role: a.role,
    text: advisoryText(a),
    citation: refs.cite(a.citation),
  }));
  const cited = (statement: CitedText) => ({
    text: statement.text,
    citations: statement.citations.map((c) => refs.cite(c)),
  });
  const evidence: PacketEvidence[] = [
    ...data.evidence.guidelines.map((g) => ({
      kind: 'guideline' as const,
      title: `${g.shortName}`,
      detail: `${g.organization}, ${g.year ?? 'year not established'}. Stance on BVNA: ${g.stance}.`,
      statements: g.statements.map(cited),
    })),
    ...data.evidence.studies.map((s) => ({
      kind: 'study' as const,
      title: s.shortName,
      detail: `${s.design}. ${s.summary}`,
      statements: s.statements.map(cited),
    })),
  ];
  const policyName = line.policyName;
  return {
    lineId,
    title: `Appeal packet: ${policyName}, ${line.label}`,
    policyName,
    lineLabel: line.label,
    policyHref: `/policies/${line.policyId}/#line-${line.id}`,
    outcome: evaluation.outcome,
    outcomeLabel: outcomeLabel[evaluation.outcome],
    summary: evaluation.summary,
    appliedName: applied.id !== line.id ? applied.policyName : undefined,
    positionCitation,
    nonPublic,
    facts: documentedFacts(facts),
    rows,
    missing: evaluation.missing,
    caveats: evaluation.caveats,
    branches: (evaluation.branches ?? []).map((b) => ({
      policy: data.lines.find((l) => l.id === b.policy)?.policyName ?? b.policy,
      outcome: outcomeLabel[b.outcome],
    })),
    settle: evaluation.settle ?? [],
    advisories,
    evidence,
    references: refs.order.map((id, i) => ({
      n: i + 1,
      id,
      text: data.sources[id]?.ama ?? id,
      verification: data.sources[id]?.verification ?? 'unverified',
    })),
  };
}

const citeText = (c: PacketCitation) =>
  `[${c.n}${c.locator ? `, ${c.locator}` : ''}]${c.inherited ? ' (rule cited as a whole)' : ''}`;

/** The packet as plain text, for pasting into a letter or a portal's text box. */
export function packetText(p: Packet, origin = ''): string {
  const out: string[] = [];
  const rule = (s: string) => out.push(s, '='.repeat(Math.min(s.length, 72)));
  rule(p.title.toUpperCase());
  out.push(`Determination under the public criteria: ${p.outcomeLabel}. ${p.summary}`);
  if (p.appliedName) out.push(`Criteria applied: ${p.appliedName}.`);
  out.push(`Position of the policy: ${citeText(p.positionCitation)}`);
  if (p.nonPublic)
    out.push(`Non-public criteria: ${p.nonPublic.name} ${citeText(p.nonPublic.citation)}`);
  p.branches.forEach((b) => out.push(`  If ${b.policy} applies: ${b.outcome}`));
  p.settle.forEach((s) => out.push(`  To settle it: ${s}`));
  p.advisories.forEach((a) => out.push(`${a.text} ${citeText(a.citation)}`));
  p.caveats.forEach((c) => out.push(`Caution: ${c}`));
  out.push('', 'DOCUMENTED FACTS');
  for (const g of p.facts) {
    out.push(`${g.group}:`);
    g.items.forEach((f) => out.push(`  - ${f.label}: ${f.value}`));
  }
  if (p.facts.length === 0) out.push('  (none documented)');
  out.push('', 'CRITERIA');
  for (const r of p.rows) {
    const pad = '  '.repeat(r.depth);
    out.push(
      `${pad}- [${verdictLabel[r.verdict]}] ${r.label}${r.citation ? ` ${citeText(r.citation)}` : ''}`,
    );
    if (r.rule && r.rule !== r.label) out.push(`${pad}    Rule applied: ${r.rule}`);
    r.facts.forEach((f) => out.push(`${pad}    Fact: ${f}`));
    if (r.evidence)
      out.push(
        `${pad}    Evidence: ${r.evidence.text} ${r.evidence.citations.map(citeText).join(' ')}`,
      );
    out.push(`${pad}    ${origin}${r.href}`);
  }
  if (p.missing.length > 0) {
    out.push('', 'DOCUMENTATION TO ADD');
    p.missing.forEach((m) => out.push(`- ${m}`));
  }
  out.push('', 'EVIDENCE AND GUIDELINES');
  for (const e of p.evidence) {
    out.push(`${e.title} (${e.kind}). ${e.detail}`);
    e.statements.forEach((s) => out.push(`  - ${s.text} ${s.citations.map(citeText).join(' ')}`));
  }
  out.push('', 'REFERENCES');
  p.references.forEach((r) => out.push(`${r.n}. ${r.text}`));
  return `${out.join('\n')}\n`;
}

/** Markdown special characters escaped, so facts and labels read as text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}

const citeMd = (c: PacketCitation) => escapeMarkdown(citeText(c));

/** The packet as Markdown (for an email, a ticket or a document editor). */
export function packetMarkdown(p: Packet, origin = ''): string {
  const e = escapeMarkdown;
  const out: string[] = [
    `# ${e(p.title)}`,
    '',
    `**Determination under the public criteria: ${e(p.outcomeLabel)}.** ${e(p.summary)}`,
    '',
  ];
  if (p.appliedName) out.push(`Criteria applied: ${e(p.appliedName)}.`, '');
  out.push(`Position of the policy: ${citeMd(p.positionCitation)}`, '');
  if (p.nonPublic)
    out.push(`Non-public criteria: ${e(p.nonPublic.name)} ${citeMd(p.nonPublic.citation)}`, '');
  p.branches.forEach((b) => out.push(`- If ${e(b.policy)} applies: ${e(b.outcome)}`));
  p.settle.forEach((s) => out.push(`- To settle it: ${e(s)}`));
  p.advisories.forEach((a) => out.push(`> ${e(a.text)} ${citeMd(a.citation)}`, ''));
  p.caveats.forEach((c) => out.push(`> Caution: ${e(c)}`, ''));
  out.push('## Documented facts', '');
  for (const g of p.facts) {
    out.push(`**${e(g.group)}**`, '');
    g.items.forEach((f) => out.push(`- ${e(f.label)}: ${e(f.value)}`));
    out.push('');
  }
  out.push('## Criteria', '');
  for (const r of p.rows) {
    const pad = '  '.repeat(r.depth);
    out.push(
      `${pad}- **${e(verdictLabel[r.verdict])}**: [${e(r.label)}](${origin}${r.href})${r.citation ? ` ${citeMd(r.citation)}` : ''}`,
    );
    if (r.rule && r.rule !== r.label) out.push(`${pad}  Rule applied: ${e(r.rule)}`);
    r.facts.forEach((f) => out.push(`${pad}  Fact: ${e(f)}`));
    if (r.evidence)
      out.push(
        `${pad}  Evidence: ${e(r.evidence.text)} ${r.evidence.citations.map(citeMd).join(' ')}`,
      );
  }
  if (p.missing.length > 0) {
    out.push('', '## Documentation to add', '');
    p.missing.forEach((m) => out.push(`- [ ] ${e(m)}`));
  }
  out.push('', '## Evidence and guidelines', '');
  for (const ev of p.evidence) {
    out.push(`**${e(ev.title)}** (${ev.kind}). ${e(ev.detail)}`, '');
    ev.statements.forEach((s) => out.push(`- ${e(s.text)} ${s.citations.map(citeMd).join(' ')}`));
    out.push('');
  }
  out.push('## References', '');
  p.references.forEach((r) => out.push(`${r.n}. ${e(r.text)}`));
  return `${out.join('\n')}\n`;
}
