/**
 * <bvn-checker>: the eligibility checker island. It reads the server-rendered form into a draft,
 * validates each field with the fact catalogue's zod/mini schema, runs the engine (evaluateAll,
 * the same code as the CLI and the site) on the valid facts, and renders every policy line's
 * result, the member's lines first; the lines' data loads by line, for the lines shown
 * (src/lib/checker/member.ts decides which). The facts live in the address fragment and localStorage
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
import type { LineFile } from '../../lib/checker/split.ts';
import { validateDraft, type FactDraft, type FieldProblem } from '../../lib/checker/draft.ts';
import { encodeFragment, isEmptyDraft, savedCopyText } from '../../lib/checker/fragment.ts';
import { resultPlan, type ResultPlan } from '../../lib/checker/member.ts';
import { joinCheckerData, withRequired, type CheckerIndex } from '../../lib/checker/split.ts';
import { isAsked } from '../../lib/facts/catalog.ts';
import type { PatientFacts } from '../../lib/facts/schema.ts';
import { h } from './dom.ts';
import { pathOf, readDraft, showProblems, syncQuick, writeDraft } from './form-io.ts';
import {
  countSummary,
  showDetails,
  findCards,
  newCard,
  orderCards,
  renderResults,
  type Card,
} from './results-view.ts';
import { openLineStore, type LineStore } from './line-store.ts';
import { savedFacts } from './storage.ts';
import type { Section, ToolHost, UndoKind } from './checker-tools.ts';
import type * as ListActions from './list-actions.ts';

const announceDelay = 1200;
const addressDelay = 250;

class CheckerElement extends HTMLElement implements ToolHost {
  private form!: HTMLFormElement;
  private data?: CheckerData;
  private index?: CheckerIndex;
  /** Where the line files come from: the bundle of every line, or one file per line. */
  private lines?: LineStore;
  /** Line files loaded so far, by line id. */
  private files = new Map<string, LineFile>();
  /** Line files on their way, by line id. */
  private loading = new Map<string, Promise<LineFile>>();
  /** Which lines the results show, as last decided. */
  private plan?: ResultPlan;
  /** The problems last asked to be shown (drawn once their code has loaded). */
  private problemSections: readonly Section[] = [];
  draft: FactDraft = {};
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
  keepSaved = false;
  /** The text this tab last saved, to tell another tab's writes from its own. */
  private lastSaved: string | null = null;
  /** Judges the facts against the trials' and guidelines' criteria, once that panel has loaded. */
  private evidence?: (facts: PatientFacts) => void;
  /**
   * The list code, loaded on the first list edit. Every list edit awaits this one promise, so
   * edits made while it loads are applied in the order they were made: separate `import()`
   * calls for a module still loading may settle in any order, and two quick-entry choices then
   * wrote their rows in the wrong order (seen in CI on a loaded machine).
   */
  private listActions?: Promise<typeof ListActions>;
  /** Whether the list code is still on its way: Clear then waits in line behind the edits. */
  private listsLoading = false;
  /**
   * How many times the whole form was replaced (`apply`: an import, Undo, the other tab's facts).
   * A list edit still waiting for its code when that happens is dropped, as the replacement
   * would have overwritten it had the code been there.
   */
  private replacements = 0;

  connectedCallback(): void {
    this.form = this.querySelector<HTMLFormElement>('#checker-form')!;
    // The plan names to suggest are drawn when the health plan field is first used.
    this.querySelector('#f-healthPlan')?.addEventListener(
      'focus',
      () =>
        void (
          this.index &&
          import('./checker-tools.ts').then((tools) => tools.suggestPlans(this, this.index!))
        ),
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
    window.addEventListener('hashchange', () => void this.restore('navigation'));
    window.addEventListener('popstate', () => void this.restore('navigation'));
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
    void this.load(this.restore('load'));
  }

  /**
   * Loads the index (with every line, from the bundle, while the catalogue is small) and the
   * lines that apply, once the facts are `restored`, then the trials' panel.
   */
  private async load(restored: Promise<void>): Promise<void> {
    try {
      this.lines = await openLineStore(this.dataset.src!, this.dataset.bundle);
      this.index = this.lines.index;
      await restored;
      await this.loadLines();
      // The first results are the baseline: only later changes are announced.
      for (const e of this.evaluations) this.announced.set(e.policy, e.outcome);
    } catch (error) {
      return this.loadFailed(error);
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
   * Shows a link's facts, else the saved copy (restore.ts, loaded only when there is a link or a
   * saved copy: a first visit has nothing to restore).
   */
  private async restore(reason: 'load' | 'navigation'): Promise<void> {
    if (reason === 'load' && !location.hash && savedFacts.read() === null) return;
    const { restore } = await import('./restore.ts');
    restore(this, reason);
  }

  /** Writes a draft into the form and re-evaluates; `showAll` shows every field's problem at once. */
  apply(draft: FactDraft, showAll: boolean): void {
    this.replacements++;
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
    const index = this.index;
    if (!index) return;
    const plan = resultPlan(index.lines, facts);
    const rendered = [...plan.main, ...plan.other];
    const needed = withRequired(index, rendered);
    if (needed.some((id) => !this.files.has(id))) {
      this.summary('Loading the policies that apply…');
      return void this.loadLines().catch((error) => this.loadFailed(error));
    }
    const files = needed.map((id) => this.files.get(id)!);
    this.data = joinCheckerData(index, files);
    const lines = rendered.map((id) => this.files.get(id)!.line);
    this.evaluations = evaluateAll(lines, facts, new Map(files.map((f) => [f.line.id, f.line])));
    this.evidence?.(facts);
    const template = this.querySelector<HTMLTemplateElement>('[data-card-template]')!;
    for (const line of lines)
      if (!this.cards.has(line.id)) {
        const card = newCard(template, line);
        card.details.addEventListener(
          'toggle',
          () => this.data && card.details.open && void showDetails(card, this.data),
        );
        this.cards.set(line.id, card);
      }
    const fragment = encodeFragment(this.draft);
    renderResults(
      this.cards,
      this.data,
      this.evaluations,
      (line) => `/check/packet/#line=${encodeURIComponent(line)}${fragment ? `&${fragment}` : ''}`,
    );
    orderCards(this, this.cards, plan);
    const member = plan.member;
    const main = this.evaluations.slice(0, plan.main.length);
    const invalid =
      problems.length > 0
        ? ` ${problems.length} field${problems.length === 1 ? ' has an invalid value and is' : 's have invalid values and are'} treated as not documented.`
        : '';
    const counts = `${member ? 'For this member: ' : ''}${countSummary(main)}.`;
    const short = `${member ? 'This member: ' : ''}${countSummary(main)}.`;
    this.plan = plan;
    if (!plan.notShown)
      return this.summary(
        `${counts}${member ? ` ${plan.other.length} other plans folded below.` : ''}${invalid}`,
        short,
      );
    // A catalogue too large to show whole: the words on what is not shown load when first needed.
    const shown = plan.main.length > 0;
    this.summary(shown ? counts : 'Counting the policy lines…', short);
    void import('../../lib/checker/plan-summary.ts').then(
      ({ planSummary }) =>
        this.plan === plan &&
        this.summary(
          `${shown ? `${counts} ` : ''}${planSummary(plan, index.lines.length)}${invalid}`,
          shown ? short : 'No policy shown yet: enter the plan facts.',
        ),
    );
  }

  /**
   * Loads the files of the lines the plan facts call for (and the LCDs they defer to), then shows
   * them. A file already on its way is awaited, not fetched again (a link's facts are restored
   * while the first lines load).
   */
  private async loadLines(): Promise<void> {
    const index = this.index!;
    const plan = resultPlan(index.lines, this.facts);
    const ids = withRequired(index, [...plan.main, ...plan.other]).filter(
      (id) => !this.files.has(id),
    );
    const missing = ids.filter((id) => !this.loading.has(id));
    const batch = this.lines!.files(missing);
    missing.forEach((id, i) =>
      this.loading.set(
        id,
        batch.then((files) => files[i]!),
      ),
    );
    try {
      for (const file of await Promise.all(ids.map((id) => this.loading.get(id)!)))
        this.files.set(file.line.id, file);
    } finally {
      // Loaded, or failed and free to be asked for again.
      for (const id of ids) this.loading.delete(id);
    }
    this.refresh();
  }

  private loadFailed(error: unknown): void {
    this.summary(
      `The policy data could not be loaded (${(error as Error).message}); reload the page to try again. Your facts are kept.`,
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
      const lists = await this.listsInTurn();
      if (!lists) return;
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
      return void this.listsInTurn().then((lists) => {
        if (!lists) return;
        const said = lists.listButton(this.form, button);
        if (said !== undefined) this.status(said);
        this.afterAction();
      });
    if (action === 'export' || action === 'copy-link' || action === 'load-other-tab')
      return void import('./checker-tools.ts').then(
        (tools) => tools.toolAction(this, action) && this.afterAction(),
      );
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

  /**
   * The list code (loaded on first use), once every list edit asked before has had it; undefined
   * when the whole form was replaced meanwhile, which drops the edit. Every caller waits the same
   * way on the same promise, so their turns keep the order they were asked in.
   */
  private listsInTurn(): Promise<typeof ListActions | undefined> {
    if (!this.listActions) {
      this.listsLoading = true;
      this.listActions = import('./list-actions.ts').finally(() => (this.listsLoading = false));
    }
    const replacements = this.replacements;
    return this.listActions.then((lists) =>
      this.replacements === replacements ? lists : undefined,
    );
  }

  /** Clears the form, the address and the saved copy; the cleared facts stay in memory for Undo. */
  private clear(): void {
    // List edits made before Clear and still waiting for their code go first (so Undo brings them
    // back), and edits made after it, which wait too, come after: nothing cleared reappears.
    if (this.listsLoading) return void this.listsInTurn().then((lists) => lists && this.clear());
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
    this.offerUndo(before, 'cleared');
  }

  /** Says what happened with a button that brings `draft` back (kept in memory only; its words load with the tools). */
  offerUndo(draft: FactDraft, kind: UndoKind): void {
    this.undo = draft;
    void import('./checker-tools.ts').then(
      (tools) => this.undo === draft && tools.offerUndo(this, kind),
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

  /**
   * Says what could not be read, in sections (the link, the saved copy, a file); empty sections
   * are left out. The code that draws them loads only when there is something to say.
   */
  showLoadProblems(sections: readonly Section[]): void {
    const box = this.querySelector<HTMLElement>('[data-problems]')!;
    const shown = sections.filter((s) => s.messages.length > 0);
    box.hidden = shown.length === 0;
    this.problemSections = shown;
    if (box.hidden) box.replaceChildren();
    else
      void import('./checker-tools.ts').then(
        (tools) => this.problemSections === shown && tools.drawLoadProblems(box, shown),
      );
  }

  /**
   * Saves the draft to localStorage now, with the address the page has now; the address itself
   * follows at once for a committed change, or when typing pauses (history.replaceState is rate
   * limited by browsers). An emptied form removes the saved copy and the fragment at once.
   */
  save(committed: boolean): void {
    this.keepSaved = false;
    if (isEmptyDraft(this.draft)) {
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
    if (store && !isEmptyDraft(this.draft)) this.store();
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
