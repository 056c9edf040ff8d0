/**
 * <bvn-checker>: the eligibility checker island. It reads the server-rendered form into a draft,
 * validates each field with the fact catalogue's zod/mini schema, runs the engine (evaluateAll,
 * the same code as the CLI and the site) on the valid facts, and renders every policy line's
 * result, the member's lines first. The facts live in the address fragment and localStorage
 * only; nothing is sent anywhere.
 *
 * Keeping what the user entered: every edit is saved to localStorage at once, with the address
 * the page had (the fragment follows when typing pauses, or when the page is hidden); a link
 * never overwrites a different saved copy until the user changes a fact; an unreadable saved
 * copy is kept and offered as a download; another tab's changes are announced, not applied
 * (checker-tools.ts, loaded only when that happens).
 */
import { evaluateAll } from '../../lib/engine/evaluate.ts';
import type { Evaluation } from '../../lib/engine/types.ts';
import { outcomeLabel } from '../../lib/engine/types.ts';
import type { CheckerData } from '../../lib/checker/data.ts';
import { validateDraft, type FactDraft, type FieldProblem } from '../../lib/checker/draft.ts';
import {
  compactDraft,
  decodeFragment,
  draftJson,
  encodeFragment,
  readSavedCopy,
  savedCopyText,
} from '../../lib/checker/fragment.ts';
import { memberLines } from '../../lib/checker/member.ts';
import { isAsked } from '../../lib/facts/catalog.ts';
import type { PatientFacts } from '../../lib/facts/schema.ts';
import { download, h } from './dom.ts';
import { pathOf, readDraft, showProblems, syncQuick, writeDraft } from './form-io.ts';
import {
  countSummary,
  showDetails,
  findCards,
  orderCards,
  renderResults,
  type Card,
} from './results-view.ts';
import { savedFacts } from './storage.ts';
import type { ToolHost } from './checker-tools.ts';

/** A titled list of problems shown above the form; `download` offers unreadable saved text as a file. */
interface Section {
  title: string;
  messages: readonly string[];
  download?: string;
}

const announceDelay = 1200;
const addressDelay = 250;
const isEmpty = (draft: FactDraft) => Object.keys(compactDraft(draft)).length === 0;

class CheckerElement extends HTMLElement implements ToolHost {
  private form!: HTMLFormElement;
  private data?: CheckerData;
  private draft: FactDraft = {};
  /** For the tools (checker-tools.ts). */
  facts: PatientFacts = {};
  /** For the tools (checker-tools.ts). */
  problems: FieldProblem[] = [];
  private evaluations: Evaluation[] = [];
  private cards = new Map<string, Card>();
  private announced = new Map<string, string>();
  private announceTimer?: ReturnType<typeof setTimeout>;
  private addressTimer?: ReturnType<typeof setTimeout>;
  private undo?: FactDraft;
  /** While a link's facts are shown over a different saved copy, storage is left alone until an edit. */
  private keepSaved = false;
  /** The text this tab last saved, to tell another tab's writes from its own. */
  private lastSaved: string | null = null;
  /** Judges the facts against the trials' and guidelines' criteria, once that panel has loaded. */
  private evidence?: (facts: PatientFacts) => void;

  connectedCallback(): void {
    this.form = this.querySelector<HTMLFormElement>('#checker-form')!;
    this.cards = findCards(this);
    for (const card of this.cards.values())
      card.details.addEventListener(
        'toggle',
        () => this.data && card.details.open && void showDetails(card, this.data),
      );
    // Listened to on the island: the plan's fields are form-associated from outside the <form>.
    this.addEventListener('input', (e) => void this.onEdit(e, false));
    this.addEventListener('change', (e) => void this.onEdit(e, true));
    this.form.addEventListener('submit', (e) => {
      // Results are live; submitting (Enter in a field, or the button) moves to them and announces now.
      e.preventDefault();
      this.refresh();
      this.announceNow();
      this.focusResults();
    });
    this.addEventListener('click', (e) => this.onClick(e));
    this.querySelector('[data-action="import"]')?.addEventListener(
      'change',
      (e) =>
        void import('./checker-tools.ts')
          .then((tools) => tools.importFacts(this, e.target as HTMLInputElement))
          .then(() => this.scheduleAnnounce()),
    );
    window.addEventListener('hashchange', () => this.restore('navigation'));
    window.addEventListener('popstate', () => this.restore('navigation'));
    // Leaving or hiding the page writes the address the facts are waiting for. The saved copy
    // keeps the address it was saved at: a reload may still come back to that one.
    window.addEventListener('pagehide', () => this.writeAddress(false));
    document.addEventListener(
      'visibilitychange',
      () => document.visibilityState === 'hidden' && this.writeAddress(false),
    );
    savedFacts.onOtherTab(
      (text) =>
        text !== this.lastSaved &&
        void import('./checker-tools.ts').then((tools) => tools.otherTabChanged(this, text)),
    );
    this.restore('load');
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const response = await fetch(this.dataset.src!, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.data = (await response.json()) as CheckerData;
      this.refresh();
      // The first results are the baseline: only later changes are announced.
      for (const e of this.evaluations) this.announced.set(e.policy, e.outcome);
    } catch (error) {
      this.summary(
        `The policy data could not be loaded (${(error as Error).message}); reload the page to try again. Your facts are kept.`,
      );
      return;
    }
    // The trials and guidelines come after the payers, and load only then.
    const panel = this.querySelector<HTMLElement>('[data-evidence-src]')!;
    const status = panel.querySelector('[data-evidence-status]')!;
    try {
      const { evidencePanel } = await import('./evidence-panel.ts');
      this.evidence = await evidencePanel(
        panel.querySelector('[data-evidence-list]')!,
        panel.dataset.evidenceSrc!,
        { evaluateAll, renderResults, findCards, showDetails, h },
      );
      status.textContent = '';
      this.evidence(this.facts);
    } catch (error) {
      status.textContent = `The trials’ and guidelines’ criteria could not be loaded (${(error as Error).message}).`;
    }
  }

