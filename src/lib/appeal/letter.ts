/**
 * The appeal letter for one policy line: who it goes to and about whom (identifiers the user
 * types, kept in the browser), what is asked, the governing criteria cited to the right
 * authority (the LCD itself where a line applies one; the Medicare Advantage rule on internal
 * criteria where it bears), then criterion by criterion the rule in our words, the patient's
 * documented fact and a pinpoint citation, and a closing with a signature block. Built from the
 * packet model (itself the engine's evaluation and trace), so no rule is restated here. Filing
 * notes (what reviewers have weighed, the documents to add, the appeal levels) come with it
 * but are not part of the letter.
 */
import type { PatientFacts } from '../facts/schema.ts';
import { evaluateAll } from '../engine/evaluate.ts';
import { stateJurisdiction, lcdLabel } from '../engine/jurisdiction.ts';
import {
  outcomeLabel,
  outcomePrecedence,
  type EvaluablePolicy,
  type Evaluation,
  type TraceNode,
} from '../engine/types.ts';
import { formatLocator } from '../citations/locator.ts';
import type { Citation, Verification } from '../schema/common.ts';
import type { CheckerData } from '../checker/data.ts';
import { buildPacket, verdictTone, type PacketRow } from '../checker/packet.ts';
import { escapeMarkdown } from '../checker/packet-text.ts';
import {
  appealRoutes,
  criterionEvidence,
  experimentalEvidence,
  lcdAuthority,
  medicareAdvantageRule,
  reviewerPoints,
  type AppealRoute,
  type AppealSource,
} from './guide.ts';

/** What the user types about the case. Every field is optional, one line, and stays in the browser. */
export interface LetterDetails {
  /** Addressee, e.g. "Appeals Department, Example Health Plan, PO Box 1". */
  recipient?: string;
  memberName?: string;
  memberId?: string;
  /** Prior-authorization or reference number of the denied request. */
  authorizationNumber?: string;
  claimNumber?: string;
  /** Date (or planned date) of service, as the user writes it. */
  dateOfService?: string;
  /** Date on the denial notice. */
  denialDate?: string;
  /** The plan's stated reason for the denial, as free text. */
  denialReason?: string;
  /** Who signs: name, credentials, practice. */
  signer?: string;
}

export const detailFields: Record<keyof LetterDetails, { label: string; max: number }> = {
  recipient: { label: 'Addressee (plan and appeals address)', max: 200 },
  memberName: { label: 'Member name', max: 120 },
  memberId: { label: 'Member ID', max: 60 },
  authorizationNumber: { label: 'Authorization or reference number', max: 60 },
  claimNumber: { label: 'Claim number', max: 60 },
  dateOfService: { label: 'Date of service', max: 40 },
  denialDate: { label: 'Date of the denial notice', max: 40 },
  denialReason: { label: 'Denial reason given by the plan', max: 600 },
  signer: { label: 'Signed by (name, credentials, practice)', max: 200 },
};

/** One line of plain text: control characters and line breaks become spaces, length bounded. */
export function oneLine(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max)
  );
}

/** Only known fields, each one bounded line; anything else is dropped. */
export function cleanDetails(value: unknown): LetterDetails {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: LetterDetails = {};
  for (const [key, spec] of Object.entries(detailFields) as [
    keyof LetterDetails,
    { max: number },
  ][]) {
    const text = oneLine((value as Record<string, unknown>)[key], spec.max);
    if (text) out[key] = text;
  }
  return out;
}

/** A numbered reference in the letter. */
export interface LetterCitation {
  n: number;
  source: string;
  short: string;
  locator: string;
  verification: Verification;
}

/** A criterion's citation: the authority, and the restatement it is known through, if any. */
export interface PointCitation {
  cite: LetterCitation;
  via?: LetterCitation;
}

export type PointTone = 'met' | 'failed' | 'undocumented';

