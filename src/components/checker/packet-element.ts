/**
 * <bvn-packet>: renders the appeal packet for the line and facts in the address fragment
 * (`#line=<id>&facts=…`, written by the checker). The packet model comes from
 * src/lib/checker/packet.ts, which evaluates with the engine; this file only draws it, copies it
 * and prints it. Facts never leave the browser.
 */
import {
  buildPacket,
  verdictLabel,
  verdictTone,
  type Packet,
  type PacketCitation,
} from '../../lib/checker/packet.ts';
import type { CheckerData } from '../../lib/checker/data.ts';
import { validateDraft, type FactDraft } from '../../lib/checker/draft.ts';
import { decodeFragment, encodeFragment, readSavedCopy } from '../../lib/checker/fragment.ts';
import { bibliographyHref } from '../../lib/citations/locator.ts';
import { oneLine } from '../../lib/facts/one-line.ts';
import { h, type Child } from './dom.ts';
import { savedFacts } from './storage.ts';
import { getJson, openLineStore, type LineStore } from './line-store.ts';
import { chosenLine, fillLineSelect, lineData } from './line-choice.ts';
import type { EvidenceFile } from '../../lib/checker/split.ts';

/** Text as a CSS string, for the printed page header (set as a custom property, never as markup). */
const cssString = (text: string) => `"${oneLine(text).replace(/[\\"]/g, '\\$&')}"`;

class PacketElement extends HTMLElement {
  private data?: CheckerData;
  private store?: LineStore;
  private evidence?: EvidenceFile;
  private draft: FactDraft = {};
  /** What could not be read from the link or the saved copy; printed with the packet. */
  private notes: string[] = [];
  private line = '';
  private packet?: Packet;

  connectedCallback(): void {
    this.addEventListener('click', (e) => void this.onClick(e));
    this.select.addEventListener('change', () => {
      this.line = this.select.value;
      this.writeFragment();
      void this.load();
    });
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

  private read(): void {
    const result = decodeFragment(location.hash);
    const messages: string[] = [];
    const notes: string[] = [];
    this.line = result.params.get('line') ?? this.line;
    if (result.status === 'read') {
      this.draft = result.draft;
      notes.push(...result.messages);
    } else {
      if (result.status === 'rejected') notes.push(result.message);
      const saved = savedFacts.read();
      const fromSaved = saved ? readSavedCopy(saved) : undefined;
      this.draft = fromSaved?.status === 'read' ? fromSaved.draft : {};
      if (fromSaved?.status === 'read') {
        messages.push(
          'The address held no facts, so the facts saved by the checker in this browser are used.',
        );
        notes.push(...fromSaved.messages);
      }
    }
    const problems = validateDraft(this.draft).problems;
    notes.push(...problems.map((p) => `${p.message} It is treated as not documented.`));
    // What could not be read is said in the packet itself (printed and copied), not only here.
    this.notes = notes;
    const box = this.querySelector<HTMLElement>('[data-problems]')!;
    box.hidden = messages.length === 0;
    box.replaceChildren(
      ...(messages.length ? [h('ul', {}, ...messages.map((m) => h('li', {}, m)))] : []),
    );
    this.querySelector<HTMLAnchorElement>('[data-back]')!.href =
      `/check/#${encodeFragment(this.draft)}`;
  }

  /** Loads the index (or the bundle) and the evidence once, and the line shown (with its LCDs). */
  private async load(): Promise<void> {
    try {
      [this.store, this.evidence] = await Promise.all([
        this.store ?? openLineStore(this.dataset.src!, this.dataset.bundle),
        this.evidence ?? getJson<EvidenceFile>(`${this.dataset.src!}evidence.json`),
      ]);
      this.line = chosenLine(this.store.index, this.line);
      this.data = await lineData(this.store, this.evidence, this.line);
      this.render();
    } catch (error) {
      this.status(
        `The policy data could not be loaded (${(error as Error).message}); reload the page to try again.`,
      );
    }
  }

  private writeFragment(): void {
    history.replaceState(
      history.state,
      '',
      `${location.pathname}#${encodeFragment(this.draft, { line: this.line })}`,
    );
  }

  private render(): void {
    // Until the line chosen has loaded, the packet shown stays as it is.
    if (!this.data?.lines.some((l) => l.id === this.line) || !this.store) return;
    const facts = validateDraft(this.draft).facts;
    fillLineSelect(this.select, this.store.index, this.line);
    this.packet = buildPacket(this.data, this.line, facts, this.notes);
    const p = this.packet;
    document.title = `${p.title} · BVN Atlas`;
    // Printed at the top of every page (the @page rule reads it); a custom property, not markup.
    document.documentElement.style.setProperty('--packet-head', cssString(p.policyVersion));
    this.querySelector('[data-packet]')!.replaceChildren(...packetNodes(p, this.data));
  }

  private async onClick(event: Event): Promise<void> {
    const button = (event.target as Element).closest('button');
    if (!button || !this.packet) return;
    const action = button.dataset.action;
    if (action === 'print') return window.print();
    if (!action) return;
    // Copying and the reference files load when first asked for.
    const { packetAction } = await import('./packet-actions.ts');
    const said = await packetAction(this, this.packet, this.data!, action);
    if (said) this.status(said);
  }

  private status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }
}

