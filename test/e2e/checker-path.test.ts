/**
 * The appeal writer's path in Chromium: the plan first (the member's lines first, the rest
 * folded, names as the plans write them), only what matters asked, "Not documented" in the same
 * place in every control, and Modic changes entered by disc level.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CheckerIndex } from '../../src/lib/checker/split.ts';
import { axeViolations, DIST, useSite } from './harness.ts';

const env = useSite();

async function open() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL('check/', env.site.url).href);
  await page.waitForSelector('[data-line][data-outcome]');
  return { context, page };
}

const listed = (page: Page, list: string) =>
  page.$$eval(`[${list}] > [data-line]`, (cards) =>
    cards.map((c) => (c as HTMLElement).dataset.line),
  );

describe('plan first', () => {
  it('draws every card from the line data: the page itself holds no line, so it does not grow with the catalogue', async () => {
    const html = readFileSync(`${DIST}/check/index.html`, 'utf8');
    const index = JSON.parse(
      readFileSync(`${DIST}/data/checker/index.json`, 'utf8'),
    ) as CheckerIndex;
    expect(html).not.toMatch(/data-line="/);
    for (const line of index.lines) expect(html).not.toContain(`#line-${line.id}"`);
    expect(html).toContain('<template data-card-template>');
    // In the browser, one card per line of today's catalogue (under the threshold, every line).
    const { context, page } = await open();
    await expect
      .poll(() => page.locator('[data-results-main] > [data-line]').count())
      .toBe(index.lines.length);
    expect(await page.getAttribute('[data-line="cohere-ma"] a', 'href')).toBe(
      '/policies/cohere-ma-v3/#line-cohere-ma',
    );
    await context.close();
  });

  it('asks for the plan above the results, and shows the member’s lines first, the rest folded', async () => {
    const { context, page } = await open();
    // The plan's fields come before the results in the page, and before the chart.
    const order = await page.evaluate(() => {
      const top = (s: string) => document.querySelector(s)!.getBoundingClientRect().top;
      return [top('#f-healthPlan'), top('#results-heading'), top('#group-patient')];
    });
    expect(order[0]).toBeLessThan(order[2]!);
    expect(await page.isHidden('.other-plans')).toBe(true);
    await page.selectOption('#f-productLine', 'medicare-advantage');
    await expect
      .poll(() => listed(page, 'data-results-main'))
      .toEqual(['cohere-ma', 'kaiser-wa-medicare', 'mgb-medicare-advantage']);
    expect(await page.isVisible('.other-plans > summary')).toBe(true);
    expect(await page.textContent('.other-plans > summary')).toMatch(/Other plans \(12\)/);
    expect(await page.textContent('[data-results-summary]')).toMatch(/^For this member: /);
    // A plan BVN Atlas knows, typed in any case, narrows to its own lines.
    await page.selectOption('#f-productLine', 'medicaid');
    await page.fill('#f-healthPlan', 'mass general brigham health plan');
    await expect.poll(() => listed(page, 'data-results-main')).toEqual(['mgb-masshealth']);
    // Names read as the plans write them.
    expect(await page.textContent('[data-line="mgb-masshealth"] [data-summary]')).toContain(
      'For MassHealth (Mass General Brigham ACO) members, MGB 097',
    );
    await page.click('.other-plans > summary');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('ask only what matters', () => {
  it('puts "Not documented" first in every control', async () => {
    const { context, page } = await open();
    const firsts = await page.evaluate(() => {
      const out: string[] = [];
      for (const select of document.querySelectorAll<HTMLSelectElement>(
        '#checker-form select[name], select[form="checker-form"]',
      ))
        out.push(`${select.name}: ${select.options[0]!.value === '' ? 'ok' : 'not first'}`);
      for (const group of document.querySelectorAll('fieldset.field-boolean, fieldset.field-list'))
        out.push(
          `${group.id}: ${group.querySelector<HTMLInputElement>('.choices input')!.value === '' ? 'ok' : 'not first'}`,
        );
      return out;
    });
    expect(firsts.length).toBeGreaterThan(40);
    expect(firsts.filter((f) => !f.endsWith(': ok'))).toEqual([]);
    await context.close();
  });

  it('asks for device precautions only once a device is documented, and lists them as missing only then', async () => {
    const { context, page } = await open();
    expect(await page.isHidden('#f-devicePrecautionsDocumented')).toBe(true);
    await page.click('[data-line="cohere-ma"] summary');
    await expect
      .poll(() => page.textContent('[data-line="cohere-ma"] [data-details-body]'))
      .toContain('Document whether there is an implanted electronic device.');
    expect(await page.textContent('[data-line="cohere-ma"] [data-details-body]')).not.toContain(
      'precautions planned for the implanted device',
    );
    await page.check('#f-implantedDevice-yes');
    expect(await page.isVisible('#f-devicePrecautionsDocumented')).toBe(true);
    await expect
      .poll(() => page.textContent('[data-line="cohere-ma"] [data-details-body]'))
      .toContain('precautions planned for the implanted device');
    // One count per result: the summary counts what the checklist lists.
    const missing = await page.locator('[data-line="cohere-ma"] .checklist li').count();
    expect(await page.textContent('[data-line="cohere-ma"] [data-summary]')).toContain(
      `${missing} facts need documenting`,
    );
    await context.close();
  });
});

describe('findings as a report states them', () => {
  it('fills both endplates from a disc level, and shows an endplate edited on its own as such', async () => {
    const { context, page } = await open();
    await page.selectOption('#q-modicChanges-L4-L5', '1');
    await expect.poll(() => page.locator('[data-list="modicChanges"] [data-row]').count()).toBe(2);
    expect(await page.isChecked('#f-modicChanges-rows')).toBe(true);
    expect(await page.inputValue('#f-modicChanges-0-level')).toBe('L4');
    expect(await page.inputValue('#f-modicChanges-0-endplate')).toBe('inferior');
    expect(await page.inputValue('#f-modicChanges-1-level')).toBe('L5');
    expect(await page.inputValue('#f-modicChanges-1-endplate')).toBe('superior');
    await page.selectOption('#f-modicChanges-1-type', '2');
    await expect.poll(() => page.inputValue('#q-modicChanges-L4-L5')).toBe('mixed');
    // Choosing "—" removes the disc's rows; the list is then not documented.
    await page.selectOption('#q-modicChanges-L4-L5', '');
    await expect.poll(() => page.locator('[data-list="modicChanges"] [data-row]').count()).toBe(0);
    expect(await page.isChecked('#f-modicChanges-unknown')).toBe(true);
    await context.close();
  });
});