/** One criterion of the letter. */
export interface LetterPoint {
  nodeId: string;
  /** The criterion in our words. */
  label: string;
  tone: PointTone;
  /** "Met", "Not present", "Not met", "Present", "Not documented". */
  status: string;
  /** The patient's documented facts that decide it, in words. */
  facts: string[];
  citation?: PointCitation;
  /** Study statements that bear on this criterion (src/lib/appeal/guide.ts criterionEvidence). */
  evidence: LetterStatement[];
}

export interface LetterStatement {
  text: string;
  citations: LetterCitation[];
  verification?: Verification;
}

export interface Letter {
  lineId: string;
  planName: string;
  lineLabel: string;
  outcome: Evaluation['outcome'];
  outcomeLabel: string;
  preparedOn: string;
  details: LetterDetails;
  subject: string;
  /** What is asked, and on what ground, in two or three sentences. */
  request: string[];
  /** Which criteria govern, with citation. */
  authority: LetterStatement[];
  /** The Medicare Advantage argument, when it bears on this line and patient. */
  medicareRule: LetterStatement[];
  points: LetterPoint[];
  /** For lines that deny the procedure as unproven: a short cited evidence paragraph. */
  evidence: LetterStatement[];
  closing: string;
  notes: {
    reviewers: {
      payer: string;
      text: string;
      answer: string;
      citation: LetterCitation;
      own: boolean;
    }[];
    checklist: string[];
    routes: {
      title: string;
      levels: {
        name: string;
        text: string;
        citation: LetterCitation;
        verification: Verification;
      }[];
    }[];
  };
  references: { n: number; id: string; text: string; verification: Verification }[];
}

const statusWords: Record<PacketRow['verdict'], string> = {
  met: 'Met',
  'not-met': 'Not met',
  present: 'Present',
  absent: 'Not present',
  undocumented: 'Not documented',
};

class Numbering {
  readonly order: string[] = [];
  private readonly sources: Record<string, AppealSource>;
  constructor(sources: Record<string, AppealSource>) {
    this.sources = sources;
  }
  cite(
    c: Pick<Citation, 'source' | 'section' | 'item' | 'page' | 'table' | 'verification'>,
  ): LetterCitation {
    if (!this.order.includes(c.source)) this.order.push(c.source);
    const source = this.sources[c.source];
    return {
      n: this.order.indexOf(c.source) + 1,
      source: c.source,
      short: source?.short ?? c.source,
      locator: formatLocator(c),
      verification: c.verification ?? source?.verification ?? 'unverified',
    };
  }
}

/** Ids of the nodes of a trace (per-item copies under some/every left out). */
function traceIds(node: TraceNode | undefined, out = new Set<string>()): Set<string> {
  if (!node) return out;
  out.add(node.id);
  if (node.kind !== 'some' && node.kind !== 'every') node.children.forEach((c) => traceIds(c, out));
  return out;
}

const worse = (a: Evaluation['outcome'], b: Evaluation['outcome']) =>
  outcomePrecedence.indexOf(a) < outcomePrecedence.indexOf(b);

/** A Medicare Advantage line: its letter weighs the LCDs (so the letter page loads them too). */
export const isMedicareAdvantage = (line: Pick<EvaluablePolicy, 'productLines'>) =>
  line.productLines.some((p) => p === 'medicare-advantage' || p === 'medicare-medicaid');

/**
 * The letter's criteria: in the policy's order, each failed or undocumented criterion the engine
 * reports, and every other criterion at the level where a rule is applied (a logic group is
 * opened, a rule's own sub-criteria are summed up in its facts). No criterion appears twice.
 */
