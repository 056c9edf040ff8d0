/**
 * Editing list facts in the checker form: adding and removing rows (focus stays in the list),
 * the list's three states, the quick-entry helpers (Modic changes by disc level, planned bodies
 * by body; src/lib/checker/quick-entry.ts) and "none of these documented as present". Each
 * action changes the form only and returns what to tell the user; the island re-evaluates.
 * Loaded on the first such action, so the checker's first script stays small.
 */
import type { DraftRow, FactDraft } from '../../lib/checker/draft.ts';
import { applyQuick, quickEntries } from '../../lib/checker/quick-entry.ts';
import { checkRadio, listParts, readDraft, syncList, writeDraft, writeRows } from './form-io.ts';

function rowsOf(form: HTMLFormElement, fact: string): DraftRow[] {
  const parts = listParts(form, fact);
  const current = parts.state.value === 'rows' ? readDraft(form)[fact as keyof FactDraft] : [];
  return Array.isArray(current) ? [...current] : [];
}

/** Writes rows and the list state that goes with them (no rows: not documented). */
function setRows(form: HTMLFormElement, fact: string, rows: DraftRow[]): void {
  writeRows(form, fact, rows);
  checkRadio(listParts(form, fact).state, rows.length > 0 ? 'rows' : '');
  syncList(form, fact);
}

/** Adds an empty row (rows already shown are kept; a list that was none or undocumented starts afresh). */
export function addRow(form: HTMLFormElement, fact: string, focus: boolean): void {
  setRows(form, fact, [...rowsOf(form, fact), {}]);
  if (focus)
    listParts(form, fact)
      .rows.lastElementChild?.querySelector<HTMLElement>('input, select')
      ?.focus();
}

/** Removes a row; focus goes to the row that took its place, or to the add button. */
export function removeRow(form: HTMLFormElement, button: HTMLButtonElement): string {
  const fact = button.closest<HTMLElement>('[data-list]')!.dataset.list!;
  const parts = listParts(form, fact);
  const index = Array.from(parts.rows.children).indexOf(button.closest('[data-row]')!);
  const rows = rowsOf(form, fact);
  rows.splice(index, 1);
  setRows(form, fact, rows);
  const next = parts.rows.children[Math.min(index, rows.length - 1)];
  (next?.querySelector<HTMLElement>('input, select') ?? parts.add).focus();
  return rows.length === 0
    ? 'Row removed; the list is now not documented.'
    : `Row ${index + 1} removed.`;
}

/** The list's state radio changed: "one or more" shows a first row to fill in. */
export function listStateChanged(form: HTMLFormElement, fact: string, state: string): void {
  if (state === 'rows' && listParts(form, fact).rows.children.length === 0)
    addRow(form, fact, false);
  syncList(form, fact);
}

/**
 * A quick-entry choice: the key's rows replaced by the option's. `option` is the value chosen
 * when the event fired (the control itself may have been redrawn from the rows since).
 */
export function quickChanged(
  form: HTMLFormElement,
  select: HTMLSelectElement,
  option: string,
): string {
  const fact = select.closest<HTMLElement>('[data-quick]')!.dataset.quick!;
  const entry = quickEntries.find((e) => e.fact === fact)!;
  const key = select.dataset.quickKey!;
  if (option === 'mixed') return '';
  const rows = applyQuick(entry, rowsOf(form, fact), key, option);
  setRows(form, fact, rows);
  select.value = option;
  const added = entry.rows(key, option).length;
  return added > 0
    ? `${key}: ${added} row${added === 1 ? '' : 's'} written below; each can be edited.`
    : `${key}: its rows removed.`;
}

/** "None of these documented as present": fills only the fields still undocumented; returns what it did. */
export function nonePresent(form: HTMLFormElement, button: HTMLButtonElement): string {
  const absent = JSON.parse(button.dataset.nonePresent!) as Record<string, unknown>;
  const draft = readDraft(form) as Record<string, unknown>;
  const set: string[] = [];
  let kept = 0;
  for (const [key, value] of Object.entries(absent)) {
    if (draft[key] !== undefined) kept++;
    else {
      draft[key] = value;
      set.push(key);
    }
  }
  writeDraft(form, draft);
  const label = (key: string) =>
    form
      .querySelector(`[data-path="${key}"] > legend, [data-path="${key}"] > label`)
      ?.firstChild?.textContent?.trim() ?? key;
  for (const key of set) form.querySelector(`[data-path="${key}"]`)?.classList.add('just-set');
  return set.length === 0
    ? 'Every field here was already documented; nothing changed.'
    : `Set ${set.length} field${set.length === 1 ? '' : 's'} to no or none: ${set.map(label).join(', ')}.${kept ? ` Kept ${kept} already documented.` : ''}`;
}

/** Does what a list's button asks (add a row, remove one, none present); returns what to say, if anything. */
export function listButton(form: HTMLFormElement, button: HTMLButtonElement): string | undefined {
  if (button.hasAttribute('data-add-row'))
    addRow(form, button.closest<HTMLElement>('[data-list]')!.dataset.list!, true);
  else if (button.hasAttribute('data-remove-row')) return removeRow(form, button);
  else
    button.parentElement!.querySelector('[data-none-status]')!.textContent = nonePresent(
      form,
      button,
    );
}
