/**
 * The browser pair page, /compare/pair/?a=…&b=…, in Chromium: for every pre-rendered pair page in
 * dist/, the browser page shows the same heading, text and links; bad ids are explained inline
 * with the way back; the form chooses a pair in three steps; without JavaScript a note points at
 * the pre-rendered pairs and the matrix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LineIndex } from '../../src/lib/compare/pair-query.ts';
import { browserPairPath, pairPath } from '../../src/lib/compare/pairs.ts';
import { axeViolations, DIST, offSite, useSite } from './harness.ts';

const env = useSite();

/** What a reader gets from a pair page's content: its heading, its text and its links. */
interface Seen {
  title: string;
  text: string;
  links: string[];
  headings: string[];
}

/** The heading and the pair's content ([data-pair-view]) as the user sees them: rendered text, links, outline. */
function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const view = document.querySelector<HTMLElement>('[data-pair-view]')!;
    return {
      title: squash(document.querySelector('h1')!.innerText),
      text: squash(view.innerText),
      links: [...view.querySelectorAll('a')].map(
        (a) => `${squash(a.innerText)} → ${a.getAttribute('href')}`,
      ),
      headings: [...view.querySelectorAll('h2, h3, h4')].map(
        (h) => `${h.tagName} ${squash((h as HTMLElement).innerText)}`,
      ),
    };
  });
}

/** Waits until the island has shown a comparison or said why it cannot. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-pair-view]')!.childElementCount > 0 ||
      !document.querySelector<HTMLElement>('[data-pair-problems]')!.hidden ||
      /Choose two/.test(document.querySelector('[data-pair-status]')!.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
}

const index = JSON.parse(readFileSync(join(DIST, 'data/lines.json'), 'utf8')) as LineIndex;
/** Every pre-rendered pair of two payer lines in dist/ (pages pairing a line with a trial are not pairs of lines). */
const prerendered = index.lines.flatMap((a) =>
  index.lines
    .filter((b) => a.id < b.id && existsSync(join(DIST, pairPath(a.id, b.id), 'index.html')))
    .map((b) => [a.id, b.id] as const),
);

describe('the browser pair page', () => {
  it('shows, for every pre-rendered pair, what the pre-rendered page shows', async () => {
    expect(prerendered.length).toBeGreaterThan(0);
    const viewport = { width: 1280, height: 900 };
    const reference = await env.browser.newPage({ viewport });
    // One island page for every pair, as a reader comparing pair after pair uses it: each pair
    // is chosen with the form, and the comparison replaces the previous one.
    const island = await env.browser.newPage({ viewport });
    const requests: string[] = [];
    island.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    island.on('pageerror', (e) => errors.push(e.message));
    const [first] = prerendered;
    await island.goto(new URL(browserPairPath(first![0], first![1]), env.site.url).href);
    await settled(island);
    const started = Date.now();
    for (const [a, b] of prerendered) {
      await reference.goto(new URL(pairPath(a, b), env.site.url).href);
      const expected = await seen(reference);
      await island.locator('#pair-a').selectOption(a);
      await island.locator('#pair-b').selectOption(b);
      await island.getByRole('button', { name: 'Compare' }).click();
      await island.waitForFunction(
        () =>
          document.querySelector('[data-pair-status]')!.textContent === '' ||
          !document.querySelector<HTMLElement>('[data-pair-problems]')!.hidden,
        undefined,
        { timeout: 60_000 },
      );
      expect(await seen(island), `${a} and ${b}`).toEqual(expected);
      expect(await island.title()).toBe(`${expected.title} · BVN Atlas`);
      expect(new URL(island.url()).search).toBe(new URL(browserPairPath(a, b), 'http://x').search);
    }
    // Printed, not asserted (principle 8): how long the comparison of every pair took.
    console.log(
      `pair.test: ${prerendered.length} pairs compared in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(errors).toEqual([]);
    expect(offSite(requests, env.site.url)).toEqual([]);
    await reference.close();
    await island.close();
  });

  it('explains an unknown line inline, keeps the other line chosen and links to the pair index', async () => {
    const page = await env.browser.newPage();
    await page.goto(new URL('/compare/pair/?a=cohere-ma&b=no-such-line', env.site.url).href);
    await settled(page);
    const problems = page.locator('[data-pair-problems]');
    expect(await problems.getAttribute('role')).toBe('alert');
    expect(await problems.innerText()).toContain(
      'There is no current policy line “no-such-line” (the second line, b=no-such-line).',
    );
    expect(
      await problems.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['/compare/pairs/', '/compare/']);
    expect(await page.locator('#pair-a').inputValue()).toBe('cohere-ma');
    expect(await page.locator('[data-pair-view]').innerText()).toBe('');
    await page.close();
  });

  it('refuses the same line twice, saying so', async () => {
    const page = await env.browser.newPage();
    await page.goto(new URL('/compare/pair/?a=cohere-ma&b=cohere-ma', env.site.url).href);
    await settled(page);
    expect(await page.locator('[data-pair-problems]').innerText()).toContain(
      'Both lines are “cohere-ma”: choose two different policy lines.',
    );
    await page.close();
  });

  it('compares a pair chosen on the page in three steps: two choices and Compare', async () => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(new URL('/compare/pair/', env.site.url).href);
    await settled(page);
    expect(await page.locator('#pair-a option').count()).toBe(index.lines.length + 1);
    // Listed payer by payer: MGB's five lines under one heading.
    const mgb = page.locator('#pair-a optgroup[label="Mass General Brigham Health Plan"] option');
    expect(await mgb.count()).toBe(5);
    // Narrowing both lists keeps a line already chosen.
    await page.locator('#pair-a').selectOption('uhc-commercial');
    await page.locator('#pair-filter').fill('cohere');
    expect(await page.locator('#pair-b option:not([value=""])').allTextContents()).toEqual(
      index.lines.filter((l) => /cohere/i.test(`${l.name} ${l.payer}`)).map((l) => l.name),
    );
    expect(await page.locator('#pair-a').inputValue()).toBe('uhc-commercial');
    expect(await page.locator('[data-pair-filter-count]').innerText()).toMatch(
      new RegExp(`^\\d+ of ${index.lines.length} lines match`),
    );
    await page.locator('#pair-b').selectOption('cohere-ma');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/\?a=uhc-commercial&b=cohere-ma$/);
    await settled(page);
    const names = new Map(index.lines.map((l) => [l.id, l.name]));
    expect(await page.locator('h1').innerText()).toBe(
      `${names.get('uhc-commercial')} and ${names.get('cohere-ma')} compared`,
    );
    expect(await page.locator('[data-pair-view] ul.summary li').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    // On paper the comparison prints without the form that chose it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-pair-form]').isVisible()).toBe(false);
    expect(await page.locator('[data-pair-view] ul.summary').isVisible()).toBe(true);
    await page.close();
  });

  it('without JavaScript, points at the pre-rendered pairs and the matrix', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('/compare/pair/?a=cohere-ma&b=mgb-sco', env.site.url).href);
    const note = page.locator('bvn-pair noscript p');
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain('needs JavaScript');
    expect(
      await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['/compare/pairs/', '/compare/']);
    expect(await page.locator('[data-pair-form]').isVisible()).toBe(false);
    await context.close();
  });
});
