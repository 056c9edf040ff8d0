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
import { oneLine } from '../facts/one-line.ts';
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
  /** The policy document and its version: "Thermal Ablation of the…, version 3 of 2025-05-29". */
  policyDocument: string;
  /** The same after the policy's short name, as printed at the top of every page. */
  policyVersion: string;
  lineLabel: string;
  policyHref: string;
  outcome: Evaluation['outcome'];
  outcomeLabel: string;
  summary: string;
  /** What could not be read from the facts given (a link's unreadable row…), said wherever the facts are used. */
  notes: string[];
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

type Catalogued = { label: string; unit?: string; item?: ItemKind; schema?: unknown };
const catalogue = factCatalog as Record<string, Catalogued>;

/** One list item in words: "L4, inferior, Modic type 1". */
function itemWords(item: Record<string, unknown>, kind: ItemKind): string {
  const fields = itemFields[kind] as Record<string, Catalogued>;
  const parts = Object.entries(fields)
    .filter(([key]) => item[key] !== undefined)
    .map(([key, info]) => `${info.label}: ${formatFactValue(item[key], info.unit)}`);
  return parts.length > 0 ? parts.join(', ') : 'details not documented';
}

const isFreeText = (info?: { schema?: unknown }) =>
  (info?.schema as { _zod?: { def: { type: string } } } | undefined)?._zod?.def.type === 'string';

/** A fact's value in words; lists item by item, an empty list as "none documented as present". */
export function factValueWords(key: string, value: unknown): string {
  const info = catalogue[key];
  if (value === undefined) return 'not documented';
  // Free text is shown as written, on one line; option ids read as words.
  if (typeof value === 'string' && isFreeText(info)) return oneLine(value);
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

/**
 * Evaluates `lineId` with the engine and builds its packet. `notes` say what could not be read
 * from the facts given. Throws for an unknown line.
 */
export function buildPacket(
  data: CheckerData,
  lineId: string,
  facts: PatientFacts,
  notes: readonly string[] = [],
): Packet {
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
      // A group of criteria is decided by its members, listed under it with their facts.
      facts:
        node.facts.length > 0 || node.children.length === 0
          ? node.facts.map(
              (f) => `${catalogue[f.path]?.label ?? f.path}: ${factValueWords(f.path, f.value)}`,
            )
          : ['Decided by the criteria below'],
      // The whole tree, when it has no citation of its own, is the policy's position, cited there.
      citation: own ? refs.cite(own) : refs.cite(inherited ?? evaluation.citation, true),
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
  const document = data.policies[line.policyId];
  const policyDocument = document
    ? `${document.title}, version ${document.version}${document.versionDate ? ` of ${document.versionDate}` : ''}`
    : 'version not recorded';
  return {
    lineId,
    title: `Appeal packet: ${policyName}, ${line.label}`,
    policyName,
    policyDocument,
    policyVersion: `${policyName}: ${policyDocument}`,
    lineLabel: line.label,
    policyHref: `/policies/${line.policyId}/#line-${line.id}`,
    outcome: evaluation.outcome,
    outcomeLabel: outcomeLabel[evaluation.outcome],
    summary: evaluation.summary,
    notes: notes.map(oneLine),
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
