/**
 * The appeal packet in Chromium: printed to PDF with every criterion and citation in it, copied
 * as plain text and Markdown (and through the fallback box when copying is refused), its
 * references downloaded in three formats, axe clean.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckerData } from '../../src/lib/checker/data.ts';
import { encodeFragment } from '../../src/lib/checker/fragment.ts';
import { buildPacket } from '../../src/lib/checker/packet.ts';
import { packetMarkdown, packetText } from '../../src/lib/checker/packet-text.ts';
import { vignette } from '../helpers/content.ts';
import { axeViolations, launchBrowser, offSite, startSite } from './harness.ts';
import { builtCheckerData } from './checker-ui.ts';
import { pdfText, squash } from './pdf-text.ts';

let browser: Browser;
let site: Awaited<ReturnType<typeof startSite>>;
let data: CheckerData;
beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  data = builtCheckerData();
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

describe('the appeal packet', () => {
  it('prints each documented fact whole, in one column beside its label', async () => {
    const modic = (level: string, endplate: 'inferior' | 'superior', type: 1 | 2) => ({
      level,
      endplate,
      type,
    });
    // Only the imaging facts: the two columns are balanced, and the split fell inside this list.
    const facts = {
      mriReport: true,
      modicChanges: [
        modic('L4', 'inferior', 1),
        modic('L5', 'superior', 1),
        modic('L1', 'inferior', 2),
        modic('L2', 'superior', 2),
      ],
    };
    // About the width of a Letter page inside its margins.
    const context = await browser.newContext({ viewport: { width: 720, height: 960 } });
    const page = await context.newPage();
    await page.goto(
      new URL(`check/packet/#${encodeFragment(facts, { line: 'cohere-ma' })}`, site.url).href,
    );
    await page.waitForSelector('.packet table');
    await page.emulateMedia({ media: 'print' });
    // A value broken across the two columns has a box in each.
    const split = await page.$$eval('.packet dl.facts dd', (values) =>
      values.filter((v) => v.getClientRects().length > 1).map((v) => v.textContent),
    );
    expect(split).toEqual([]);
    await context.close();
  });

  it('opens from the checker and prints to PDF with every criterion, status and citation', async () => {
    const facts = vignette('V06-no-behavioral-health-assessment');
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(new URL(`check/#${encodeFragment(facts)}`, site.url).href);
    await page.waitForSelector('[data-line="cohere-ma"][data-outcome]');
    await page.click('[data-line="cohere-ma"] [data-packet-link]');
    await page.waitForSelector('.packet table');
    const packet = buildPacket(data, 'cohere-ma', facts);
    expect(await page.textContent('#packet-title')).toBe(packet.title);
    expect(await page.locator('.packet tbody tr').count()).toBe(packet.rows.length);

    await page.emulateMedia({ media: 'print' });
    expect(await page.isHidden('.packet-tools')).toBe(true);
    const pdf = await page.pdf({ format: 'Letter', printBackground: true });
    const { pages, text } = pdfText(pdf);
    expect(pages).toBeGreaterThan(2);
    // Every page carries the policy and its version at the top and its number at the foot; those
    // running lines are taken out before the body is searched (they fall inside split paragraphs).
    const pageTexts = text.split('\f').slice(0, pages).map(squash);
    const running = [squash(packet.policyVersion), squash('BVN Atlas appeal packet')];
    const bodies = pageTexts.map((page, i) => {
      for (const line of [...running, squash(`Page ${i + 1} of ${pages}`)])
        expect(page, `page ${i + 1}: ${line}`).toContain(line);
      return running.reduce(
        (body, line) => body.replace(line, ''),
        page.replace(squash(`Page ${i + 1} of ${pages}`), ''),
      );
    });
    // No page but the last is left half blank (a group kept whole used to push itself to the next page).
    const median = [...bodies].map((b) => b.length).sort((a, b) => a - b)[Math.floor(pages / 2)]!;
    bodies
      .slice(0, -1)
      .forEach((body, i) =>
        expect(body.length, `page ${i + 1} holds ${body.length} characters`).toBeGreaterThan(
          median * 0.5,
        ),
      );
    const printed = bodies.join('');
    const missing: string[] = [];
    const want = (s: string) => !printed.includes(squash(s)) && missing.push(s);
    want(packet.title);
    want(packet.outcomeLabel);
    for (const row of packet.rows) {
      want(row.label);
      if (row.citation) want(`[${row.citation.n}] ${row.citation.short}, ${row.citation.locator}`);
      row.facts.forEach(want);
      // Each open criterion says whether the trials and guidelines read use it, with citations.
      if (row.evidence) want(`Evidence: ${row.evidence.text}`);
      row.evidence?.citations.forEach((c) => want(`[${c.n}] ${c.short}, ${c.locator}`));
    }
    expect(packet.rows.filter((r) => r.evidence).length).toBeGreaterThan(0);
    packet.missing.forEach(want);
    for (const e of packet.evidence) e.statements.forEach((s) => want(s.text));
    for (const r of packet.references) want(r.text);
    expect(missing).toEqual([]);
    // Cohere's behavioural health criterion is the one V06 lacks.
    expect(printed).toContain(
      squash('A behavioural health assessment (formal or informal) is recorded in the chart'),
    );
    expect(printed).toContain(
      squash(
        'Document a behavioural health assessment (formal or informal) in the chart, with details or resources on interventions to reduce the risks it finds.',
      ),
    );
    expect(offSite(requests, site.url)).toEqual([]);
    await context.close();
  });

  it('copies itself as plain text and Markdown, and offers a box to copy from when the browser refuses', async () => {
    const facts = vignette('V03-age-19');
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(site.url).origin,
    });
    const page = await context.newPage();
    await page.goto(
      new URL(`check/packet/#${encodeFragment(facts, { line: 'mgb-commercial' })}`, site.url).href,
    );
    await page.waitForSelector('.packet h2');
    const packet = buildPacket(data, 'mgb-commercial', facts);
    const origin = new URL(site.url).origin;
    await page.click('[data-action="copy-text"]');
    await expect.poll(() => page.textContent('[data-status]')).toBe('Packet copied as plain text.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      packetText(packet, origin),
    );
    await page.click('[data-action="copy-markdown"]');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(packetMarkdown(packet, origin));
    expect(packetText(packet)).toContain('Fails criteria');

    const refusing = await browser.newContext();
    await refusing.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    const page2 = await refusing.newPage();
    await page2.goto(
      new URL(`check/packet/#${encodeFragment(facts, { line: 'mgb-commercial' })}`, site.url).href,
    );
    await page2.waitForSelector('.packet h2');
    await page2.click('[data-action="copy-markdown"]');
    await expect.poll(() => page2.isVisible('#packet-copy-fallback')).toBe(true);
    expect(await page2.inputValue('#packet-copy-fallback')).toBe(packetMarkdown(packet, origin));
    expect(await page2.evaluate(() => document.activeElement?.id)).toBe('packet-copy-fallback');
    await context.close();
    await refusing.close();
  });

  it('switches policy from its menu, keeping the facts, and is axe clean on screen and in print', async () => {
    const facts = vignette('V01-baseline');
    // About the width of a Letter page inside its margins.
    const context = await browser.newContext({ viewport: { width: 720, height: 960 } });
    const page = await context.newPage();
    await page.goto(
      new URL(`check/packet/#${encodeFragment(facts, { line: 'cohere-ma' })}`, site.url).href,
    );
    await page.waitForSelector('.packet table');
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#packet-line', 'kaiser-wa-medicare');
    await expect
      .poll(() => page.textContent('#packet-title'))
      .toBe(buildPacket(data, 'kaiser-wa-medicare', facts).title);
    expect(await page.evaluate(() => location.hash)).toMatch(/^#line=kaiser-wa-medicare&facts=/);
    await page.emulateMedia({ media: 'print' });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('downloads exactly the sources it cites as BibTeX, RIS and CSL-JSON, one click each, fetching nothing off the site', async () => {
    const facts = vignette('V01-baseline');
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(
      new URL(`check/packet/#${encodeFragment(facts, { line: 'cohere-ma' })}`, site.url).href,
    );
    await page.waitForSelector('.packet table');
    const cited = buildPacket(data, 'cohere-ma', facts).references.map((r) => r.id);
    expect(cited.length).toBeGreaterThan(5);
    const file = async (action: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-action="${action}"]`),
      ]);
      return {
        name: download.suggestedFilename(),
        text: readFileSync(await download.path(), 'utf8'),
      };
    };
    const bib = await file('refs-bib');
    expect(bib.name).toMatch(/\.bib$/);
    expect([...bib.text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])).toEqual(cited);
    // BibTeX's month macro, the day in biblatex's date field.
    expect(bib.text).not.toMatch(/month = \{/);
    const ris = await file('refs-ris');
    expect(ris.name).toMatch(/\.ris$/);
    expect(ris.text.match(/^TY {2}- /gm)).toHaveLength(cited.length);
    const csl = await file('refs-json');
    expect(csl.name).toMatch(/\.json$/);
    expect((JSON.parse(csl.text) as { id: string }[]).map((i) => i.id)).toEqual(cited);
    expect(offSite(requests, site.url)).toEqual([]);
    await context.close();
  });

  it('says so when the link holds no facts and nothing is saved, and still renders the criteria', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('check/packet/', site.url).href);
    await page.waitForSelector('.packet table');
    expect(await page.textContent('.packet')).toContain('No facts are documented yet.');
    await context.close();
  });
});