function letterPoints(
  rows: PacketRow[],
  evaluation: Evaluation,
  cite: (row: PacketRow) => PointCitation | undefined,
  evidenceFor: (nodeIds: string[]) => LetterStatement[],
): LetterPoint[] {
  const findings = new Set([...evaluation.failed, ...evaluation.undocumented].map((f) => f.nodeId));
  const points: LetterPoint[] = [];
  const end = (i: number) => {
    let j = i + 1;
    while (j < rows.length && rows[j]!.depth > rows[i]!.depth) j++;
    return j;
  };
  for (let i = 0; i < rows.length;) {
    const row = rows[i]!;
    const stop = end(i);
    // A group the policy numbers as one item reads as one point, unless a finding lies inside it.
    const numberedGroup =
      row.citation !== undefined &&
      !row.citation.inherited &&
      row.citation.locator.includes('item') &&
      !rows.slice(i + 1, stop).some((r) => findings.has(r.nodeId));
    if (findings.has(row.nodeId) || row.rule !== '' || stop === i + 1 || numberedGroup) {
      const facts = [...new Set(rows.slice(i, stop).flatMap((r) => r.facts))];
      points.push({
        nodeId: row.nodeId,
        label: row.label,
        tone: verdictTone[row.verdict],
        status: statusWords[row.verdict],
        facts,
        citation: cite(row),
        evidence: evidenceFor(rows.slice(i, stop).map((r) => r.nodeId)),
      });
      i = stop;
    } else i++;
  }
  return points;
}

/** Builds the letter for `lineId`. `preparedOn` is the date to print (the caller's clock). */
export function buildLetter(
  data: CheckerData,
  guideSources: Record<string, AppealSource>,
  lineId: string,
  facts: PatientFacts,
  details: LetterDetails,
  preparedOn: string,
): Letter {
  const packet = buildPacket(data, lineId, facts);
  const line = data.lines.find((l) => l.id === lineId)!;
  const evaluations = evaluateAll(data.lines, facts);
  const evaluation = evaluations.find((e) => e.policy === lineId)!;
  const refs = new Numbering({ ...data.sources, ...guideSources });
  const clean = cleanDetails(details);

  // The authority: the LCD itself where the line applies one, else the plan's policy.
  const lcdId = line.id in lcdAuthority ? line.id : evaluation.appliedPolicy;
  const lcd = lcdId ? lcdAuthority[lcdId] : undefined;
  const authority: LetterStatement[] = [];
  if (lcd && lcdId) {
    authority.push({
      text: `The governing criteria are those of Medicare LCD ${lcdLabel(lcdId)}${line.id === lcdId ? '' : `, which ${line.policyName} applies to this member`}. ${lcd.knownThrough ?? ''}`.trim(),
      citations: [refs.cite(lcd.citation), refs.cite(evaluation.citation)],
    });
  } else {
    authority.push({
      text: `The governing criteria are ${line.policyName} (${line.label}).`,
      citations: [refs.cite(evaluation.citation)],
    });
  }
  // Where an LCD governs, the plan's non-public criteria do not apply to the request.
  if (line.nonPublic && !lcd)
    authority.push({
      text: `After its public criteria the plan applies ${line.nonPublic.name}, which is not public; if the denial rests on it, we ask the plan to name the criterion and send its text.`,
      citations: [refs.cite(line.nonPublic.citation)],
    });

  const lcdCite = lcd ? refs.cite(lcd.citation) : undefined;
  const concepts = conceptsOf(evaluation.trace);
  const usedEvidence = new Set<string>();
  const points = letterPoints(
    packet.rows,
    evaluation,
    (row) => {
      if (!row.citation) return lcdCite ? { cite: lcdCite } : undefined;
      const own = refs.cite({
        source: row.citation.source,
        section: row.citation.locator || undefined,
        verification: row.citation.verification,
      });
      return lcdCite ? { cite: lcdCite, via: own } : { cite: own };
    },
    (nodeIds) => {
      // Each statement once, beside the first criterion it bears on.
      const found = bearingEvidence(
        data,
        nodeIds.map((id) => concepts.get(id)),
        refs,
      ).filter((s) => !usedEvidence.has(s.text));
      found.forEach((s) => usedEvidence.add(s.text));
      return found;
    },
  );

  const medicareRule = isMedicareAdvantage(line)
    ? medicareArgument(data, line, evaluation, evaluations, facts, refs)
    : [];

  const evidence = [
    'experimental-investigational',
    'not-medically-necessary',
    'not-payable',
  ].includes(line.position)
    ? evidenceParagraph(data, refs)
    : [];

  const bodies = (facts.plannedLevels ?? []).map((p) => p.level).filter(Boolean);
  const what = `basivertebral nerve ablation (CPT 64628${bodies.length > 1 ? ' and 64629' : ''})${bodies.length ? ` of the ${bodies.join(' and ')} vertebral bod${bodies.length > 1 ? 'ies' : 'y'}` : ''}`;
  const who = clean.memberName ?? 'the member named above';
  const request = [
    `I ask you to reconsider the denial of ${what} for ${who}, and to approve it.`,
    requestGround(evaluation, line, medicareRule.length > 0),
  ];
  if (clean.denialReason)
    request.push(
      `The denial gives this reason: “${clean.denialReason}”. Each point below answers it against the criteria that govern.`,
    );

  // The filing notes cite by short name and locator, outside the letter's numbered references.
  const noteRefs = new Numbering({ ...data.sources, ...guideSources });
  const reviewers = [...reviewerPoints]
    .sort((a, b) => Number(b.lines.includes(lineId)) - Number(a.lines.includes(lineId)))
    .map((p) => ({
      payer: p.payer,
      text: p.text,
      answer: p.answer,
      citation: noteRefs.cite(p.citation),
      own: p.lines.includes(lineId),
    }));
  const routes = appealRoutes
    .filter((r: AppealRoute) => r.productLines.some((p) => line.productLines.includes(p)))
    .map((r) => ({
      title: r.title,
      levels: r.levels.map((l) => ({
        name: l.name,
        text: l.text,
        citation: noteRefs.cite({ ...l.citation, verification: l.verification }),
        verification: l.verification,
      })),
    }));

  return {
    lineId,
    planName: line.policyName,
    lineLabel: line.label,
    outcome: evaluation.outcome,
    outcomeLabel: outcomeLabel[evaluation.outcome],
    preparedOn,
    details: clean,
    subject: `Request for reconsideration: ${what}`,
    request,
    authority,
    medicareRule,
    points,
    evidence,
    closing: ['meets', 'needs-proprietary-review'].includes(evaluation.outcome)
      ? 'For these reasons the request meets the criteria that govern it, and I ask that the denial be reversed. The records behind each fact above are enclosed or available on request; please contact me with any question before deciding.'
      : 'For these reasons I ask that the denial be reversed. The records behind each fact above, and those answering each point marked as not documented, are enclosed or will follow; please contact me with any question before deciding.',
    notes: {
      reviewers,
      checklist: evaluation.missing,
      routes,
    },
    references: refs.order.map((id, i) => ({
      n: i + 1,
      id,
      text: { ...data.sources, ...guideSources }[id]?.ama ?? id,
      verification: { ...data.sources, ...guideSources }[id]?.verification ?? 'unverified',
    })),
  };
}

