/**
 * Facts that contradict each other, entered in the checker in Chromium: the message names both
 * fields and shows on both, neither fact is read until one is changed, and changing one clears
 * both messages. Also the results that say more than an outcome: a billing note that never
 * decides coverage, and the answer that turns on which LCD covers the state of care.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeFragment } from '../../src/lib/checker/fragment.ts';
import type { PatientFacts } from '../../src/lib/facts/schema.ts';
import { vignette } from '../helpers/content.ts';
import { shownOutcomes } from './checker-ui.ts';
import { useSite } from './harness.ts';

const env = useSite();

/** The checker with `facts` loaded from a link (the form is then used for the edits under test). */
async function openChecker(facts: PatientFacts): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(`check/#${encodeFragment(facts)}`, env.site.url).href);
  await page.waitForSelector('[data-line][data-outcome]');
  return page;
}

const errorOf = (page: Page, fact: string) => page.textContent(`#f-${fact}-error`);
const invalid = (page: Page, fact: string) =>
  page.getAttribute(`#f-${fact}`, 'aria-invalid').catch(() => null);

describe('contradictory facts in the checker', () => {
  it('names both fields inline, on both, reads neither, and clears both once one is changed', async () => {
    const page = await openChecker(vignette('V01-baseline'));
    expect((await shownOutcomes(page))['cohere-ma']).toBe('meets');

    // V01 records no radicular pain; a predominant radicular pattern contradicts it.
    await page.selectOption('#f-predominantPain', 'radicular');
    const message = await errorOf(page, 'predominantPain');
    expect(message).toContain('Predominant pain pattern (predominantPain)');
    expect(message).toContain('Radicular pain present (radicularPain)');
    expect(message).toContain('Both are treated as not documented until one is changed.');
    expect(await errorOf(page, 'radicularPain')).toBe(message);
    expect(await page.isVisible('#f-predominantPain-error')).toBe(true);
    expect(await invalid(page, 'predominantPain')).toBe('true');
    // Neither fact is read: Cohere cannot tell whether its radicular exclusion applies.
    await page.waitForSelector('[data-line="cohere-ma"][data-outcome="needs-documentation"]');
    expect(await page.textContent('[data-results-summary]')).toContain('treated as not documented');
    // The form keeps what was typed.
    expect(await page.inputValue('#f-predominantPain')).toBe('radicular');

    // Radicular pain present: the contradiction is gone, from both fields.
    await page.check('#f-radicularPain-yes');
    expect(await errorOf(page, 'predominantPain')).toBe('');
    expect(await errorOf(page, 'radicularPain')).toBe('');
    expect(await page.isVisible('#f-predominantPain-error')).toBe(false);
    await page.waitForSelector('[data-line="cohere-ma"][data-outcome="fails"]');
    await page.context().close();
  });

  it('shows Cohere’s anaesthesia item as a billing note, with its citation, while the result meets', async () => {
    const page = await openChecker({
      ...vignette('V01-baseline'),
      anesthesia: 'moderate-sedation',
      anesthesiaNecessityDocumented: false,
    });
    await page.waitForSelector('[data-line="cohere-ma"][data-outcome="meets"]');
    await page.click('[data-line="cohere-ma"] [data-details] summary');
    const note = await page.textContent('[data-line="cohere-ma"] [data-advisory="billing-note"]');
    expect(note).toContain('Billing note (never decides coverage)');
    expect(note).toContain('may not be billed separately');
    expect(note).toContain('Indications, item 8');
    await page.context().close();
  });

  it('answers "depends on which LCD applies" for a 22-year-old MGB Medicare Advantage member in Massachusetts', async () => {
    const page = await openChecker({ ...vignette('V01-baseline'), ageYears: 22, state: 'MA' });
    const card = '[data-line="mgb-medicare-advantage"]';
    await page.waitForSelector(`${card}[data-outcome="depends-on-lcd"]`);
    expect(await page.textContent(`${card} [data-outcome]`)).toBe('Depends on which LCD applies');
    await page.click(`${card} [data-details] summary`);
    // The card details load on first use (result-details.ts): wait for them.
    await expect
      .poll(() => page.textContent(`${card} [data-details-body]`))
      .toContain('What would settle it');
    const details = (await page.textContent(`${card} [data-details-body]`)) ?? '';
    expect(details).toContain('L39420 applies in MA');
    expect(details).not.toContain('in this state');
    await page.context().close();
  });
});
