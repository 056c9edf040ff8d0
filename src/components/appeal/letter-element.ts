/**
 * <bvn-letter>: the appeal letter for the line and facts in the address fragment (as the packet
 * reads them), with the case identifiers the user types. The letter model comes from
 * src/lib/appeal/letter.ts; this file only draws, copies and prints it. Identifiers are saved in
 * this browser beside the checker's facts and cleared with them; nothing is sent anywhere.
 */
import {
  buildLetter,
  citationWords,
  isMedicareAdvantage,
  cleanDetails,
  headingLines,
  letterMarkdown,
  letterText,
  noCriteria,
  type Letter,
  type LetterDetails,
  type LetterStatement,
} from '../../lib/appeal/letter.ts';
import type { AppealData } from '../../lib/appeal/guide.ts';
import type { CheckerData } from '../../lib/checker/data.ts';
import { validateDraft, type FactDraft } from '../../lib/checker/draft.ts';
import { decodeFragment, encodeFragment, readSavedCopy } from '../../lib/checker/fragment.ts';
import { h, type Child } from '../checker/dom.ts';
import { letterDetailsKey, savedFacts } from '../checker/storage.ts';
import { getJson, openLineStore, type LineStore } from '../checker/line-store.ts';
import { chosenLine, fillLineSelect, lineData } from '../checker/line-choice.ts';
import type { EvidenceFile } from '../../lib/checker/split.ts';

const savedDetails = {
  read(): LetterDetails {
    try {
      return cleanDetails(JSON.parse(localStorage.getItem(letterDetailsKey) ?? '{}'));
    } catch {
      return {};
    }
  },
  write(details: LetterDetails): void {
    try {
      if (Object.keys(details).length === 0) localStorage.removeItem(letterDetailsKey);
      else localStorage.setItem(letterDetailsKey, JSON.stringify(details));
    } catch {
      /* storage blocked: the form still holds the identifiers for this visit */
    }
  },
};

class LetterElement extends HTMLElement {
  private data?: CheckerData;
  private store?: LineStore;
  private evidence?: EvidenceFile;
  private appeal?: AppealData;
  private draft: FactDraft = {};
  private line = '';
  private letter?: Letter;

  connectedCallback(): void {
    this.addEventListener('click', (e) => void this.onClick(e));
    this.select.addEventListener('change', () => {
      this.line = this.select.value;
      history.replaceState(
        history.state,
        '',
        `${location.pathname}#${encodeFragment(this.draft, { line: this.line })}`,
      );
      void this.load();
    });
    const details = savedDetails.read();
    for (const input of this.detailInputs) {
      input.value = details[input.name as keyof LetterDetails] ?? '';
      input.addEventListener('input', () => {
        savedDetails.write(this.details());
        this.render();
      });
    }
    this.querySelector<HTMLInputElement>('[data-print-notes]')!.addEventListener('change', (e) =>
      this.classList.toggle('print-notes', (e.target as HTMLInputElement).checked),
    );
    window.addEventListener('hashchange', () => {
      this.read();
      void this.load();
    });
    this.read();
    void this.load();
  }

  private get select(): HTMLSelectElement {
    return this.querySelector('[data-line-select]')!;
  }

  private get detailInputs(): (HTMLInputElement | HTMLTextAreaElement)[] {
    return [...this.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-detail]')];
  }

  private details(): LetterDetails {
    return cleanDetails(Object.fromEntries(this.detailInputs.map((i) => [i.name, i.value])));
  }

  private read(): void {
    const result = decodeFragment(location.hash);
    const messages: string[] = [];
    // The checker's result cards link with ?line= (a plain link, no script); the fragment wins.
    this.line =
      result.params.get('line') ?? new URLSearchParams(location.search).get('line') ?? this.line;
    if (result.status === 'read') {
      this.draft = result.draft;
      messages.push(...result.messages);
    } else {
      if (result.status === 'rejected') messages.push(result.message);
      const saved = savedFacts.read();
      const fromSaved = saved ? readSavedCopy(saved) : undefined;
      this.draft = fromSaved?.status === 'read' ? fromSaved.draft : {};
      if (fromSaved?.status === 'read')
        messages.push(
          'The facts are those the checker saved in this browser.',
          ...fromSaved.messages,
        );
      else if (fromSaved?.status === 'rejected') messages.push(fromSaved.message);
    }
    const problems = validateDraft(this.draft).problems;
    messages.push(...problems.map((p) => `${p.message} It is treated as not documented.`));
    const box = this.querySelector<HTMLElement>('[data-problems]')!;
    box.hidden = messages.length === 0;
    box.replaceChildren(
      ...(messages.length ? [h('ul', {}, ...messages.map((m) => h('li', {}, m)))] : []),
    );
    const fragment = encodeFragment(this.draft);
    this.querySelector<HTMLAnchorElement>('[data-back]')!.href = `/check/#${fragment}`;
  }

