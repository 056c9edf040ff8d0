/**
 * Rendering the engine's evaluations into the result cards: outcome badge and summary, the
 * member's lines first. What a card shows when opened (criteria, citations, documentation to
 * add) is drawn by result-details.ts, loaded on first use. Everything shown comes from the
 * Evaluation the engine returned; nothing here decides anything.
 */
import type { CheckerData } from '../../lib/checker/data.ts';
import type { ResultPlan } from '../../lib/checker/member.ts';
import { outcomeLabel, type Evaluation, type Outcome } from '../../lib/engine/types.ts';
import type { Card } from './result-details.ts';

export type { Card } from './result-details.ts';

const outcomeClasses = [
  'pending',
  'not-covered',
  'fails',
  'depends-on-lcd',
  'needs-documentation',
  'needs-proprietary-review',
  'meets',
];

const cardOf = (card: HTMLElement): Card => ({
  card,
  badge: card.querySelector('[data-outcome]')!,
  summary: card.querySelector('[data-summary]')!,
  packet: card.querySelector<HTMLAnchorElement>('[data-packet-link]') ?? undefined,
  details: card.querySelector('[data-details]')!,
  detailsBody: card.querySelector('[data-details-body]')!,
});

/** Finds every result card under `root`, by line id. */
export function findCards(root: HTMLElement): Map<string, Card> {
  const cards = new Map<string, Card>();
  for (const card of root.querySelectorAll<HTMLElement>('[data-line]'))
    cards.set(card.dataset.line!, cardOf(card));
  return cards;
}

/**
 * A payer line's card, from the page's <template>: titles and links are set as text and
 * attributes, never as markup.
 */
export function newCard(
  template: HTMLTemplateElement,
  line: { id: string; policyId: string; policyName: string; label: string },
): Card {
  const card = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const [policy, label] = card.querySelectorAll('h3 span');
  const [page, , letter] = card.querySelectorAll('a');
  card.dataset.line = line.id;
  card.id = `result-${line.id}`;
  policy!.textContent = line.policyName;
  label!.textContent = line.label;
  // Each link's name says which line it is for.
  for (const name of card.querySelectorAll('a span'))
    name.textContent = `: ${line.policyName}, ${line.label}`;
  page!.href = `/policies/${line.policyId}/#line-${line.id}`;
  letter!.href = `/check/letter/?line=${line.id}`;
  return cardOf(card);
}

const setText = (element: HTMLElement, text: string) =>
  element.textContent !== text && (element.textContent = text);

/**
 * Updates every card. `packetHref(line)` gives the appeal packet link for the current facts;
 * `label` the words for an outcome (a trial's or guideline's differ from a payer's).
 */
export function renderResults(
  cards: Map<string, Card>,
  data: CheckerData,
  evaluations: readonly Evaluation[],
  packetHref: (line: string) => string,
  label: (outcome: Outcome) => string = (o) => outcomeLabel[o],
): void {
  for (const evaluation of evaluations) {
    const card = cards.get(evaluation.policy);
    if (!card) continue;
    if (card.card.dataset.outcome !== evaluation.outcome) {
      card.badge.classList.remove(...outcomeClasses);
      card.badge.classList.add(evaluation.outcome);
      card.badge.textContent = label(evaluation.outcome);
      card.card.dataset.outcome = evaluation.outcome;
    }
    setText(card.summary, evaluation.summary);
    const href = packetHref(evaluation.policy);
    if (card.packet && card.packet.getAttribute('href') !== href)
      card.packet.setAttribute('href', href);
    // A closed card's details are drawn when it is opened (drawDetails), not on every keystroke.
    card.pending = evaluation;
    if (card.details.open) void showDetails(card, data);
  }
}

/** Draws an open card's details; the code that draws them loads when a card is first opened. */
export async function showDetails(card: Card, data: CheckerData): Promise<void> {
  const { drawDetails } = await import('./result-details.ts');
  drawDetails(card, data);
}

/**
 * Puts the plan's main lines (src/lib/checker/member.ts: the member's, or every line of a small
 * catalogue when no plan fact is documented) in the main list and the others of a small
 * catalogue under "Other plans"; cards of lines no longer shown leave the page. Cards are only
 * moved when the order changes, so an open card keeps focus while the user types.
 */
export function orderCards(
  root: HTMLElement,
  cards: Map<string, Card>,
  plan: Pick<ResultPlan, 'main' | 'other'>,
): void {
  const main = root.querySelector<HTMLElement>('[data-results-main]')!;
  const other = root.querySelector<HTMLElement>('[data-results-other]')!;
  const fold = other.closest<HTMLDetailsElement>('details')!;
  const inMain = plan.main.map((id) => cards.get(id)!.card);
  const inOther = plan.other.map((id) => cards.get(id)!.card);
  const place = (list: HTMLElement, items: HTMLElement[]) => {
    const current = Array.from(list.children);
    if (current.length !== items.length || items.some((c, i) => current[i] !== c))
      list.replaceChildren(...items);
  };
  place(main, inMain);
  place(other, inOther);
  fold.hidden = inOther.length === 0;
  fold.querySelector('[data-other-count]')!.textContent = String(inOther.length);
}

/** "3 meet criteria, 2 need documentation, …" in outcome precedence order. */
export function countSummary(evaluations: readonly Evaluation[]): string {
  const counts = new Map<Outcome, number>();
  for (const e of evaluations) counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
  const order: Outcome[] = [
    'meets',
    'needs-proprietary-review',
    'needs-documentation',
    'depends-on-lcd',
    'fails',
    'not-covered',
  ];
  return order
    .filter((o) => counts.has(o))
    .map((o) => `${counts.get(o)} ${outcomeLabel[o].toLowerCase()}`)
    .join(', ');
}