function requestGround(evaluation: Evaluation, line: EvaluablePolicy, medicare: boolean): string {
  switch (evaluation.outcome) {
    case 'meets':
      return 'The documented facts meet every criterion that governs this request, as set out criterion by criterion below.';
    case 'needs-proprietary-review':
      return 'The documented facts meet every public criterion, as set out below.';
    case 'needs-documentation':
      return 'The documented facts meet the criteria below except those marked “Not documented”, for which the records are enclosed or will follow.';
    case 'depends-on-lcd':
      return 'Which criteria govern depends on the Medicare LCD for the place of care; the criteria below are read as the plan applies them, and the Medicare rule that follows explains why the LCD should govern.';
    case 'fails':
      return medicare
        ? 'The plan’s own criteria are not the ones that should decide this request: as set out below, Medicare’s rules bind it.'
        : 'Where a criterion below is marked as not met, I explain why the patient’s circumstances still call for the procedure.';
    case 'not-covered':
      return `${line.policyName} does not cover the procedure for this product line; I ask for an individual review of medical necessity on the evidence summarised below.`;
    default: {
      const unreachable: never = evaluation.outcome;
      return unreachable;
    }
  }
}

/**
 * The 422.101(b)(3)/(b)(6) argument for a Medicare Advantage line: the rule itself, then what it
 * means here (an LCD applies in the state of care; the plan adds criteria the LCD does not have;
 * the patient fares better under the LCD than under the plan's own criteria).
 */
