/**
 * The appeal letter in Chromium: opened from the checker, filled with case identifiers that stay
 * in this browser and go with "Clear all facts", printed to PDF within three pages for V01 under
 * Cohere with every criterion and citation in it, copied as text and Markdown, axe clean, and
 * with no request leaving the site.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckerData } from '../../src/lib/checker/data.ts';
import type { AppealData } from '../../src/lib/appeal/guide.ts';
import { encodeFragment } from '../../src/lib/checker/fragment.ts';
import {
  buildLetter,
  citationWords,
  letterMarkdown,
  letterText,
} from '../../src/lib/appeal/letter.ts';
import { vignette } from '../helpers/content.ts';
import { axeViolations, DIST, launchBrowser, offSite, startSite } from './harness.ts';
import { builtCheckerData } from './checker-ui.ts';
import { pdfText, squash } from './pdf-text.ts';

let browser: Browser;
let site: Awaited<ReturnType<typeof startSite>>;
let data: CheckerData;
let appeal: AppealData;
beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  data = builtCheckerData();
  appeal = JSON.parse(readFileSync(`${DIST}/data/appeal.json`, 'utf8')) as AppealData;
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

const shots = process.env.LETTER_SCREENSHOTS;

describe('the appeal letter', () => {
  it('opens from the checker, takes identifiers, and prints V01 under Cohere on at most 3 pages with every criterion and citation', async () => {
    const facts = vignette('V01-baseline');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(new URL(`check/#${encodeFragment(facts)}`, site.url).href);
    await page.waitForSelector('[data-line="cohere-ma"][data-outcome]');
    await page.click('[data-line="cohere-ma"] [data-letter-link]');
    await page.waitForSelector('.letter-points');
    expect(await page.evaluate(() => location.pathname)).toBe('/check/letter/');
    // The link carries only the line; the facts come from this browser's saved copy.
    await expect.poll(() => page.textContent('[data-problems]')).toContain('saved in this browser');
    expect(await page.inputValue('#letter-line')).toBe('cohere-ma');
    await page.fill('#letter-memberName', 'Jordan Example');
    await page.fill('#letter-memberId', 'ZX-0042');
    await page.fill('#letter-claimNumber', 'CLM 7781');
    await page.fill(
      '#letter-denialReason',
      'Not medically necessary:\nbehavioural health not shown',
    );
    await expect.poll(() => page.textContent('.letter-ids')).toContain('ZX-0042');
    if (shots) await page.screenshot({ path: `${shots}/letter-1280.png`, fullPage: true });

    const letter = buildLetter(
      data,
      appeal.sources,
      'cohere-ma',
      facts,
      {
        memberName: 'Jordan Example',
        memberId: 'ZX-0042',
        claimNumber: 'CLM 7781',
        denialReason: 'Not medically necessary: behavioural health not shown',
      },
      'any date',
    );
    expect(await page.locator('.letter-points > li').count()).toBe(letter.points.length);

    await page.emulateMedia({ media: 'print' });
    expect(await page.isHidden('.letter-tools')).toBe(true);
    expect(await page.isHidden('.letter-notes')).toBe(true);
    const pdf = await page.pdf({ format: 'Letter', printBackground: true });
    if (shots) (await import('node:fs')).writeFileSync(`${shots}/letter-v01-cohere.pdf`, pdf);
    const { pages, text } = pdfText(pdf);
    console.log(`V01 under Cohere MA prints on ${pages} page(s)`);
    expect(pages).toBeLessThanOrEqual(3);
    const printed = squash(text);
    const missing: string[] = [];
    const want = (s: string) => !printed.includes(squash(s)) && missing.push(s);
    for (const p of letter.points) {
      want(p.label);
      if (p.citation) want(citationWords(p.citation));
    }
    want('ZX-0042');
    want('“Not medically necessary: behavioural health not shown”');
    letter.references.forEach((r) => want(r.text));
    expect(missing).toEqual([]);
    expect(offSite(requests, site.url)).toEqual([]);
    await context.close();
  });

  it('keeps identifiers in this browser only, through an emptied form, and "Clear all facts" in the checker clears them too', async () => {
    const facts = vignette('V06-no-behavioral-health-assessment');
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(
      new URL(`check/letter/#${encodeFragment(facts, { line: 'cohere-ma' })}`, site.url).href,
    );
    await page.waitForSelector('.letter-points');
    await page.fill('#letter-memberId', 'KEEP-ME-LOCAL');
    await page.reload();
    await page.waitForSelector('.letter-points');
    expect(await page.inputValue('#letter-memberId')).toBe('KEEP-ME-LOCAL');
    // The identifier is in no address the page used.
    expect(await page.evaluate(() => location.href)).not.toContain('KEEP-ME-LOCAL');
    // A checker form emptied field by field removes the saved facts, not the identifiers.
    await page.goto(new URL(`check/#${encodeFragment({ ageYears: '55' })}`, site.url).href);
    await page.waitForSelector('[data-line="cohere-ma"][data-outcome]');
    await page.fill('#f-ageYears', '');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('bvn-atlas:checker:facts')))
      .toBeNull();
    expect(await page.evaluate(() => Object.values(localStorage).join(' '))).toContain(
      'KEEP-ME-LOCAL',
    );
    await page.goto(new URL(`check/#${encodeFragment(facts)}`, site.url).href);
    await page.waitForSelector('[data-line="cohere-ma"][data-outcome]');
    await page.click('[data-action="clear"]');
    await page.goto(new URL('check/letter/', site.url).href);
    await page.waitForSelector('.letter-points');
    expect(await page.inputValue('#letter-memberId')).toBe('');
    expect(await page.evaluate(() => Object.values(localStorage).join(' '))).not.toContain(
      'KEEP-ME-LOCAL',
    );
    expect(offSite(requests, site.url)).toEqual([]);
    await context.close();
  });

  it('copies itself as plain text and Markdown, raises 422.101(b)(6) for an MA member in an LCD state, and is axe clean on screen, on a phone and in print', async () => {
    const facts = { ...vignette('V01-baseline'), state: 'WA' as const };
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(site.url).origin,
    });
    const page = await context.newPage();
    await page.goto(
      new URL(
        `check/letter/#${encodeFragment(facts, { line: 'mgb-medicare-advantage' })}`,
        site.url,
      ).href,
    );
    await page.waitForSelector('[data-medicare-rule]');
    expect(await page.textContent('[data-medicare-rule]')).toContain('42 CFR 422.101, (b)(6)');
    if (shots) {
      await page.screenshot({ path: `${shots}/letter-375-tools.png` });
      const box = (await page.locator('.letter').boundingBox())!;
      await page.screenshot({
        path: `${shots}/letter-375.png`,
        fullPage: true,
        clip: { x: 0, y: box.y, width: 375, height: 1400 },
      });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-action="copy-text"]');
    await expect.poll(() => page.textContent('[data-status]')).toBe('Letter copied as plain text.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const letter = buildLetter(data, appeal.sources, 'mgb-medicare-advantage', facts, {}, 'x');
    // The date is the browser's; everything after it is the model's text.
    expect(copied.slice(copied.indexOf('\n'))).toBe(
      letterText(letter).slice(letterText(letter).indexOf('\n')),
    );
    await page.click('[data-action="copy-markdown"]');
    const markdown = letterMarkdown(letter);
    await expect
      .poll(async () => {
        const t = await page.evaluate(() => navigator.clipboard.readText());
        return t.slice(t.indexOf('\n'));
      })
      .toBe(markdown.slice(markdown.indexOf('\n')));
    await page.check('[data-print-notes]');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.letter-notes')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