  /**
   * Loads the index (or the bundle), the evidence and the guide once, and the line shown: only
   * that line, the LCDs it may defer to and, for a Medicare Advantage line, every LCD its
   * argument weighs.
   */
  private async load(): Promise<void> {
    try {
      [this.store, this.evidence, this.appeal] = await Promise.all([
        this.store ?? openLineStore(this.dataset.src!, this.dataset.bundle),
        this.evidence ?? getJson<EvidenceFile>(`${this.dataset.src!}evidence.json`),
        this.appeal ?? getJson<AppealData>(this.dataset.appeal!),
      ]);
      const { index } = this.store;
      this.line = chosenLine(index, this.line);
      const entry = index.lines.find((l) => l.id === this.line)!;
      const lcds = isMedicareAdvantage(entry) ? index.lcdCandidates.map((c) => c.id) : [];
      this.data = await lineData(this.store, this.evidence, this.line, lcds);
      this.render();
    } catch (error) {
      this.status(
        `The policy data could not be loaded (${(error as Error).message}); reload the page to try again.`,
      );
    }
  }

  private render(): void {
    // Until the line chosen has loaded, the letter shown stays as it is.
    if (!this.data?.lines.some((l) => l.id === this.line) || !this.appeal || !this.store) return;
    fillLineSelect(this.select, this.store.index, this.line);
    const preparedOn = new Date().toLocaleDateString('en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    this.letter = buildLetter(
      this.data,
      this.appeal.sources,
      this.line,
      validateDraft(this.draft).facts,
      this.details(),
      preparedOn,
    );
    document.title = `Appeal letter: ${this.letter.planName} · BVN Atlas`;
    this.querySelector('[data-letter]')!.replaceChildren(...letterNodes(this.letter));
    this.querySelector('[data-notes]')!.replaceChildren(...noteNodes(this.letter));
  }

  private async onClick(event: Event): Promise<void> {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'clear-details') {
      for (const input of this.detailInputs) input.value = '';
      savedDetails.write({});
      this.render();
      return this.status('The identifiers were cleared from the form and this browser.');
    }
    if (!this.letter) return;
    if (action === 'print') return window.print();
    if (action !== 'copy-text' && action !== 'copy-markdown') return;
    const text = action === 'copy-text' ? letterText(this.letter) : letterMarkdown(this.letter);
    const kind = action === 'copy-text' ? 'plain text' : 'Markdown';
    const { copyOrShow } = await import('../checker/copy-fallback.ts');
    this.status(await copyOrShow(this, text, kind, 'letter'));
  }

  private status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }
}

const cites = (s: LetterStatement): Child =>
  h('span', { class: 'cite' }, s.citations.map(citationWords).join('; '));