function medicareArgument(
  data: CheckerData,
  line: EvaluablePolicy,
  evaluation: Evaluation,
  evaluations: Evaluation[],
  facts: PatientFacts,
  refs: Numbering,
): LetterStatement[] {
  const specifics: LetterStatement[] = [];
  const lcdLines = data.lines.filter((l) => l.id in lcdAuthority);
  const candidates = line.lcd?.candidates ?? data.lcdCandidates;
  const citeLcd = (id: string) => refs.cite(lcdAuthority[id]!.citation);
  if (evaluation.appliedPolicy && evaluation.appliedPolicy in lcdAuthority) {
    const where = facts.state ? ` in ${facts.state}` : '';
    specifics.push({
      text: `LCD ${lcdLabel(evaluation.appliedPolicy)} applies to care given${where}, so the plan must decide this request by its criteria, and criteria of its own may not narrow it.`,
      citations: [citeLcd(evaluation.appliedPolicy), refs.cite(evaluation.citation)],
    });
  } else {
    // Which LCDs could govern: the one for the documented state, else every candidate.
    const inState = facts.state ? stateJurisdiction(facts.state, candidates).lcd : undefined;
    const relevant = inState ? lcdLines.filter((l) => l.id === inState.id) : lcdLines;
    const readings = relevant.map((l) => evaluations.find((e) => e.policy === l.id)!);
    const best = readings.reduce<Evaluation | undefined>(
      (b, r) => (!b || worse(b.outcome, r.outcome) ? r : b),
      undefined,
    );
    if (inState)
      specifics.push({
        text: `LCD ${lcdLabel(inState.id)} is taken to apply in ${facts.state}${inState.verification === 'verified' ? '' : ' (the editors’ inference from its contractor, to be confirmed)'}; where it applies, its criteria govern this request.`,
        citations: [citeLcd(inState.id)],
      });
    // Criteria the plan adds to the LCD's (only comparable where the LCD's criteria are the plan's own restatement).
    const lcdTrace = readings[0]?.trace;
    if (lcdTrace && evaluation.trace && lcdTrace.id === evaluation.trace.id) {
      const shared = traceIds(lcdTrace);
      const extra = [...traceIds(evaluation.trace)].filter((id) => !shared.has(id));
      const rows = buildPacket(data, line.id, facts).rows.filter((r) => extra.includes(r.nodeId));
      if (rows.length > 0)
        specifics.push({
          text: `The plan’s policy adds criteria that the LCD does not contain: ${rows.map((r) => r.label.charAt(0).toLowerCase() + r.label.slice(1)).join('; ')}. Where the LCD’s criteria are fully established, these may not be applied.`,
          citations: rows
            .map((r) => r.citation)
            .filter((c) => c !== undefined)
            .map((c) => refs.cite({ source: c.source, section: c.locator || undefined })),
        });
    }
    if (best && worse(evaluation.outcome, best.outcome)) {
      const alike = readings.filter((r) => r.outcome === best.outcome).map((r) => r.policy);
      const names = alike.map(lcdLabel);
      specifics.push({
        text: `Under the criteria of ${names.length > 1 ? `the Medicare LCDs (${names.join(', ')})` : `LCD ${names[0]}`} this patient’s documented facts give “${outcomeLabel[best.outcome]}”, against “${outcomeLabel[evaluation.outcome]}” under the plan’s own criteria.`,
        citations: alike.map(citeLcd),
      });
    }
    if (line.lcd && !inState && !facts.state)
      specifics.push({
        text: `The plan’s policy defers to the Medicare LCDs for members in their contractors’ states; the state of care decides which applies.`,
        citations: [refs.cite(line.lcd.citation)],
      });
  }
  if (specifics.length === 0) return [];
  return [
    ...medicareAdvantageRule.map((s) => ({
      text: s.text,
      citations: s.citations.map((c) => refs.cite({ ...c, verification: s.verification })),
      verification: s.verification,
    })),
    ...specifics,
  ];
}

