/**
 * The checker's file and link tools: export the facts as the CLI's file, import one (through the
 * CLI's own reader), copy a link; and what to do when another tab changes the saved facts.
 * Loaded when first needed, so the checker's first script stays small; the island hands over
 * what they need as a `ToolHost`.
 */
import { draftFromFacts, type FactDraft, type FieldProblem } from '../../lib/checker/draft.ts';
import { readSavedCopy } from '../../lib/checker/fragment.ts';
import { exportFactsFile } from '../../lib/checker/import-file.ts';
import { readFactsText } from '../../lib/facts/read.ts';
import type { PatientFacts } from '../../lib/facts/schema.ts';
import { copyText, download, h } from './dom.ts';
import { savedFacts } from './storage.ts';
import type { CheckerIndex } from '../../lib/checker/split.ts';

/** What a list of problems shown above the form is about (its title says so). */
export type SectionKind = 'link' | 'empty-link' | 'link-saved-shown' | 'saved' | 'unreadable-saved';

const sectionTitles: Record<SectionKind, string> = {
  link: 'Some facts in this link were left out or changed',
  'empty-link': 'Nothing was read from this link',
  'link-saved-shown':
    'Nothing was read from this link; the facts saved in this browser are shown instead',
  saved: 'Some facts saved in this browser were left out or changed',
  'unreadable-saved': 'The facts saved in this browser could not be read',
};

/**
 * A list of problems shown above the form, titled by its kind or its own title (a file's);
 * `download` offers unreadable saved text as a file.
 */
export interface Section {
  kind?: SectionKind;
  title?: string;
  messages: readonly string[];
  download?: string;
}

/** Draws the sections of what could not be read into `box` (the island shows or hides it). */
export function drawLoadProblems(box: HTMLElement, sections: readonly Section[]): void {
  box.replaceChildren(
    ...sections.flatMap((s) => {
      const nodes: Node[] = [
        h('p', {}, h('strong', {}, `${s.title ?? sectionTitles[s.kind!]}:`)),
        h(
          'ul',
          {},
          ...s.messages.map((m) =>
            h(
              'li',
              {},
              s.download === undefined
                ? m
                : `${m} The saved text is kept until you change a fact or clear; download it to keep it.`,
            ),
          ),
        ),
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

/** Why the island offers to bring facts back: the user cleared them, or a link replaced saved ones. */
export type UndoKind = 'cleared' | 'link-over-saved';

const undoWords: Record<UndoKind, [status: string, button: string]> = {
  cleared: [
    'All facts cleared from the form, the address and this browser’s storage.',
    'Undo clear',
  ],
  'link-over-saved': [
    'Opened the facts in this link. The different facts saved in this browser are kept until you change a fact here.',
    'Restore the saved facts',
  ],
};

/** Says what happened, with the button that brings the facts back (the island keeps them). */
export function offerUndo(host: ToolHost, kind: UndoKind): void {
  const [text, label] = undoWords[kind];
  host.status(text);
  host
    .statusLine()
    .append(' ', h('button', { type: 'button', class: 'secondary', 'data-action': 'undo' }, label));
}

/** Offers the names of the health plans whose policies are encoded, as they write them. */
export function suggestPlans(host: HTMLElement, index: CheckerIndex): void {
  const names = index.lines
    .filter((l) => l.payer.kind === 'health-plan' || l.payer.kind === 'blue-cross-blue-shield')
    .map((l) => l.payer.name);
  host
    .querySelector('#f-healthPlan-names')
    ?.replaceChildren(...[...new Set(names)].sort().map((name) => h('option', { value: name })));
}

/** What the tools may read and do on the island. */
export interface ToolHost {
  readonly facts: PatientFacts;
  readonly problems: readonly FieldProblem[];
  status(text: string): void;
  statusLine(): Element;
  showLoadProblems(sections: readonly Section[]): void;
  apply(draft: FactDraft, showAll: boolean): void;
  save(committed: boolean): void;
  writeAddress(): void;
}

/** Runs a tool button's action; true when the facts changed (the island re-evaluates and saves). */
export function toolAction(
  host: ToolHost,
  action: 'export' | 'copy-link' | 'load-other-tab',
): boolean {
  if (action === 'export') exportFacts(host);
  else if (action === 'copy-link') void copyLink(host);
  else return loadOtherTab(host);
  return false;
}

/** Downloads the valid facts as patient-facts.json and says which invalid fields were left out. */
export function exportFacts(host: ToolHost): void {
  const text = exportFactsFile(
    host.facts,
    new URL('/schema/patient-facts.json', location.href).href,
  );
  download('patient-facts.json', text, 'application/json');
  const left = host.problems.map((p) => p.path);
  host.status(
    `Exported ${Object.keys(host.facts).length} documented facts as patient-facts.json.${left.length ? ` Left out ${left.length} invalid field${left.length === 1 ? '' : 's'}: ${left.join(', ')}.` : ''}`,
  );
}

/** Copies the address with the facts; where the browser refuses, shows it selected in a field. */
export async function copyLink(host: ToolHost): Promise<void> {
  host.writeAddress();
  if (await copyText(location.href))
    return host.status(
      'Link copied. It carries the facts in its fragment: share it only as you would share the chart.',
    );
  const field = h('input', {
    type: 'text',
    readonly: true,
    value: location.href,
    'aria-label': 'Link to these facts',
    class: 'copy-fallback',
  });
  host.status('The browser did not allow copying. Select the link below and copy it:');
  host.statusLine().append(' ', field);
  field.select();
}

/** Imports a facts file: all of it when it fits the format, else nothing, with every problem named. */
export async function importFacts(host: ToolHost, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  const result = readFactsText(await file.text(), file.name);
  input.value = '';
  if (!result.ok)
    return host.showLoadProblems([
      {
        title: `${file.name} was not imported; the form was left as it was`,
        messages: result.errors,
      },
    ]);
  host.showLoadProblems([]);
  host.apply(draftFromFacts(result.facts), true);
  host.status(
    `Imported ${Object.keys(result.facts).filter((k) => k !== '$schema').length} facts from ${file.name}.`,
  );
  host.save(true);
}

/** Another tab saved different facts (`text`; null when it cleared them): says so; this tab keeps its own until asked. */
export function otherTabChanged(host: ToolHost, text: string | null): void {
  if (text === null)
    return host.status(
      'Another tab cleared the facts saved in this browser. This tab still shows its own.',
    );
  host.status(
    'Another tab changed the facts saved in this browser. This tab still shows its own; changing a fact here saves them over the other tab’s.',
  );
  host
    .statusLine()
    .append(
      ' ',
      h(
        'button',
        { type: 'button', class: 'secondary', 'data-action': 'load-other-tab' },
        'Show the other tab’s facts',
      ),
    );
}

/** Shows the facts another tab saved; false (and says so) when they cannot be read. */
export function loadOtherTab(host: ToolHost): boolean {
  const text = savedFacts.read();
  const saved = text === null ? undefined : readSavedCopy(text);
  if (saved?.status !== 'read') {
    host.status('The other tab’s facts could not be read.');
    return false;
  }
  host.apply(saved.draft, true);
  host.status('Showing the facts the other tab saved.');
  return true;
}