/** The letter as DOM nodes; text only, never markup from data. */
function letterNodes(l: Letter): Node[] {
  return [
    h('p', { class: 'letter-date' }, l.preparedOn),
    h(
      'p',
      {},
      `To: ${l.details.recipient ?? '____________ (the plan’s appeals address, from the denial notice)'}`,
    ),
    h('p', { class: 'letter-subject' }, h('strong', {}, `Re: ${l.subject}`)),
    h(
      'dl',
      { class: 'letter-ids' },
      ...headingLines(l).flatMap((line) => [h('dt', {}, line.label), h('dd', {}, line.value)]),
    ),
    h('p', {}, 'Dear reviewer,'),
    ...l.request.map((p) => h('p', {}, p)),
    h('h2', {}, 'Governing criteria'),
    ...l.authority.map((s) => h('p', {}, `${s.text} `, cites(s))),
    ...(l.medicareRule.length
      ? [
          h('h2', {}, 'Medicare rules that bind this plan'),
          h(
            'ul',
            { 'data-medicare-rule': '' },
            ...l.medicareRule.map((s) =>
              h(
                'li',
                {},
                `${s.text} `,
                cites(s),
                s.verification && s.verification !== 'verified'
                  ? ` [${s.verification === 'secondary' ? 'read in a secondary source' : s.verification}]`
                  : '',
              ),
            ),
          ),
        ]
      : []),
    h('h2', {}, 'Criterion by criterion'),
    l.points.length === 0
      ? h('p', {}, noCriteria)
      : h(
          'ol',
          { class: 'letter-points' },
          ...l.points.map((p) =>
            h(
              'li',
              { class: `point ${p.tone}`, 'data-node': p.nodeId },
              h('strong', {}, p.label),
              ': ',
              h('span', { class: 'status' }, `${p.status}.`),
              p.facts.length
                ? h('span', { class: 'fact' }, ` Documented: ${p.facts.join('; ')}.`)
                : null,
              p.citation ? h('span', { class: 'cite' }, ` ${citationWords(p.citation)}`) : null,
              ...p.evidence.map((s) =>
                h('span', { class: 'point-evidence' }, `Evidence: ${s.text} `, cites(s)),
              ),
            ),
          ),
        ),
    ...(l.evidence.length
      ? [
          h('h2', {}, 'Evidence'),
          h('ul', {}, ...l.evidence.map((s) => h('li', {}, `${s.text} `, cites(s)))),
        ]
      : []),
    h('p', { class: 'letter-closing' }, l.closing),
    h('p', {}, 'Sincerely,'),
    h('p', { class: 'signature-line', 'aria-hidden': 'true' }, ' '),
    h('p', {}, l.details.signer ?? '____________ (name, credentials, NPI, practice, telephone)'),
    h('h2', {}, 'References'),
    h(
      'ol',
      { class: 'letter-references' },
      ...l.references.map((r) =>
        h(
          'li',
          {},
          r.text,
          r.verification !== 'verified'
            ? ` [${r.verification === 'secondary' ? 'read in a secondary source' : r.verification}]`
            : '',
        ),
      ),
    ),
  ];
}

/** The filing notes: for the person filing, not for the reviewer. */
function noteNodes(l: Letter): Node[] {
  const cite = (c: { short: string; locator: string }) =>
    ` (${c.short}${c.locator ? `, ${c.locator}` : ''})`;
  return [
    h('h2', { id: 'notes-title' }, 'Filing notes (not part of the letter)'),
    h('h3', {}, 'What external reviewers have weighed'),
    h(
      'p',
      { class: 'meta' },
      'From the New York external-appeal decisions BVN Atlas holds, all of which upheld the denial; read in a third-party mirror.',
    ),
    h(
      'ul',
      { 'data-reviewers': '' },
      ...l.notes.reviewers.map((r) =>
        h(
          'li',
          {},
          h('strong', {}, `${r.payer}${r.own ? ' (this payer)' : ''}: `),
          r.text,
          ` What to do: ${r.answer}`,
          cite(r.citation),
        ),
      ),
    ),
    h('h3', {}, 'Documentation to add'),
    l.notes.checklist.length
      ? h('ul', { 'data-checklist': '' }, ...l.notes.checklist.map((m) => h('li', {}, m)))
      : h('p', {}, 'Nothing the public criteria ask for is missing from the facts entered.'),
    h('h3', {}, 'Appeal levels and usual deadlines'),
    h(
      'p',
      { class: 'meta' },
      'Deadlines usually run from the date on the denial notice, which must state them; the notice wins where it differs. Items marked unverified were not confirmed in the regulation’s text by our research.',
    ),
    ...(l.notes.routes.length
      ? l.notes.routes.flatMap((r) => [
          h('h4', {}, r.title),
          h(
            'ol',
            { 'data-route': r.title },
            ...r.levels.map((level) =>
              h(
                'li',
                {},
                h('strong', {}, `${level.name}: `),
                level.text,
                cite(level.citation),
                level.verification === 'verified'
                  ? ''
                  : ` [${level.verification === 'secondary' ? 'read in a secondary source' : 'unverified'}]`,
              ),
            ),
          ),
        ])
      : [
          h(
            'p',
            {},
            'BVN Atlas has no appeal route for this product line; follow the denial notice.',
          ),
        ]),
  ];
}

customElements.define('bvn-letter', LetterElement);
