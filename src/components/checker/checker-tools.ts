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

/** What the tools may read and do on the island. */
export interface ToolHost {
  readonly facts: PatientFacts;
  readonly problems: readonly FieldProblem[];
  status(text: string): void;
  statusLine(): Element;
  showLoadProblems(sections: readonly { title: string; messages: readonly string[] }[]): void;
  apply(draft: FactDraft, showAll: boolean): void;
  save(committed: boolean): void;
  writeAddress(): void;
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