/** Each criterion's concept, by node id. */
function conceptsOf(
  node: TraceNode | undefined,
  out = new Map<string, string>(),
): Map<string, string> {
  if (!node) return out;
  if (node.concept) out.set(node.id, node.concept);
  if (node.kind !== 'some' && node.kind !== 'every')
    node.children.forEach((c) => conceptsOf(c, out));
  return out;
}

/** The study statements that bear on criteria of these concepts, each cited. */
function bearingEvidence(
  data: CheckerData,
  concepts: (string | undefined)[],
  refs: Numbering,
): LetterStatement[] {
  return criterionEvidence
    .filter((e) => e.concepts.some((c) => concepts.includes(c)))
    .flatMap((e) => {
      const study = data.evidence.studies.find((s) => s.id === e.study);
      const statement = study?.statements.find((s) => s.text.includes(e.statementContains));
      if (!study || !statement) return [];
      return [
        {
          text: `${study.shortName}: ${statement.text}`,
          citations: statement.citations.map((c) => refs.cite(c)),
        },
      ];
    });
}

/** Guidelines that recommend the procedure and the chosen trials' results in brief, each cited. */
function evidenceParagraph(data: CheckerData, refs: Numbering): LetterStatement[] {
  const recommending = data.evidence.guidelines.filter((g) => /^recommend/i.test(g.stance));
  const studies = experimentalEvidence
    .map((id) => data.evidence.studies.find((s) => s.id === id))
    .filter((s) => s !== undefined && s.statements.length > 0);
  return [
    ...recommending.map((g) => ({
      text: `${g.shortName} (${g.organization}): ${g.statements[0]!.text}`,
      citations: g.statements[0]!.citations.map((c) => refs.cite(c)),
    })),
    ...studies.map((s) => ({
      text: `${s!.shortName}: ${s!.summary}`,
      citations: s!.statements.at(-1)!.citations.map((c) => refs.cite(c)),
    })),
  ];
}

/** A citation in words: "[2] LCD L39642, Coverage indications (as restated: [1] Cohere …, Indications, item 2)". */
export function citationWords(c: PointCitation | LetterCitation): string {
  const one = (x: LetterCitation) => `[${x.n}] ${x.short}${x.locator ? `, ${x.locator}` : ''}`;
  if ('cite' in c) return c.via ? `${one(c.cite)}, as restated in ${one(c.via)}` : one(c.cite);
  return one(c);
}

const blank = '____________';
export const noCriteria =
  'The policy states no criteria under which it covers the procedure; the request rests on the evidence below and on this patient’s records.';
const toBlank = `${blank} (the plan’s appeals address, from the denial notice)`;

/** The heading block's lines: label and value (a blank line to fill by hand when not given). */
export function headingLines(l: Letter): { label: string; value: string }[] {
  const d = l.details;
  return [
    { label: 'Member', value: d.memberName ?? blank },
    { label: 'Member ID', value: d.memberId ?? blank },
    { label: 'Authorization or reference number', value: d.authorizationNumber ?? blank },
    { label: 'Claim number', value: d.claimNumber ?? blank },
    { label: 'Date of service', value: d.dateOfService ?? blank },
    { label: 'Date of the denial notice', value: d.denialDate ?? blank },
    { label: 'Plan and policy', value: `${l.planName} (${l.lineLabel})` },
  ];
}

const verificationNote = (v: Verification | undefined) =>
  v && v !== 'verified' ? ` [${v === 'secondary' ? 'read in a secondary source' : v}]` : '';

