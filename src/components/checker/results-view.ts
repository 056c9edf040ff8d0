/**
 * Rendering the engine's evaluations into the result cards: outcome badge, summary, and on
 * expansion the failed and undocumented criteria (each linked to its place on the policy page and
 * to the bibliography) and the "documentation to add" checklist. Everything shown comes from the
 * Evaluation the engine returned; nothing here decides anything.
 */
import { formatLocator, bibliographyHref } from '../../lib/citations/locator.ts';
import type { CheckerData } from '../../lib/checker/data.ts';
import { outcomeLabel, type Evaluation, type Finding, type Outcome } from '../../lib/engine/types.ts';
import type { Citation } from '../../lib/schema/common.ts';
import { h } from './dom.ts';

const outcomeClasses = ['pending', 'not-covered', 'fails', 'needs-documentation', 'needs-proprietary-review', 'meets'];

/** A citation chip; the verification badge shows only when it differs from `usual` (the policy text's own label, said once). */
function citationChip(data: CheckerData, citation: Citation | undefined, usual?: string): Node | string {
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
    badge ? h('span', { class: `badge ${verification}` }, data.verificationLabels[verification]) : '',
  );
}

function findingItem(data: CheckerData, line: { policyId: string; id: string }, finding: Finding, usual?: string): HTMLLIElement {
  return h(
    'li',
    {},
    h('a', { href: `/policies/${line.policyId}/#${line.id}--${finding.nodeId}` }, finding.label),
    ' ',
    citationChip(data, finding.citation, usual),
    h('span', { class: 'finding-reason' }, finding.reason),
  );
}

function section(title: string, items: HTMLLIElement[], className?: string): Node[] {
  if (items.length === 0) return [];
  return [h('h4', {}, title), h('ul', { class: className }, ...items)];
}

/** The body of a card's details, as a list of nodes. */
function detailsBody(data: CheckerData, evaluation: Evaluation): Node[] {
  const lineId = evaluation.appliedPolicy ?? evaluation.policy;
  const applied = data.lines.find((l) => l.id === lineId)!;
  const nodes: Node[] = [];
  if (evaluation.appliedPolicy) nodes.push(h('p', {}, `Criteria applied: ${applied.policyName} (${applied.label}).`));
  nodes.push(h('p', {}, 'Position stated in: ', citationChip(data, evaluation.citation)));
  const usual = evaluation.citation.verification ?? data.sources[evaluation.citation.source]?.verification;
  nodes.push(...section('Not met, or excluded', evaluation.failed.map((f) => findingItem(data, applied, f, usual))));
  nodes.push(...section('Not documented', evaluation.undocumented.map((f) => findingItem(data, applied, f, usual))));
  nodes.push(...section('Documentation to add', evaluation.missing.map((m) => h('li', {}, m)), 'checklist'));
  if (evaluation.branches?.length)
    nodes.push(
      ...section(
        'Depends on the state of care',
        evaluation.branches.map((b) => h('li', {}, `${data.lines.find((l) => l.id === b.policy)?.policyName ?? b.policy}: ${outcomeLabel[b.outcome]}`)),
      ),
    );
  if (evaluation.failed.length === 0 && evaluation.undocumented.length === 0)
    nodes.push(h('p', {}, evaluation.outcome === 'not-covered' ? 'No criterion applies: the plan does not pay for the procedure on this product line.' : 'No public criterion fails or is undocumented.'));
  nodes.push(...section('Cautions', evaluation.caveats.map((c) => h('li', {}, c)), 'caveats'));
  return nodes;
}

function detailsSummary(evaluation: Evaluation): string {
  const parts = [
    evaluation.failed.length && `${evaluation.failed.length} not met`,
    evaluation.undocumented.length && `${evaluation.undocumented.length} not documented`,
    evaluation.missing.length && `${evaluation.missing.length} to document`,
  ].filter(Boolean);
  return parts.length > 0 ? `Why: ${parts.join(', ')}` : 'Why, with citations';
}

/** Updates every card. `packetHref(line)` gives the appeal packet link for the current facts. */
export function renderResults(root: HTMLElement, data: CheckerData, evaluations: readonly Evaluation[], packetHref: (line: string) => string, signatures: Map<string, string>): void {
  for (const evaluation of evaluations) {
    const card = root.querySelector<HTMLElement>(`[data-line="${evaluation.policy}"]`);
    if (!card) continue;
    const badge = card.querySelector<HTMLElement>('[data-outcome]')!;
    badge.classList.remove(...outcomeClasses);
    badge.classList.add(evaluation.outcome);
    badge.textContent = outcomeLabel[evaluation.outcome];
    card.dataset.outcome = evaluation.outcome;
    card.querySelector('[data-summary]')!.textContent = evaluation.summary;
    card.querySelector<HTMLAnchorElement>('[data-packet-link]')!.href = packetHref(evaluation.policy);
    // Rebuild the details only when they change, so an open card keeps focus and scroll.
    const signature = JSON.stringify([evaluation.outcome, evaluation.failed, evaluation.undocumented, evaluation.missing, evaluation.branches, evaluation.appliedPolicy]);
    if (signatures.get(evaluation.policy) === signature) continue;
    signatures.set(evaluation.policy, signature);
    card.querySelector('[data-details-summary]')!.textContent = detailsSummary(evaluation);
    card.querySelector('[data-details-body]')!.replaceChildren(...detailsBody(data, evaluation));
  }
}

/** "3 meet criteria, 2 need documentation, …" in outcome precedence order. */
export function countSummary(evaluations: readonly Evaluation[]): string {
  const counts = new Map<Outcome, number>();
  for (const e of evaluations) counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
  const order: Outcome[] = ['meets', 'needs-proprietary-review', 'needs-documentation', 'fails', 'not-covered'];
  return order
    .filter((o) => counts.has(o))
    .map((o) => `${counts.get(o)} ${outcomeLabel[o].toLowerCase()}`)
    .join(', ');
}
