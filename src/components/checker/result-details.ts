/**
 * What a result card shows when opened: the criteria not met (or exclusions present) and not
 * documented, each linked to its place on the policy page and cited to the bibliography, the
 * documentation to add, billing notes and cautions. Loaded when a card is first opened, so the
 * checker's first script stays small.
 */
import { formatLocator, bibliographyHref } from '../../lib/citations/locator.ts';
import type { CheckerData } from '../../lib/checker/data.ts';
import { advisoryText, shownAdvisories } from '../../lib/format/evaluation-report.ts';
import {
  outcomeLabel,
  type EvaluablePolicy,
  type Evaluation,
  type Finding,
} from '../../lib/engine/types.ts';
import type { Citation } from '../../lib/schema/common.ts';
import { h } from './dom.ts';

/** The elements of one result card that change, looked up once. */
export interface Card {
  card: HTMLElement;
  badge: HTMLElement;
  summary: HTMLElement;
  /** The appeal packet link (payer lines only). */
  packet?: HTMLAnchorElement;
  details: HTMLDetailsElement;
  detailsBody: HTMLElement;
  signature?: string;
  /** The evaluation the details were last asked to show (drawn when the card is opened). */
  pending?: Evaluation;
}

/** A citation chip; the verification badge shows only when it differs from `usual` (the policy text's own label, said once). */
function citationChip(
  data: CheckerData,
  citation: Citation | undefined,
  usual?: string,
): Node | string {
  if (!citation) return '';
  const source = data.sources[citation.source];
  const locator = formatLocator(citation);
  const label = source?.short ?? citation.source;
  const verification = citation.verification ?? source?.verification;
  const badge = verification && verification !== 'verified' && verification !== usual;
  return h(
    'span',
    { class: 'cite' },
    '[',
    h('a', { href: bibliographyHref(citation.source) }, label),
    locator ? `, ${locator}` : '',
    ']',
    badge ? ' ' : '',
    badge
      ? h('span', { class: `badge ${verification}` }, data.verificationLabels[verification])
      : '',
  );
}

function findingItem(
  data: CheckerData,
  line: EvaluablePolicy,
  finding: Finding,
  usual?: string,
): HTMLLIElement {
  return h(
    'li',
    {},
    h('a', { href: `${linePage(line)}#${line.id}--${finding.nodeId}` }, finding.label),
    ' ',
    citationChip(data, finding.citation, usual),
    h('span', { class: 'finding-reason' }, finding.reason),
  );
}

/** Where a line's criteria are listed: a payer's on its policy page, a trial's or guideline's on its eligibility page. */
const linePage = (line: EvaluablePolicy) =>
  line.owner.kind === 'payer-line' ? `/policies/${line.policyId}/` : `/eligibility/${line.id}/`;

function section(title: string, items: HTMLLIElement[], className?: string): Node[] {
  if (items.length === 0) return [];
  return [h('h4', {}, title), h('ul', { class: className }, ...items)];
}

/** The body of a card's details, as a list of nodes. */
function detailsBody(data: CheckerData, evaluation: Evaluation): Node[] {
  const lineId = evaluation.appliedPolicy ?? evaluation.policy;
  const applied = data.lines.find((l) => l.id === lineId)!;
  const nodes: Node[] = [];
  if (evaluation.appliedPolicy)
    nodes.push(h('p', {}, `Criteria applied: ${applied.policyName} (${applied.label}).`));
  nodes.push(
    h(
      'p',
      {},
      applied.owner.kind === 'payer-line' ? 'Position stated in: ' : 'Criteria stated in: ',
      citationChip(data, evaluation.citation),
    ),
  );
  const usual =
    evaluation.citation.verification ?? data.sources[evaluation.citation.source]?.verification;
  nodes.push(
    ...section(
      'Not met, or excluded',
      evaluation.failed.map((f) => findingItem(data, applied, f, usual)),
    ),
  );
  nodes.push(
    ...section(
      'Not documented',
      evaluation.undocumented.map((f) => findingItem(data, applied, f, usual)),
    ),
  );
  nodes.push(
    ...section(
      'Documentation to add',
      evaluation.missing.map((m) => h('li', {}, m)),
      'checklist',
    ),
  );
  if (evaluation.branches?.length)
    nodes.push(
      ...section(
        evaluation.outcome === 'depends-on-lcd'
          ? 'Depends on which LCD covers the state of care'
          : 'Depends on the state of care',
        evaluation.branches.map((b) =>
          h(
            'li',
            {},
            `${data.lines.find((l) => l.id === b.policy)?.policyName ?? b.policy}: ${outcomeLabel[b.outcome]}`,
          ),
        ),
      ),
    );
  nodes.push(
    ...section(
      'What would settle it',
      (evaluation.settle ?? []).map((s) => h('li', {}, s)),
    ),
  );
  nodes.push(
    ...section(
      'Billing notes and cautions (they never decide coverage)',
      shownAdvisories(evaluation).map((a) =>
        h('li', { 'data-advisory': a.role }, advisoryText(a), ' ', citationChip(data, a.citation)),
      ),
      'advisories',
    ),
  );
  nodes.push(
    ...section(
      'Implied by other documented facts',
      evaluation.implied.map((i) =>
        h('li', {}, `${i.fact} = ${String(i.value)}, because ${i.because} (${i.from.fact}).`),
      ),
    ),
  );
  if (evaluation.failed.length === 0 && evaluation.undocumented.length === 0)
    nodes.push(
      h(
        'p',
        {},
        evaluation.outcome === 'not-covered'
          ? 'No criterion applies: the plan does not pay for the procedure on this product line.'
          : 'No public criterion fails or is undocumented.',
      ),
    );
  nodes.push(
    ...section(
      'Cautions',
      evaluation.caveats.map((c) => h('li', {}, c)),
      'caveats',
    ),
  );
  return nodes;
}

/** Draws a card's details from its latest evaluation, only when they changed (an open card keeps focus and scroll). */
export function drawDetails(card: Card, data: CheckerData): void {
  const evaluation = card.pending;
  if (!evaluation) return;
  const signature = JSON.stringify([
    evaluation.failed,
    evaluation.undocumented,
    evaluation.missing,
    evaluation.branches,
    evaluation.appliedPolicy,
    evaluation.outcome,
    evaluation.settle,
    evaluation.advisories.map((a) => a.status),
    evaluation.implied,
  ]);
  if (card.signature === signature) return;
  card.signature = signature;
  card.detailsBody.replaceChildren(...detailsBody(data, evaluation));
}
