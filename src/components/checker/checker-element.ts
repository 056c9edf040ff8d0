/**
 * <bvn-checker>: the eligibility checker island. It reads the server-rendered form into a draft,
 * validates each field with the fact catalogue's zod/mini schema, runs the engine (evaluateAll,
 * the same code as the CLI and the site) on the valid facts, and renders every policy line's
 * result. The facts live in the address fragment and localStorage only; nothing is sent anywhere.
 */
import { evaluateAll } from '../../lib/engine/evaluate.ts';
import type { Evaluation } from '../../lib/engine/types.ts';
import { outcomeLabel } from '../../lib/engine/types.ts';
import type { CheckerData } from '../../lib/checker/data.ts';
import {
  draftFromFacts,
  validateDraft,
  type FactDraft,
  type FieldProblem,
} from '../../lib/checker/draft.ts';
import {
  decodeFragment,
  draftJson,
  encodeFragment,
  readDraftJson,
} from '../../lib/checker/fragment.ts';
import { exportFactsFile, parseFactsFile } from '../../lib/checker/import-file.ts';
import type { PatientFacts } from '../../lib/facts/schema.ts';
import { copyText, download, h } from './dom.ts';
import {
  listParts,
  pathOf,
  readDraft,
  showProblems,
  syncList,
  writeDraft,
  writeRows,
} from './form-io.ts';
import { countSummary, drawDetails, findCards, renderResults, type Card } from './results-view.ts';
import { savedFacts } from './storage.ts';

const announceDelay = 1200;
const persistDelay = 250;

class CheckerElement extends HTMLElement {
  private form!: HTMLFormElement;
  private data?: CheckerData;
  private draft: FactDraft = {};
  private facts: PatientFacts = {};
  private problems: FieldProblem[] = [];
  private evaluations: Evaluation[] = [];
  private cards = new Map<string, Card>();
  private announced = new Map<string, string>();
  private announceTimer?: ReturnType<typeof setTimeout>;
  private persistTimer?: ReturnType<typeof setTimeout>;
  private undo?: FactDraft;
  /** Judges the facts against the trials' and guidelines' criteria, once that panel has loaded. */
  private evidence?: (facts: PatientFacts) => void;