function cite(c: PacketCitation): Child[] {
  return [
    h(
      'span',
      { class: 'cite' },
      `[${c.n}] `,
      h('a', { href: bibliographyHref(c.source) }, c.short),
      c.locator ? `, ${c.locator}` : '',
      c.inherited ? ' (the rule as a whole)' : '',
    ),
  ];
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** The packet as DOM nodes; text only, never markup from data. */
function packetNodes(p: Packet, data: CheckerData): Node[] {
  const prepared = new Date().toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const head = [
    h('h1', { id: 'packet-title' }, p.title),
    h(
      'p',
      { class: 'meta' },
      `Prepared on ${prepared} with BVN Atlas from the facts entered in its checker. Each criterion below links to its place on the policy’s page; each citation gives the source and its section.`,
    ),
    p.notes.length
      ? h(
          'div',
          { class: 'note problem' },
          h('p', {}, h('strong', {}, 'Not read from the facts given')),
          h('ul', {}, ...p.notes.map((n) => h('li', {}, n))),
        )
      : null,
    h(
      'p',
      {},
      h('strong', {}, 'Determination under the public criteria: '),
      h('span', { class: `outcome ${p.outcome}` }, p.outcomeLabel),
      ' ',
      p.summary,
    ),
    p.appliedName ? h('p', {}, `Criteria applied: ${p.appliedName}.`) : null,
    h(
      'p',
      {},
      'Policy: ',
      h('a', { href: p.policyHref }, `${p.policyName}, ${p.lineLabel}`),
      ` (${p.policyDocument}) `,
      ...cite(p.positionCitation),
    ),
    p.nonPublic
      ? h(
          'p',
          {},
          `After the public criteria, the plan applies ${p.nonPublic.name}, which is not public. `,
          ...cite(p.nonPublic.citation),
        )
      : null,
    p.branches.length
      ? h('ul', {}, ...p.branches.map((b) => h('li', {}, `If ${b.policy} applies: ${b.outcome}`)))
      : null,
    p.settle.length ? h('ul', {}, ...p.settle.map((s) => h('li', {}, `To settle it: ${s}`))) : null,
    p.advisories.length
      ? h(
          'div',
          { class: 'note', 'data-advisories': '' },
          h('p', {}, h('strong', {}, 'Billing notes and cautions (they never decide coverage)')),
          h('ul', {}, ...p.advisories.map((a) => h('li', {}, a.text, ' ', ...cite(a.citation)))),
        )
      : null,
    p.caveats.length
      ? h(
          'div',
          { class: 'note' },
          h('p', {}, h('strong', {}, 'Cautions')),
          h('ul', {}, ...p.caveats.map((c) => h('li', {}, c))),
        )
      : null,
  ];
  const facts = section(
    'packet-facts',
    'Documented facts',
    p.facts.length === 0
      ? h('p', {}, 'No facts are documented yet.')
      : h(
          'div',
          { class: 'fact-groups' },
          ...p.facts.map((g) =>
            h(
              'section',
              {},
              h('h3', {}, g.group),
              h(
                'dl',
                { class: 'facts' },
                ...g.items.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value)]),
              ),
            ),
          ),
        ),
  );
  const rows = p.rows.map((r) =>
    h(
      'tr',
      {},
      h(
        'td',
        { class: `depth-${Math.min(r.depth, 6)}` },
        h('a', { href: r.href }, r.label),
        r.rule && r.rule !== r.label
          ? h('span', { class: 'rule' }, `Rule applied: ${r.rule}`)
          : null,
        r.evidence
          ? h(
              'span',
              { class: 'rule', 'data-evidence-basis': true },
              `Evidence: ${r.evidence.text} `,
              ...r.evidence.citations.flatMap((c) => [' ', ...cite(c)]),
            )
          : null,
      ),
      h('td', { class: `verdict ${verdictTone[r.verdict]}` }, verdictLabel[r.verdict]),
      h('td', {}, ...r.facts.flatMap((f, i) => [i ? h('br') : null, f])),
      h('td', {}, ...(r.citation ? cite(r.citation) : ['—'])),
    ),
  );
  const criteria = section(
    'packet-criteria',
    'Criteria',
    p.rows.length === 0
      ? h('p', {}, 'This line has no public criteria to apply.')
      : h(
          'div',
          {
            class: 'table-scroll',
            tabindex: 0,
            role: 'region',
            'aria-labelledby': 'packet-criteria-caption',
          },
          h(
            'p',
            { class: 'scroll-hint', 'aria-hidden': 'true' },
            'Wider than the screen: scroll sideways for more →',
          ),
          h(
            'table',
            {},
            h(
              'caption',
              { id: 'packet-criteria-caption' },
              `Every criterion of ${p.appliedName ?? p.policyName}, with its status for this patient`,
            ),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Criterion'),
                h('th', { scope: 'col' }, 'Status'),
                h('th', { scope: 'col' }, 'Deciding facts'),
                h('th', { scope: 'col' }, 'Citation'),
              ),
            ),
            h('tbody', {}, ...rows),
          ),
        ),
  );
  const missing = p.missing.length
    ? section(
        'packet-missing',
        'Documentation to add',
        h('ul', {}, ...p.missing.map((m) => h('li', {}, m))),
      )
    : null;
  const evidence = section(
    'packet-evidence',
    'Evidence and guidelines',
    h(
      'p',
      { class: 'meta' },
      'Every guideline and study in BVN Atlas that addresses BVN ablation, whatever its conclusion, with its own citations.',
    ),
    h(
      'ul',
      { class: 'evidence' },
      ...p.evidence.map((e) =>
        h(
          'li',
          {},
          h('strong', {}, e.title),
          ` (${e.kind}). ${e.detail}`,
          h(
            'ul',
            {},
            ...e.statements.map((s) =>
              h('li', {}, s.text, ' ', ...s.citations.flatMap((c) => [...cite(c), ' '])),
            ),
          ),
        ),
      ),
    ),
  );
  const references = section(
    'packet-references',
    'References',
    h(
      'ol',
      { class: 'references' },
      ...p.references.map((r) =>
        h(
          'li',
          {},
          r.text,
          r.verification !== 'verified' ? ` [${data.verificationLabels[r.verification]}]` : '',
          ' ',
          h(
            'a',
            { href: bibliographyHref(r.id), class: 'no-print' },
            'Bibliography entry',
            h('span', { class: 'visually-hidden' }, ` ${r.n}`),
          ),
        ),
      ),
    ),
  );
  return [
    ...(head.filter((n) => n !== null) as Node[]),
    facts,
    criteria,
    ...(missing ? [missing] : []),
    evidence,
    references,
  ];
}

customElements.define('bvn-packet', PacketElement);