  /**
   * Chooses what to show: a link's facts, else the saved copy. Nothing is written to storage
   * here; a saved copy that differs or cannot be read stays until the user changes a fact.
   */
  private restore(reason: 'load' | 'navigation'): void {
    const link = decodeFragment(location.hash);
    const linkFacts = link.status === 'read' && !isEmpty(link.draft) ? link.draft : undefined;
    const linkSection: Section = {
      title: linkFacts
        ? 'Some facts in this link were left out or changed'
        : 'Nothing was read from this link',
      messages:
        link.status === 'rejected' ? [link.message] : link.status === 'read' ? link.messages : [],
    };
    if (reason === 'navigation') {
      if (linkFacts) this.apply(linkFacts, true);
      else this.writeAddress(); // an in-page anchor (#main): the facts go back into the address
      return this.showLoadProblems([linkSection]);
    }
    const savedText = savedFacts.read();
    const saved = savedText === null ? undefined : readSavedCopy(savedText);
    const savedDraft = saved?.status === 'read' ? saved.draft : undefined;
    const savedSection: Section =
      saved?.status === 'rejected'
        ? {
            title: 'The facts saved in this browser could not be read',
            messages: [
              `${saved.message} The saved text is kept until you change a fact or clear; download it to keep it.`,
            ],
            download: savedText!,
          }
        : {
            title: 'Some facts saved in this browser were left out or changed',
            messages: saved?.status === 'read' ? saved.messages : [],
          };

    if (linkFacts && savedDraft && saved?.address === location.hash) {
      // A reload right after typing: the saved copy is this very page, a moment newer.
      this.apply(savedDraft, true);
      this.writeAddress();
      return this.showLoadProblems([savedSection]);
    }
    if (linkFacts) {
      this.apply(linkFacts, true);
      if (savedDraft && draftJson(savedDraft) !== draftJson(this.draft)) {
        this.keepSaved = true;
        this.offerUndo(
          savedDraft,
          'Opened the facts in this link. The different facts saved in this browser are kept until you change a fact here.',
          'Restore the saved facts',
        );
      } else if (saved?.status !== 'rejected')
        // Nothing different saved: the link's facts, as read, become the saved copy (an
        // unreadable row stays a row with nothing documented, never "none").
        this.save(true);
      return this.showLoadProblems([
        linkSection,
        ...(saved?.status === 'rejected' ? [savedSection] : []),
      ]);
    }
    if (savedDraft) {
      this.apply(savedDraft, true);
      this.writeAddress();
      if (linkSection.messages.length)
        linkSection.title += '; the facts saved in this browser are shown instead';
    }
    this.showLoadProblems([linkSection, savedSection]);
  }

  /** Writes a draft into the form and re-evaluates; `showAll` shows every field's problem at once. */
  apply(draft: FactDraft, showAll: boolean): void {
    writeDraft(this.form, draft);
    // A folded group opens when it holds a documented fact, so nothing restored is out of sight.
    for (const fold of this.form.querySelectorAll<HTMLDetailsElement>('details.fact-group'))
      fold.open ||= Object.keys(draft).some((k) => fold.querySelector(`[data-path="${k}"]`));
    this.refresh();
    showProblems(this.form, showAll ? this.problems : []);
  }