  connectedCallback(): void {
    this.form = this.querySelector('form')!;
    this.cards = findCards(this);
    for (const card of this.cards.values())
      card.details.addEventListener(
        'toggle',
        () => this.data && card.details.open && drawDetails(card, this.data),
      );
    this.form.addEventListener('input', (e) => this.onEdit(e, false));
    this.form.addEventListener('change', (e) => this.onEdit(e, true));
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
      (e) => void this.importFile(e.target as HTMLInputElement),
    );
    window.addEventListener('hashchange', () => this.restore('navigation'));
    window.addEventListener('popstate', () => this.restore('navigation'));
    // Leaving or hiding the page saves what was typed in the last moments.
    window.addEventListener('pagehide', () => this.persistNow());
    document.addEventListener(
      'visibilitychange',
      () => document.visibilityState === 'hidden' && this.persistNow(),
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
        { evaluateAll, renderResults, findCards, drawDetails, h },
      );
      status.textContent = '';
      this.evidence(this.facts);
    } catch (error) {
      status.textContent = `The trials’ and guidelines’ criteria could not be loaded (${(error as Error).message}).`;
    }
  }

  /** Reads the state from the fragment (a shared link wins) or else from this browser's saved copy. */
  private restore(reason: 'load' | 'navigation'): void {
    const fromLink = decodeFragment(location.hash);
    const saved = reason === 'load' ? savedFacts.read() : null;
    const fromSaved = saved ? readDraftJson(saved) : undefined;
    if (fromLink.status === 'read') {
      this.apply(fromLink.draft, true);
      if (fromLink.messages.length > 0)
        this.showLoadProblems('Some facts in this link were left out', fromLink.messages);
      else this.showLoadProblems('', []);
      if (fromSaved?.status === 'read' && draftJson(fromSaved.draft) !== draftJson(this.draft)) {
        this.offerUndo(
          fromSaved.draft,
          'Opened the facts in this link. They replace the facts that were saved in this browser.',
          'Restore the saved facts',
        );
      }
    } else {
      if (fromLink.status === 'rejected')
        this.showLoadProblems('This link was not read', [fromLink.message]);
      // No facts in the address (or unreadable ones): the saved copy, if any, on load; on an
      // in-page anchor (#main), nothing changes and the facts go back into the address.
      if (fromSaved?.status === 'read') this.apply(fromSaved.draft, true);
    }
    this.persistNow();
  }

  /** Writes a draft into the form and re-evaluates; `showAll` shows every field's problem at once. */
  private apply(draft: FactDraft, showAll: boolean): void {
    writeDraft(this.form, draft);
    // A folded group opens when it holds a documented fact, so nothing restored is out of sight.
    for (const fold of this.form.querySelectorAll('details'))
      fold.open ||= Object.keys(draft).some((k) => fold.querySelector(`[data-path="${k}"]`));
    this.refresh();
    if (showAll) showProblems(this.form, this.problems);
    else showProblems(this.form, []);
  }

  /** Re-reads the form, validates it and re-evaluates every policy line (the benchmark calls this). */
  refresh(): void {
    this.draft = readDraft(this.form);
    const { facts, problems } = validateDraft(this.draft);
    this.facts = facts;
    this.problems = problems;
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
    this.summary(
      `${countSummary(this.evaluations)}. ${problems.length > 0 ? `${problems.length} field${problems.length === 1 ? ' has an invalid value and is' : 's have invalid values and are'} treated as not documented.` : ''}`,
    );
  }

  private summary(text: string): void {
    this.querySelector('[data-results-summary]')!.textContent = text;
  }

  private onEdit(event: Event, committed: boolean): void {
    const target = event.target as HTMLInputElement;
    if (
      target.type === 'radio' &&
      target.closest('[data-list]') &&
      target.name === target.closest<HTMLElement>('[data-list]')!.dataset.list
    ) {
      this.onListState(target.name, target.value);
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
    // A committed change (a choice, a radio, leaving a field) is saved at once; typing is saved
    // once it pauses, to keep history.replaceState well under browsers' rate limits.
    if (committed) this.persistNow();
    else this.schedulePersist();
    this.scheduleAnnounce();
  }

  private onListState(fact: string, state: string): void {
    const parts = listParts(this.form, fact);
    if (state === 'rows' && parts.rows.children.length === 0) this.addRow(fact, false);
    syncList(this.form, fact);
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
    if (button.hasAttribute('data-add-row'))
      this.addRow(button.closest<HTMLElement>('[data-list]')!.dataset.list!, true);
    else if (button.hasAttribute('data-remove-row')) this.removeRow(button);
    else if (button.dataset.nonePresent) this.nonePresent(button);
    else if (button.dataset.action === 'export') this.exportFacts();
    else if (button.dataset.action === 'copy-link') void this.copyLink();
    else if (button.dataset.action === 'clear') this.clear();
    else if (button.dataset.action === 'undo') this.undoClear();
    else return;
    this.afterAction();
  }

  private afterAction(): void {
    this.refresh();
    this.persistNow();
    this.scheduleAnnounce();
  }

  private addRow(fact: string, focus: boolean): void {
    const parts = listParts(this.form, fact);
    // Rows already shown are kept; a list that was "none" or "not documented" starts afresh.
    const current =
      parts.state.value === 'rows' ? readDraft(this.form)[fact as keyof FactDraft] : undefined;
    const rows = [...(Array.isArray(current) ? current : []), {}];
    parts.state.value = 'rows';
    writeRows(this.form, fact, rows);
    syncList(this.form, fact);
    if (focus) parts.rows.lastElementChild?.querySelector<HTMLElement>('input, select')?.focus();
  }

  private removeRow(button: HTMLButtonElement): void {
    const fact = button.closest<HTMLElement>('[data-list]')!.dataset.list!;
    const parts = listParts(this.form, fact);
    const index = Array.from(parts.rows.children).indexOf(button.closest('[data-row]')!);
    const current = readDraft(this.form)[fact as keyof FactDraft];
    const rows = Array.isArray(current) ? [...current] : [];
    rows.splice(index, 1);
    writeRows(this.form, fact, rows);
    if (rows.length === 0) parts.state.value = '';
    syncList(this.form, fact);
    // Keep focus in the list: the row that took this one's place, or the add button.
    const next = parts.rows.children[Math.min(index, rows.length - 1)];
    (next?.querySelector<HTMLElement>('input, select') ?? parts.add).focus();
    this.status(
      rows.length === 0
        ? 'Row removed; the list is now not documented.'
        : `Row ${index + 1} removed.`,
    );
  }

  /** "None of these documented as present": fills only the fields still undocumented. */
  private nonePresent(button: HTMLButtonElement): void {
    const absent = JSON.parse(button.dataset.nonePresent!) as Record<string, unknown>;
    const draft = readDraft(this.form) as Record<string, unknown>;
    const set: string[] = [];
    const kept: string[] = [];
    for (const [key, value] of Object.entries(absent)) {
      if (draft[key] === undefined) {
        draft[key] = value;
        set.push(key);
      } else kept.push(key);
    }
    writeDraft(this.form, draft);
    const label = (key: string) =>
      this.form
        .querySelector(`[data-path="${key}"] > legend, [data-path="${key}"] > label`)
        ?.firstChild?.textContent?.trim() ?? key;
    const status = button.parentElement!.querySelector('[data-none-status]')!;
    status.textContent =
      set.length === 0
        ? 'Every field here was already documented; nothing changed.'
        : `Set ${set.length} field${set.length === 1 ? '' : 's'} to no or none: ${set.map(label).join(', ')}.${kept.length ? ` Kept ${kept.length} already documented.` : ''}`;
    for (const key of set)
      this.form.querySelector(`[data-path="${key}"]`)?.classList.add('just-set');
  }

  private exportFacts(): void {
    const text = exportFactsFile(
      this.facts,
      new URL('/schema/patient-facts.json', location.href).href,
    );
    download('patient-facts.json', text, 'application/json');
    const left = this.problems.map((p) => p.path);
    this.status(
      `Exported ${Object.keys(this.facts).length} documented facts as patient-facts.json.${left.length ? ` Left out ${left.length} invalid field${left.length === 1 ? '' : 's'}: ${left.join(', ')}.` : ''}`,
    );
  }

  private async copyLink(): Promise<void> {
    this.persistNow();
    if (await copyText(location.href))
      this.status(
        'Link copied. It carries the facts in its fragment: share it only as you would share the chart.',
      );
    else {
      const field = h('input', {
        type: 'text',
        readonly: true,
        value: location.href,
        'aria-label': 'Link to these facts',
        class: 'copy-fallback',
      });
      this.status('The browser did not allow copying. Select the link below and copy it:');
      this.querySelector('[data-tool-status]')!.append(' ', field);
      field.select();
    }
  }

  private clear(): void {
    const before = this.draft;
    writeDraft(this.form, {});
    showProblems(this.form, []);
    savedFacts.clear();
    history.replaceState(history.state, '', location.pathname + location.search);
    this.showLoadProblems('', []);
    this.form.querySelectorAll('.just-set').forEach((e) => e.classList.remove('just-set'));
    this.querySelectorAll('[data-none-status]').forEach((e) => (e.textContent = ''));
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
    writeDraft(this.form, this.undo);
    showProblems(this.form, validateDraft(this.undo).problems);
    this.undo = undefined;
    this.status('Facts restored.');
  }

  private hideUndo(): void {
    this.undo = undefined;
    this.querySelector('[data-action="undo"]')?.remove();
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const result = parseFactsFile(await file.text(), file.name);
    input.value = '';
    if (!result.ok) {
      this.showLoadProblems(
        `${file.name} was not imported; the form was left as it was`,
        result.errors,
      );
      return;
    }
    this.showLoadProblems('', []);
    this.apply(draftFromFacts(result.facts), true);
    this.status(
      `Imported ${Object.keys(result.facts).filter((k) => k !== '$schema').length} facts from ${file.name}.`,
    );
    this.persistNow();
    this.scheduleAnnounce();
  }

  private status(text: string): void {
    this.querySelector('[data-tool-status]')!.textContent = text;
  }

  private showLoadProblems(title: string, messages: readonly string[]): void {
    const box = this.querySelector<HTMLElement>('[data-problems]')!;
    box.hidden = messages.length === 0;
    box.replaceChildren(
      ...(messages.length
        ? [
            h('p', {}, h('strong', {}, `${title}:`)),
            h('ul', {}, ...messages.map((m) => h('li', {}, m))),
          ]
        : []),
    );
  }

  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => this.persistNow(), persistDelay);
  }

  /** Writes the draft to the fragment (replacing, not adding, a history entry) and to localStorage. */
  private persistNow(): void {
    clearTimeout(this.persistTimer);
    const fragment = encodeFragment(this.draft);
    const url = fragment
      ? `${location.pathname}${location.search}#${fragment}`
      : `${location.pathname}${location.search}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`)
      history.replaceState(history.state, '', url);
    if (fragment) savedFacts.write(draftJson(this.draft));
    else savedFacts.clear();
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
