/**
 * Reading and writing the server-rendered checker form as a draft (src/lib/checker/draft.ts).
 * The form's structure comes from the fact catalogue; this module only moves values between
 * controls and the draft, and clones list rows from their <template>.
 */
import {
  factControl,
  factKeys,
  fieldId,
  fieldName,
  textFromValue,
  valueFromText,
  type Control,
  type ListControl,
} from '../../lib/checker/controls.ts';
import type { DraftRow, DraftScalar, FactDraft, FieldProblem } from '../../lib/checker/draft.ts';
import { quickEntries, quickState } from '../../lib/checker/quick-entry.ts';

const controls: [string, Control][] = factKeys.map((key) => [key, factControl(key)]);

type Field = HTMLInputElement | HTMLSelectElement | RadioNodeList;

function named(form: HTMLFormElement, name: string): Field | null {
  return form.elements.namedItem(name) as Field | null;
}

/** Checks the radio of a group whose value is `value`. (Chromium's `RadioNodeList.value = ''` checks nothing, leaving "Yes" checked.) */
export function checkRadio(group: RadioNodeList, value: string): void {
  for (const radio of group as unknown as Iterable<HTMLInputElement>)
    radio.checked = radio.value === value;
}

function writeScalar(form: HTMLFormElement, name: string, value: unknown): void {
  const field = named(form, name);
  const text = textFromValue(value);
  if (field instanceof RadioNodeList) checkRadio(field, text);
  else if (field) field.value = text;
}

/**
 * Every control's current text by name, in one pass over the form (radio groups: the checked
 * value, '' for none). One pass is what keeps a re-evaluation well under the 5 ms budget:
 * looking each of ~250 controls up by name costs more than the engine itself.
 */
function controlValues(form: HTMLFormElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const element of form.elements) {
    if (element instanceof HTMLSelectElement) out.set(element.name, element.value);
    else if (element instanceof HTMLInputElement && element.name) {
      if (element.type === 'radio') {
        if (element.checked) out.set(element.name, element.value);
        else if (!out.has(element.name)) out.set(element.name, '');
      } else if (element.type !== 'file') out.set(element.name, element.value);
    }
  }
  return out;
}

interface ListParts {
  box: HTMLFieldSetElement;
  rows: HTMLOListElement;
  template: HTMLTemplateElement;
  state: RadioNodeList;
  add: HTMLButtonElement;
}
const listCache = new WeakMap<HTMLFormElement, Map<string, ListParts>>();

/** The list's container and its rows, found by the fact key (the elements never change, so they are looked up once). */
export function listParts(form: HTMLFormElement, fact: string): ListParts {
  let byFact = listCache.get(form);
  if (!byFact) listCache.set(form, (byFact = new Map<string, ListParts>()));
  let parts = byFact.get(fact);
  if (!parts) {
    const box = form.querySelector<HTMLFieldSetElement>(`[data-list="${fact}"]`)!;
    parts = {
      box,
      rows: box.querySelector<HTMLOListElement>('[data-rows]')!,
      template: box.querySelector<HTMLTemplateElement>('[data-row-template]')!,
      state: named(form, fieldName(fact)) as RadioNodeList,
      add: box.querySelector<HTMLButtonElement>('[data-add-row]')!,
    };
    byFact.set(fact, parts);
  }
  return parts;
}

/** The form's values as a draft. Hidden rows (list set to none or not documented) are not read. */
export function readDraft(form: HTMLFormElement): FactDraft {
  const values = controlValues(form);
  const read = (name: string, control: Exclude<Control, ListControl>) =>
    valueFromText(control, values.get(name) ?? '') as DraftScalar | undefined;
  const draft: Record<string, unknown> = {};
  for (const [key, control] of controls) {
    if (control.kind !== 'list') {
      const value = read(key, control);
      if (value !== undefined) draft[key] = value;
      continue;
    }
    const state = values.get(key) ?? '';
    if (state === 'none') draft[key] = [];
    const count = state === 'rows' ? listParts(form, key).rows.children.length : 0;
    // "One or more" with no rows shown (a browser restoring the radio without the rows) says nothing.
    if (count === 0) continue;
    draft[key] = Array.from({ length: count }, (_, i) => {
      const row: DraftRow = {};
      for (const { key: field, control: c } of control.fields) {
        const value = read(fieldName(key, i, field), c);
        if (value !== undefined) row[field] = value;
      }
      return row;
    });
  }
  return draft;
}