  /** Re-reads the form, validates it and re-evaluates every policy line (the benchmark calls this). */
  refresh(): void {
    this.draft = readDraft(this.form);
    const { facts, problems } = validateDraft(this.draft);
    this.facts = facts;
    this.problems = problems;
    syncQuick(this, this.draft);
    this.showAsked();
    if (!this.data) return;
    this.evaluations = evaluateAll(this.data.lines, facts);
    this.evidence?.(facts);
    const fragment = encodeFragment(this.draft);
    renderResults(
      this.cards,
      this.data,
      this.evaluations,
      (line) => `/check/packet/#line=${encodeURIComponent(line)}${fragment ? `&${fragment}` : ''}`,
    );
    const member = memberLines(this.data.lines, facts, this.data.policies);
    orderCards(this, this.cards, member);
    const shown = member
      ? this.evaluations.filter((e) => member.includes(e.policy))
      : this.evaluations;
    const invalid =
      problems.length > 0
        ? ` ${problems.length} field${problems.length === 1 ? ' has an invalid value and is' : 's have invalid values and are'} treated as not documented.`
        : '';
    this.summary(
      `${member ? 'For this member: ' : ''}${countSummary(shown)}.${member ? ` ${this.evaluations.length - shown.length} other plans folded below.` : ''}${invalid}`,
      `${member ? 'This member: ' : ''}${countSummary(shown)}.`,
    );
  }

  /** Fields asked only under a condition (device precautions…) are shown once it holds, or when they hold a value. */
  private showAsked(): void {
    for (const field of this.querySelectorAll<HTMLElement>('[data-ask-when]')) {
      const key = field.dataset.path!;
      field.hidden = !isAsked(key, this.facts) && this.draft[key as keyof FactDraft] === undefined;
    }
  }

  /** The results summary, and its short form in the bar that stays in view on a phone. */
  private summary(text: string, short = text): void {
    this.querySelector('[data-results-summary]')!.textContent = text;
    this.querySelector('[data-bar-summary]')!.textContent = short;
  }