/** The letter as plain text (for a portal's text box or a word processor). */
export function letterText(l: Letter): string {
  const out: string[] = [l.preparedOn, '', `To: ${l.details.recipient ?? toBlank}`, ''];
  out.push(`Re: ${l.subject}`);
  headingLines(l).forEach((h) => out.push(`${h.label}: ${h.value}`));
  out.push('', 'Dear reviewer,', '', ...l.request.map((p) => p), '');
  out.push('GOVERNING CRITERIA');
  l.authority.forEach((s) => out.push(`${s.text} ${s.citations.map(citationWords).join('; ')}`));
  if (l.medicareRule.length) {
    out.push('', 'MEDICARE RULES THAT BIND THIS PLAN');
    l.medicareRule.forEach((s) =>
      out.push(
        `- ${s.text} ${s.citations.map(citationWords).join('; ')}${verificationNote(s.verification)}`,
      ),
    );
  }
  out.push('', 'CRITERION BY CRITERION');
  if (l.points.length === 0) out.push(noCriteria);
  l.points.forEach((p, i) => {
    out.push(`${i + 1}. ${p.label}: ${p.status}.`);
    if (p.facts.length) out.push(`   Documented: ${p.facts.join('; ')}`);
    if (p.citation) out.push(`   Citation: ${citationWords(p.citation)}`);
    p.evidence.forEach((s) =>
      out.push(`   Evidence: ${s.text} ${s.citations.map(citationWords).join('; ')}`),
    );
  });
  if (l.evidence.length) {
    out.push('', 'EVIDENCE');
    l.evidence.forEach((s) => out.push(`- ${s.text} ${s.citations.map(citationWords).join('; ')}`));
  }
  out.push(
    '',
    l.closing,
    '',
    'Sincerely,',
    '',
    '',
    l.details.signer ?? `${blank} (name, credentials, NPI, practice, telephone)`,
  );
  out.push('', 'REFERENCES');
  l.references.forEach((r) => out.push(`${r.n}. ${r.text}${verificationNote(r.verification)}`));
  return `${out.join('\n')}\n`;
}

/** The letter as Markdown. */
export function letterMarkdown(l: Letter): string {
  const e = escapeMarkdown;
  const cites = (s: LetterStatement) => e(s.citations.map(citationWords).join('; '));
  const out: string[] = [e(l.preparedOn), '', `To: ${e(l.details.recipient ?? toBlank)}`, ''];
  out.push(`**Re: ${e(l.subject)}**`, '');
  headingLines(l).forEach((h) => out.push(`- ${e(h.label)}: ${e(h.value)}`));
  out.push('', 'Dear reviewer,', '', ...l.request.flatMap((p) => [e(p), '']));
  out.push('## Governing criteria', '');
  l.authority.forEach((s) => out.push(`${e(s.text)} ${cites(s)}`, ''));
  if (l.medicareRule.length) {
    out.push('## Medicare rules that bind this plan', '');
    l.medicareRule.forEach((s) =>
      out.push(`- ${e(s.text)} ${cites(s)}${e(verificationNote(s.verification))}`),
    );
    out.push('');
  }
  out.push('## Criterion by criterion', '');
  if (l.points.length === 0) out.push(noCriteria);
  l.points.forEach((p, i) => {
    out.push(`${i + 1}. **${e(p.label)}**: ${e(p.status)}.`);
    if (p.facts.length) out.push(`   Documented: ${e(p.facts.join('; '))}`);
    if (p.citation) out.push(`   Citation: ${e(citationWords(p.citation))}`);
    p.evidence.forEach((s) => out.push(`   Evidence: ${e(s.text)} ${cites(s)}`));
  });
  if (l.evidence.length) {
    out.push('', '## Evidence', '');
    l.evidence.forEach((s) => out.push(`- ${e(s.text)} ${cites(s)}`));
  }
  out.push(
    '',
    e(l.closing),
    '',
    'Sincerely,',
    '',
    e(l.details.signer ?? `${blank} (name, credentials, NPI, practice, telephone)`),
  );
  out.push('', '## References', '');
  l.references.forEach((r) =>
    out.push(`${r.n}. ${e(r.text)}${e(verificationNote(r.verification))}`),
  );
  return `${out.join('\n')}\n`;
}
