/**
 * The checker's "against the trials and guidelines" panel, loaded only after the payer results
 * (a dynamic import, so it adds nothing to the script the checker runs on load). It fetches the
 * compiled criteria sets (/data/evidence-criteria.json), builds one card per set, and on every
 * change runs the same engine on the same facts as the payer cards. Trials and guidelines are not
 * payers: their outcomes are said in their own words and carry no appeal packet.
 */
import type { evaluateAll } from '../../lib/engine/evaluate.ts';
import type { CheckerData } from '../../lib/checker/data.ts';
import type { PatientFacts } from '../../lib/facts/schema.ts';
import { evidenceOutcomeLabel } from '../../lib/format/evidence.ts';
import type { h as H } from './dom.ts';
import type { findCards, renderResults, showDetails } from './results-view.ts';

/**
 * The checker's own engine and card renderer, passed in rather than imported: a lazily loaded
 * chunk that imports nothing costs the checker's first script no module-preload helper.
 */
export interface PanelTools {
  evaluateAll: typeof evaluateAll;
  renderResults: typeof renderResults;
  findCards: typeof findCards;
  showDetails: typeof showDetails;
  h: typeof H;
}

/** One set's card, in the payer cards' markup, so results-view.ts fills both alike. */
function card(h: typeof H, line: CheckerData['lines'][number]): HTMLLIElement {
  return h(
    'li',
    { class: 'result', 'data-line': line.id, id: `result-${line.id}` },
    h(
      'h3',
      { class: 'result-title' },
      h('span', { class: 'result-policy' }, line.policyName),
      ' ',
      h('span', { class: 'result-label' }, line.label),
    ),
    h(
      'p',
      { class: 'result-outcome' },
      h('span', { class: 'outcome pending', 'data-outcome': true }, 'Waiting for the checker'),
    ),
    h('p', { class: 'result-summary', 'data-summary': true }),
    h(
      'details',
      { 'data-details': true },
      h('summary', { 'data-details-summary': true }, 'Criteria and citations'),
      h('div', { class: 'result-body', 'data-details-body': true }),
    ),
    h(
      'p',
      { class: 'result-links' },
      h('a', { href: `/eligibility/${line.id}/` }, 'All criteria, with citations'),
    ),
  );
}

/**
 * Fills `root` (the panel's list) with one card per criteria set from `src`, and returns the
 * function that judges the facts against every set and redraws the cards.
 */
export async function evidencePanel(
  root: HTMLElement,
  src: string,
  { evaluateAll, renderResults, findCards, showDetails, h }: PanelTools,
): Promise<(facts: PatientFacts) => void> {
  const response = await fetch(src, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const data = (await response.json()) as CheckerData;
  root.replaceChildren(...data.lines.map((line) => card(h, line)));
  const cards = findCards(root);
  for (const c of cards.values())
    c.details.addEventListener('toggle', () => c.details.open && void showDetails(c, data));
  return (facts) =>
    renderResults(cards, data, evaluateAll(data.lines, facts), () => '', evidenceOutcomeLabel);
}