  private async onEdit(event: Event, committed: boolean): Promise<void> {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.form !== this.form) return; // the import control, the packet's tools
    const quick = target.dataset.quickKey !== undefined;
    if (quick && !committed) return;
    // What was chosen is read now: the list code loads first, and the form may be redrawn meanwhile.
    const value = target.value;
    const listState =
      target.type === 'radio' &&
      target.name === target.closest<HTMLElement>('[data-list]')?.dataset.list;
    if (quick || listState) {
      const lists = await import('./list-actions.ts');
      if (quick) this.status(lists.quickChanged(this.form, target as HTMLSelectElement, value));
      else lists.listStateChanged(this.form, target.name, value);
    }
    const before = new Set(this.problems.map((p) => p.path));
    this.refresh();
    const path = pathOf(target);
    if (path) {
      const own = this.problems.find((p) => p.path === path);
      // Messages appear when a value is committed (change), and disappear as soon as it is fixed.
      // A contradiction between two fields shows on both, and clears from both once resolved.
      const paths = new Set([path]);
      for (const p of this.problems) if (own && p.message === own.message) paths.add(p.path);
      for (const p of before) if (!this.problems.some((q) => q.path === p)) paths.add(p);
      if (committed || !own) showProblems(this.form, this.problems, paths);
    }
    this.hideUndo();
    this.save(committed);
    this.scheduleAnnounce();
  }

  private onClick(event: Event): void {
    const jump = (event.target as Element).closest('.skip-to-results');
    if (jump) {
      // Move focus without replacing the fragment that holds the facts.
      event.preventDefault();
      this.focusResults();
      return;
    }
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const action = button.dataset.action;
    if (button.matches('[data-add-row], [data-remove-row], [data-none-present]'))
      return void import('./list-actions.ts').then((lists) => {
        if (button.hasAttribute('data-add-row'))
          lists.addRow(this.form, button.closest<HTMLElement>('[data-list]')!.dataset.list!, true);
        else if (button.hasAttribute('data-remove-row'))
          this.status(lists.removeRow(this.form, button));
        else
          button.parentElement!.querySelector('[data-none-status]')!.textContent =
            lists.nonePresent(this.form, button);
        this.afterAction();
      });
    if (action === 'export' || action === 'copy-link' || action === 'load-other-tab')
      return void import('./checker-tools.ts').then((tools) => {
        if (action === 'export') tools.exportFacts(this);
        else if (action === 'copy-link') void tools.copyLink(this);
        else if (tools.loadOtherTab(this)) this.afterAction();
      });
    else if (action === 'clear') return this.clear();
    else if (action === 'undo') this.undoClear();
    else return;
    this.afterAction();
  }

  /** After an action on the form: re-evaluate, save, announce. */
  private afterAction(): void {
    this.refresh();
    this.save(true);
    this.scheduleAnnounce();
  }

  /** Clears the form, the address and the saved copy; the cleared facts stay in memory for Undo. */
  private clear(): void {
    const before = this.draft;
    writeDraft(this.form, {});
    showProblems(this.form, []);
    this.keepSaved = false;
    this.lastSaved = null;
    savedFacts.clear(true);
    clearTimeout(this.addressTimer);
    history.replaceState(history.state, '', location.pathname + location.search);
    this.showLoadProblems([]);
    this.querySelectorAll('.just-set').forEach((e) => e.classList.remove('just-set'));
    this.querySelectorAll('[data-none-status]').forEach((e) => (e.textContent = ''));
    this.refresh();
    this.scheduleAnnounce();
    this.offerUndo(
      before,
      'All facts cleared from the form, the address and this browser’s storage.',
      'Undo clear',
    );
  }

  /** A status line with a button that brings `draft` back (kept in memory only). */
  private offerUndo(draft: FactDraft, text: string, label: string): void {
    this.undo = draft;
    this.status(text);
    this.querySelector('[data-tool-status]')!.append(
      ' ',
      h('button', { type: 'button', class: 'secondary', 'data-action': 'undo' }, label),
    );
  }

  private undoClear(): void {
    if (!this.undo) return;
    this.apply(this.undo, true);
    this.undo = undefined;
    this.status('Facts restored.');
  }

  private hideUndo(): void {
    this.undo = undefined;
    this.querySelector('[data-action="undo"]')?.remove();
  }

  status(text: string): void {
    this.statusLine().textContent = text;
  }

  /** The line under the tools where actions say what they did. */
  statusLine(): Element {
    return this.querySelector('[data-tool-status]')!;
  }

  /** Says what could not be read, in sections (the link, the saved copy, a file); empty sections are left out. */
  showLoadProblems(sections: readonly Section[]): void {
    const box = this.querySelector<HTMLElement>('[data-problems]')!;
    const shown = sections.filter((s) => s.messages.length > 0);
    box.hidden = shown.length === 0;
    box.replaceChildren(
      ...shown.flatMap((s) => {
        const nodes: Node[] = [
          h('p', {}, h('strong', {}, `${s.title}:`)),
          h('ul', {}, ...s.messages.map((m) => h('li', {}, m))),
        ];
        if (s.download !== undefined) {
          const text = s.download;
          const button = h(
            'button',
            { type: 'button', class: 'secondary' },
            'Download the saved text',
          );
          button.addEventListener('click', () =>
            download('bvn-atlas-saved-facts.txt', text, 'text/plain'),
          );
          nodes.push(h('p', {}, button));
        }
        return nodes;
      }),
    );
  }

  /**
   * Saves the draft to localStorage now, with the address the page has now; the address itself
   * follows at once for a committed change, or when typing pauses (history.replaceState is rate
   * limited by browsers). An emptied form removes the saved copy and the fragment at once.
   */
  save(committed: boolean): void {
    this.keepSaved = false;
    if (isEmpty(this.draft)) {
      this.lastSaved = null;
      savedFacts.clear(false);
      return this.writeAddress();
    }
    this.store();
    clearTimeout(this.addressTimer);
    if (committed) this.writeAddress();
    else this.addressTimer = setTimeout(() => this.writeAddress(), addressDelay);
  }

  private store(): void {
    if (this.keepSaved) return;
    this.lastSaved = savedCopyText(this.draft, location.hash);
    savedFacts.write(this.lastSaved);
  }

  /** Writes the draft to the fragment (replacing, not adding, a history entry), then, unless `store` is false, the saved copy with it. */
  writeAddress(store = true): void {
    clearTimeout(this.addressTimer);
    const fragment = encodeFragment(this.draft);
    const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`)
      history.replaceState(history.state, '', url);
    if (store && !isEmpty(this.draft)) this.store();
  }

  private focusResults(): void {
    const heading = this.querySelector<HTMLElement>('#results-heading')!;
    heading.focus();
    heading.scrollIntoView();
  }

  /** Announces what changed, once typing pauses: a summary, not every keystroke. */
  private scheduleAnnounce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announceNow(false), announceDelay);
  }

  /** Says what changed since the last announcement; `always` repeats the summary when nothing did. */
  private announceNow(always = true): void {
    clearTimeout(this.announceTimer);
    if (!this.data) return;
    const changed = this.evaluations.filter((e) => this.announced.get(e.policy) !== e.outcome);
    if (changed.length === 0 && !always) return;
    const names = new Map(this.data.lines.map((l) => [l.id, `${l.policyName} (${l.label})`]));
    const detail =
      changed.length > 0 && changed.length <= 3 && this.announced.size > 0
        ? changed.map((e) => `${names.get(e.policy)}: ${outcomeLabel[e.outcome]}`).join('; ')
        : countSummary(this.evaluations);
    for (const e of this.evaluations) this.announced.set(e.policy, e.outcome);
    this.querySelector('[data-announce]')!.textContent = `Results updated. ${detail}.`;
  }
}

customElements.define('bvn-checker', CheckerElement);
