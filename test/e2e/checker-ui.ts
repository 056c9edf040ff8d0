/** Driving the checker form like a person would: clicking radios, choosing options, typing. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CheckerData } from '../../src/lib/checker/data.ts';
import {
  joinCheckerData,
  type CheckerIndex,
  type EvidenceFile,
  type LineFile,
} from '../../src/lib/checker/split.ts';
import { factControl, type ScalarControl } from '../../src/lib/checker/controls.ts';
import type { FactKey } from '../../src/lib/facts/catalog.ts';
import type { PatientFacts } from '../../src/lib/facts/schema.ts';
import { DIST } from './harness.ts';

async function setScalar(
  page: Page,
  id: string,
  control: ScalarControl,
  value: unknown,
): Promise<void> {
  if (control.kind === 'boolean') await page.check(`#${id}-${value ? 'yes' : 'no'}`);
  else if (control.kind === 'choice') await page.selectOption(`#${id}`, String(value));
  else await page.fill(`#${id}`, String(value));
}

/** Opens the folded group holding `id` (the trials-only facts), as a person clicks its summary. */
async function reveal(page: Page, id: string): Promise<void> {
  const folded = page.locator(`details:not([open]):has(#${id}) > summary`);
  if ((await folded.count()) > 0) await folded.click();
}

/** Enters every fact of `facts` through the form's controls (never through the fragment). */
export async function fillFacts(page: Page, facts: PatientFacts): Promise<void> {
  for (const [key, value] of Object.entries(facts)) {
    if (key === '$schema' || value === undefined) continue;
    await reveal(page, `f-${key}`);
    const control = factControl(key as FactKey);
    if (control.kind !== 'list') {
      await setScalar(page, `f-${key}`, control, value);
      continue;
    }
    const rows = value as Record<string, unknown>[];
    if (rows.length === 0) {
      await page.check(`#f-${key}-none`);
      continue;
    }
    for (const [i, row] of rows.entries()) {
      await page.click(`[data-list="${key}"] [data-add-row]`);
      for (const field of control.fields)
        if (row[field.key] !== undefined)
          await setScalar(page, `f-${key}-${i}-${field.key}`, field.control, row[field.key]);
    }
  }
}

/**
 * Every line's outcome as the page shows it: the payer lines by default, or with `evidence` the
 * trials' and guidelines' cards (which load after them).
 */
export async function shownOutcomes(
  page: Page,
  which: 'payers' | 'evidence' = 'payers',
): Promise<Record<string, string>> {
  const cards =
    which === 'payers'
      ? '.result-list:not([data-evidence-list]) > [data-line]'
      : '[data-evidence-list] > [data-line]';
  await page.waitForSelector(`${cards}[data-outcome]`);
  return page.$$eval(cards, (cards) =>
    Object.fromEntries(
      cards.map((c) => [
        (c as HTMLElement).dataset.line!,
        (c as HTMLElement).dataset.outcome ?? 'pending',
      ]),
    ),
  );
}

/**
 * The checker's data as the built site serves it (/data/checker/: the index, every line's file
 * and the evidence file), joined as the packet and letter join the files they load.
 */
export function builtCheckerData(): CheckerData {
  const read = <T>(path: string) =>
    JSON.parse(readFileSync(`${DIST}/data/checker/${path}`, 'utf8')) as T;
  const index = read<CheckerIndex>('index.json');
  return joinCheckerData(
    index,
    index.lines.map((l) => read<LineFile>(`lines/${l.id}.json`)),
    read<EvidenceFile>('evidence.json'),
  );
}
