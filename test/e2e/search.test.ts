/**
 * Site search in Chromium: the header's plain GET form lands on /search/, pagefind finds the
 * pages a reader would expect, filters narrow the results, the count is announced, and the
 * page stays axe-clean with results and filters shown. Pagefind loads only when search is used.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, useSite } from './harness.ts';

const env = useSite();

interface Session {
  page: Page;
  errors: string[];
  pagefindRequests: string[];
  close(): Promise<void>;
}

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Session> {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const pagefindRequests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on(
    'request',
    (r) => r.url().includes('/pagefind/') && pagefindRequests.push(new URL(r.url()).pathname),
  );
  await page.goto(new URL(path, env.site.url).href);
  return { page, errors, pagefindRequests, close: () => context.close() };
}

/** Waits until the live region has announced a search, and returns the announcement. */
async function announced(page: Page, previous = ''): Promise<string> {
  await page.waitForFunction((before) => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text !== '' && text !== before;
  }, previous);
  return (await page.textContent('#search-status')) ?? '';
}

/** Result URLs in the order shown, after expanding every "Show more results". */
async function resultPaths(page: Page): Promise<string[]> {
  while (await page.isVisible('[data-more]')) {
    const before = await page.locator('#search-results li').count();
    await page.click('[data-more]');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results li').length > n,
      before,
    );
  }
  return page.$$eval('#search-results li h3 a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

describe('site search', () => {
  it('starts from the header form on a content page, which loads no search code itself', async () => {
    const s = await open('/policies/');
    await s.page.fill('#site-search-q', 'spondylolisthesis');
    await s.page.press('#site-search-q', 'Enter');
    await s.page.waitForURL(/\/search\/\?q=spondylolisthesis$/);
    expect(await s.page.inputValue('#search-q')).toBe('spondylolisthesis');
    expect(await announced(s.page)).toMatch(/^\d+ results? for “spondylolisthesis”\.$/);
    // Only the search page asked for pagefind, and only its JS API (not the default UI).
    expect(s.pagefindRequests).toContain('/pagefind/pagefind.js');
    expect(
      s.pagefindRequests.filter((p) => /pagefind-(ui|modular-ui|component-ui)/.test(p)),
    ).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('finds the Cohere and MGB policies for "spondylolisthesis"', async () => {
    const s = await open('/search/?q=spondylolisthesis');
    await announced(s.page);
    const paths = await resultPaths(s.page);
    expect(paths).toContain('/policies/cohere-ma-v3/');
    expect(paths).toContain('/policies/mgb-097-2026-01/');
    await s.close();
  });

  // The criteria matrix is built on the compare branch: this fails until that branch is merged.
  it('finds the criteria matrix for "spondylolisthesis"', async () => {
    const s = await open('/search/?q=spondylolisthesis');
    await announced(s.page);
    expect(await resultPaths(s.page)).toContain('/compare/');
    await s.close();
  });

  it('finds a trial’s study pages first by the trial’s name', async () => {
    const s = await open('/search/?q=SMART');
    await announced(s.page);
    // The trial and its follow-ups each have a study page; they rank above the sources they cite.
    const paths = await resultPaths(s.page);
    expect(paths.slice(0, 3).every((p) => p.startsWith('/studies/smart-'))).toBe(true);
    expect(paths.slice(0, 3)).toContain('/studies/smart-2018/');
    // The snippet is the page's own text, not the hidden filter values ("study") before it.
    expect(await s.page.textContent('#search-results li .excerpt')).toMatch(/^SMART/);
    await s.close();
  });

  it('narrows results with filters, keeps them in the URL and announces the new count', async () => {
    const s = await open('/search/?q=spondylolisthesis');
    const before = await announced(s.page);
    const all = await resultPaths(s.page);
    await s.page.check('input[name="payer"][value="Cohere"]');
    const after = await announced(s.page, before);
    expect(after).toBe('1 result for “spondylolisthesis”, with 1 filter.');
    expect(await resultPaths(s.page)).toEqual(['/policies/cohere-ma-v3/']);
    expect(all.length).toBeGreaterThan(1);
    expect(new URL(s.page.url()).searchParams.getAll('payer')).toEqual(['Cohere']);
    expect(await s.page.textContent('label:has-text("Cohere")')).toContain('(1)');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('combines values of one filter with "any" and different filters with "all"', async () => {
    const s = await open('/search/?q=spondylolisthesis&payer=Cohere&payer=MGB%20Health%20Plan');
    await announced(s.page);
    expect((await resultPaths(s.page)).sort()).toEqual([
      '/policies/cohere-ma-v3/',
      '/policies/mgb-097-2025-10/',
      '/policies/mgb-097-2026-01/',
    ]);
    const before = (await s.page.textContent('#search-status')) ?? '';
    await s.page.check('input[name="line"][value="Medicaid"]');
    expect(await announced(s.page, before)).toBe(
      '2 results for “spondylolisthesis”, with 3 filters.',
    );
    expect((await resultPaths(s.page)).sort()).toEqual([
      '/policies/mgb-097-2025-10/',
      '/policies/mgb-097-2026-01/',
    ]);
    await s.close();
  });

  it('lists every page of a kind from a filter alone, without search words', async () => {
    const s = await open('/search/?kind=study');
    expect(await announced(s.page)).toMatch(/^\d+ results?, with 1 filter\.$/);
    const paths = await resultPaths(s.page);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith('/studies/'))).toBe(true);
    await s.close();
  });

  it('offers exactly the filter values that the built index holds', async () => {
    const s = await open('/search/');
    const offered = await s.page.$$eval('input[type="checkbox"][data-filter]', (boxes) =>
      boxes
        .map((b) => `${(b as HTMLInputElement).dataset.filter}=${(b as HTMLInputElement).value}`)
        .sort(),
    );
    // A string, so the test runner does not rewrite the browser's dynamic import().
    const indexed: string[] = await s.page.evaluate(`(async () => {
      const filters = await (await import('/pagefind/pagefind.js')).filters();
      return Object.entries(filters).flatMap(([name, values]) => Object.keys(values).map((v) => name + '=' + v)).sort();
    })()`);
    expect(offered).toEqual(indexed);
    expect(offered.some((o) => o.startsWith('product line='))).toBe(true);
    await s.close();
  });

  it('does not load pagefind until the search box is used', async () => {
    const s = await open('/search/');
    await s.page.waitForLoadState('networkidle');
    expect(s.pagefindRequests).toEqual([]);
    await s.page.focus('#search-q');
    await s.page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((e) => e.name.includes('/pagefind/pagefind.js')),
    );
    expect(s.pagefindRequests).toContain('/pagefind/pagefind.js');
    await s.close();
  });

  it('says so when nothing matches', async () => {
    const s = await open('/search/?q=zzzqqqxxv');
    expect(await announced(s.page)).toBe('No results for “zzzqqqxxv”.');
    expect(await s.page.isVisible('#search-results')).toBe(false);
    await s.close();
  });

  it('works from the keyboard alone: type, submit with Enter, tab to a filter, toggle it with Space', async () => {
    const s = await open('/search/');
    await s.page.focus('#search-q');
    await s.page.keyboard.type('bmi');
    await s.page.keyboard.press('Enter');
    const first = await announced(s.page);
    expect(first).toMatch(/^\d+ results? for “bmi”\.$/);
    // The Search button, the "Filters" disclosure, then the first filter checkbox.
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => document.activeElement?.localName)).toBe('summary');
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      'kind',
    );
    await s.page.keyboard.press('Space');
    expect(await announced(s.page, first)).toMatch(/, with 1 filter\.$/);
    await s.close();
  });

  it('folds the filters away on a narrow screen, unless the URL chose some, so results come first', async () => {
    const narrow = { width: 375, height: 800 };
    const s = await open('/search/?q=bmi', narrow);
    await announced(s.page);
    expect(await s.page.isVisible('input[name="kind"]')).toBe(false);
    expect(await s.page.isVisible('#search-results li')).toBe(true);
    await s.page.click('summary');
    expect(await s.page.isVisible('input[name="kind"]')).toBe(true);
    const chosen = await open('/search/?q=bmi&kind=policy', narrow);
    expect(await chosen.page.isVisible('input[name="kind"][value="policy"]')).toBe(true);
    await s.close();
    await chosen.close();
  });

  it('has no axe violations with results and filters shown', async () => {
    const s = await open('/search/?q=spondylolisthesis&kind=policy');
    await announced(s.page);
    expect(await axeViolations(s.page)).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
