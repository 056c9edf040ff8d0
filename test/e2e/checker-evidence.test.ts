/**
 * The checker's "against the trials and guidelines" panel in Chromium: it loads after the payer
 * results (its script and data are not part of what the page loads first), shows for every
 * trial's eligibility and guideline's selection criteria the engine's own outcome on the same
 * facts, with findings linked to the criterion on its eligibility page; the facts only the trials
 * ask about sit folded away and open when a link restores one; SMART's VAS threshold holds at its
 * boundary through the form; and the panel reads at 375 px with axe clean.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFragment } from '../../src/lib/checker/fragment.ts';
import { evaluateAll } from '../../src/lib/engine/evaluate.ts';
import type { EvaluablePolicy } from '../../src/lib/engine/types.ts';
import type { PatientFacts } from '../../src/lib/facts/schema.ts';
import { loadContent, vignette } from '../helpers/content.ts';
import { fillFacts, shownOutcomes } from './checker-ui.ts';
import { axeViolations, DIST, launchBrowser, startSite } from './harness.ts';

let browser: Browser;
let site: Awaited<ReturnType<typeof startSite>>;
let sets: EvaluablePolicy[];
beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  sets = (await loadContent()).evidence;
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

async function open(width: number, fragment = '') {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(`check/${fragment}`, site.url).href);
  return { context, page, requests, errors };
}

const engineOutcomes = (facts: PatientFacts) =>
  Object.fromEntries(evaluateAll(sets, facts).map((e) => [e.policy, e.outcome]));

const badge = (page: Page, set: string) =>
  page.textContent(`[data-evidence-list] [data-line="${set}"] [data-outcome]`);

describe('the checker’s trials and guidelines panel', () => {
  it('shows the engine’s outcome for every encoded set on the facts of seed 000’s patient', async () => {
    const { context, page, requests, errors } = await open(1280);
    const facts = vignette('V02-seed-000-patient');
    await fillFacts(page, facts);
    await expect.poll(() => shownOutcomes(page, 'evidence')).toEqual(engineOutcomes(facts));
    expect(sets.map((s) => s.id)).toEqual(
      expect.arrayContaining(['smart-eligibility', 'intracept-eligibility']),
    );
    // Trials are not payers: their own words, no appeal packet, links to their eligibility page.
    // INTRACEPT excludes Modic changes outside L3 to S1; this patient has them at L1-2.
    expect(engineOutcomes(facts)['intracept-eligibility']).toBe('fails');
    expect(await badge(page, 'intracept-eligibility')).toBe('Does not meet the criteria');
    expect(await page.locator('[data-evidence-list] [data-packet-link]').count()).toBe(0);
    for (const summary of await page.locator('[data-evidence-list] [data-details] > summary').all())
      await summary.click();
    const anchors = await page.$$eval('[data-evidence-list] [data-details-body] a', (links) =>
      links.map((a) => a.getAttribute('href')!).filter((h) => h.startsWith('/eligibility/')),
    );
    expect(anchors.length).toBeGreaterThan(10);
    for (const href of new Set(anchors)) {
      const [path, id] = href.split('#');
      expect(readFileSync(`${DIST}${path}index.html`, 'utf8'), href).toContain(`id="${id}"`);
    }
    // Loaded after the payers' data, as a chunk of its own that the page does not load up front.
    // The payers' data: the bundle of every line (today's size) or the line files.
    const lines = requests.filter((r) => r.startsWith('/data/checker/lines'));
    const data = Math.max(...lines.map((r) => requests.indexOf(r)));
    const evidence = requests.indexOf('/data/evidence-criteria.json');
    expect(lines.length).toBeGreaterThan(0);
    expect(evidence).toBeGreaterThan(data);
    const upFront = await page.$$eval('script[src], link[rel="modulepreload"]', (els) =>
      els.map((e) => e.getAttribute('src') ?? e.getAttribute('href')),
    );
    expect(upFront.join(' ')).not.toMatch(/evidence-panel/);
    expect(requests.some((r) => /evidence-panel/.test(r))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the trials-only facts folded, and holds SMART’s VAS ≥ 4 cm at its boundary', async () => {
    const { context, page } = await open(1280);
    const fold = page.locator('details#group-evidence');
    expect(await fold.getAttribute('open')).toBeNull();
    await fillFacts(page, { vasBackPain: 3.9 });
    expect(await fold.getAttribute('open')).not.toBeNull();
    await expect.poll(() => badge(page, 'smart-eligibility')).toBe('Does not meet the criteria');
    await page.fill('#f-vasBackPain', '4');
    await expect.poll(() => badge(page, 'smart-eligibility')).toBe('Needs documentation to tell');
    await context.close();
  });

  it('opens the fold when a link restores a trials-only fact', async () => {
    const { context, page } = await open(1280, `#${encodeFragment({ waddellSigns: 3 })}`);
    await page.waitForSelector('[data-evidence-list] [data-line][data-outcome]');
    expect(await page.getAttribute('details#group-evidence', 'open')).not.toBeNull();
    expect(await page.inputValue('#f-waddellSigns')).toBe('3');
    await context.close();
  });

  it('reads at 375 px: no horizontal scrolling with a set’s details open, axe clean', async () => {
    const facts = vignette('V02-seed-000-patient');
    const { context, page } = await open(375, `#${encodeFragment(facts)}`);
    await page.waitForSelector('[data-evidence-list] [data-line][data-outcome]');
    await page.click('[data-evidence-list] [data-line="intracept-eligibility"] summary');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