/** Replaces the row placeholders of a template clone with row `i`. */
function numberRow(fragment: DocumentFragment, i: number): void {
  for (const element of fragment.querySelectorAll('*')) {
    for (const attribute of Array.from(element.attributes))
      if (attribute.value.includes('__i__'))
        element.setAttribute(attribute.name, attribute.value.replaceAll('__i__', String(i)));
    if (element.hasAttribute('data-row-number')) element.textContent = String(i + 1);
  }
}

/** Rebuilds a list's rows from draft rows. */
export function writeRows(form: HTMLFormElement, fact: string, rows: readonly DraftRow[]): void {
  const parts = listParts(form, fact);
  parts.rows.replaceChildren();
  rows.forEach((_, i) => {
    const clone = parts.template.content.cloneNode(true) as DocumentFragment;
    numberRow(clone, i);
    parts.rows.append(clone);
  });
  const control = factControl(fact as never) as ListControl;
  rows.forEach((row, i) =>
    control.fields.forEach(({ key }) => writeScalar(form, fieldName(fact, i, key), row[key])),
  );
  parts.add.disabled = control.maxItems !== undefined && rows.length >= control.maxItems;
}

/** Shows or hides a list's rows to match its state. */
export function syncList(form: HTMLFormElement, fact: string): void {
  const parts = listParts(form, fact);
  parts.rows.hidden = parts.state.value !== 'rows';
}

/** Puts a draft into the form; everything not in the draft becomes "not documented". */
export function writeDraft(form: HTMLFormElement, draft: FactDraft): void {
  for (const [key, control] of controls) {
    const value = (draft as Record<string, unknown>)[key];
    if (control.kind !== 'list') {
      writeScalar(form, key, value);
      continue;
    }
    const rows = Array.isArray(value) ? (value as DraftRow[]) : [];
    checkRadio(
      listParts(form, key).state,
      value === undefined ? '' : rows.length === 0 ? 'none' : 'rows',
    );
    writeRows(form, key, rows);
    syncList(form, key);
  }
}

/** The element of a field path (`ageYears`, `modicChanges[0].type`) and its error paragraph. */
function fieldElements(path: string) {
  const match = /^(\w+)(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path);
  if (!match) return undefined;
  const id = fieldId(match[1]!, match[2], match[3]);
  const field = document.getElementById(id);
  const error = document.getElementById(`${id}-error`);
  return field && error ? { field, error } : undefined;
}

/** The controls that carry aria-invalid: the input/select, or every radio of a group. */
function invalidTargets(field: HTMLElement): HTMLElement[] {
  return field instanceof HTMLFieldSetElement
    ? Array.from(field.querySelectorAll<HTMLInputElement>(':scope > .choices input'))
    : [field];
}

/**
 * Shows the problems of the fields in `paths` (all fields when omitted) and clears the message
 * of every listed field that is valid now.
 */
export function showProblems(
  form: HTMLFormElement,
  problems: readonly FieldProblem[],
  paths?: ReadonlySet<string>,
): void {
  const byPath = new Map(problems.map((p) => [p.path, p.message]));
  // The plan's fields sit above the results, outside the <form> element (form="checker-form").
  const root = form.closest('bvn-checker') ?? form;
  const all =
    paths ??
    new Set(Array.from(root.querySelectorAll<HTMLElement>('[data-path]'), (e) => e.dataset.path!));
  for (const path of all) {
    if (path.includes('__i__')) continue;
    const parts = fieldElements(path);
    if (!parts) continue;
    const message = byPath.get(path);
    parts.error.textContent = message ?? '';
    parts.error.hidden = !message;
    for (const target of invalidTargets(parts.field)) {
      if (message) target.setAttribute('aria-invalid', 'true');
      else target.removeAttribute('aria-invalid');
    }
  }
}

/** The engine path of the field a control belongs to (for live validation). */
export function pathOf(control: Element): string | undefined {
  return control.closest<HTMLElement>('[data-path]')?.dataset.path;
}

/** Shows each quick-entry control as the rows now stand. */
export function syncQuick(root: HTMLElement, draft: FactDraft): void {
  for (const entry of quickEntries) {
    const value = draft[entry.fact];
    const rows = Array.isArray(value) ? value : [];
    for (const select of root.querySelectorAll<HTMLSelectElement>(
      `[data-quick="${entry.fact}"] select`,
    )) {
      const state = quickState(entry, rows, select.dataset.quickKey!);
      // Rows edited one by one: the choice says so instead of pretending to be one option.
      if (state === 'mixed' && !select.querySelector('[value="mixed"]'))
        select.append(new Option('As in the rows', 'mixed'));
      select.value = state;
    }
  }
}
