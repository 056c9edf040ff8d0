/**
 * The comparison pages in Chromium: the matrix, a pair's diff, the print handout and the 375 px
 * view, with axe-core clean at that width too; the exports and the Atom feed as a browser reads them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, useSite } from './harness.ts';
import { outcomeLabel } from '../../src/lib/engine/types.ts';

const env = useSite();

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await env.browser.newPage({ viewport });
  const response = await page.goto(new URL(path, env.site.url).href);
  expect(response?.ok(), path).toBe(true);
  return page;
}

describe('the criteria matrix', () => {
  it('shows every criterion against every current line, with the differences in words', async () => {
    const page = await open('/compare/');
    const table = page.locator('table.matrix');
    await expect(table.locator('caption').textContent()).resolves.toBe('Criteria by policy line');
    const columns = await table.locator('thead th[scope="col"]').count();
    expect(columns).toBe(17); // criterion, how they differ, 15 lines
    const row = table.locator('#criterion-spondylolisthesis');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(
      'Excludes any spondylolisthesis: slip ≥ 2 mm and correlates with the predominant complaint',
    );
    expect(text).toContain('Excludes any spondylolisthesis: slip > 2 mm');
    expect(text).toMatch(
      /slip: Cohere MA v3 ≥ 2 mm; MGB 097 \(Jan 2026\), Commercial and Qualified Health Plan > 2 mm/,
    );
    expect(await row.locator('th[scope="row"]').textContent()).toContain('Spondylolisthesis');
    expect(await page.locator('script').count()).toBe(0);
    await page.close();
  });

  it('offers one static page per view, each showing only its lines', async () => {
    const page = await open('/compare/views/payer-type-medicare-contractor/');
    const headers = await page.locator('table.matrix thead th[scope="col"] > a').allTextContents();
    expect(headers).toEqual(['LCD L39420', 'LCD L39642', 'LCD L39644']);
    expect(await page.locator('.view-menu a[aria-current="page"]').textContent()).toBe(
      'Medicare contractors (LCDs)',
    );
    await page.close();
  });
});

describe('views by state and payer, and the listings by payer', () => {
  it('shows a state’s LCD and the plans selling there, and a payer’s lines, each in the menu', async () => {
    const page = await open('/compare/views/state-wa/');
    const headers = await page.locator('table.matrix thead th[scope="col"] > a').allTextContents();
    expect(headers).toEqual(
      expect.arrayContaining(['LCD L39642', expect.stringMatching(/^Kaiser WA BVNA criteria/)]),
    );
    expect(headers).not.toContain('Cohere MA v3');
    // The state group is folded on a view page, and open on the page of one of its views.
    const states = page.locator('#views-state details');
    expect(await states.getAttribute('open')).not.toBeNull();
    expect(await states.locator('a[aria-current="page"]').textContent()).toBe('WA');
    await page.goto(new URL('/compare/views/payer-mgb-health-plan/', env.site.url).href);
    const mgb = await page.locator('table.matrix thead th[scope="col"] > a').allTextContents();
    expect(mgb.length).toBe(5);
    for (const h of mgb) expect(h).toMatch(/^MGB 097/);
    expect(await page.locator('h1').textContent()).toBe(
      'Criteria matrix: Payer: Mass General Brigham Health Plan',
    );
    await page.close();
  });

  it('lists policies by payer, each payer’s page linking its policies', async () => {
    const page = await open('/policies/');
    const item = page.locator('nav.payers li', { hasText: 'Mass General Brigham Health Plan' });
    expect(await item.textContent()).toContain('(1 current, 1 earlier)');
    const mgb = item.locator('a');
    expect(await mgb.getAttribute('href')).toBe('/policies/payer/mgb-health-plan/');
    await mgb.click();
    await page.waitForURL(/\/policies\/payer\/mgb-health-plan\/$/);
    expect(await page.locator('table a').allTextContents()).toEqual(['MGB 097 (Jan 2026)']);
    expect(await page.locator('h2 + ul a').allTextContents()).toEqual(['MGB 097 (Oct 2025)']);
    await page.close();
  });

  it('prints MGB’s shared criteria once, and a link to a borrowing line’s rule lands on that rule', async () => {
    const page = await open('/policies/mgb-097-2026-01/#mgb-onecare--age-25-or-older');
    expect(await page.locator('ul.criteria').count()).toBe(1);
    expect(await page.locator('#line-mgb-commercial ul.criteria').count()).toBe(1);
    const onecare = page.locator('#line-mgb-onecare');
    expect(await onecare.textContent()).toContain('printed once, under');
    expect(await onecare.locator('a[href="#line-mgb-commercial"]').count()).toBe(1);
    // The anchor of the borrowing line sits on the same rule of the printed tree, highlighted.
    const rule = page.locator('#mgb-commercial--age-25-or-older');
    expect(await rule.locator('> #mgb-onecare--age-25-or-older').count()).toBe(1);
    expect(await rule.evaluate((li) => getComputedStyle(li).backgroundColor)).toBe(
      'rgb(255, 247, 214)',
    );
    await page.close();
  });

  it('lists pair pages by payer, each link a built pair page', async () => {
    const page = await open('/compare/pairs/');
    const link = page.locator('nav.payers a', { hasText: 'Cohere Health' });
    expect(await link.getAttribute('href')).toBe('/compare/pairs/cohere-health/');
    await link.click();
    await page.waitForURL(/\/compare\/pairs\/cohere-health\/$/);
    const partners = page.locator('#with-cohere-ma ~ ul.partners a');
    expect(await partners.count()).toBe(14);
    expect(await partners.first().getAttribute('href')).toMatch(/^\/compare\/[^/]+\/[^/]+\/$/);
    const response = await page.goto(
      new URL((await partners.first().getAttribute('href'))!, env.site.url).href,
    );
    expect(response?.ok()).toBe(true);
    await page.close();
  });
});

describe('a pair’s diff page', () => {
  it('summarises the differences and shows who is affected, evaluated under both policies', async () => {
    const page = await open('/compare/cohere-ma/mgb-commercial/');
    const summary = (await page.locator('ul.summary').textContent()) ?? '';
    expect(summary).toMatch(
      /Cohere MA v3 rules out a patient with spondylolisthesis \(slip 2 mm, correlates with the predominant complaint\); MGB .* does not/,
    );
    const section = page.locator('#pair-spondylolisthesis');
    const witnessRow = section.locator('tr.witness').first();
    expect(await witnessRow.locator('th').textContent()).toContain(
      'slip 2 mm, correlates with the predominant complaint',
    );
    expect(await witnessRow.locator('td').allTextContents()).toEqual([
      expect.stringContaining(outcomeLabel.fails),
      expect.stringContaining(outcomeLabel['needs-proprietary-review']),
    ]);
    expect(await page.locator('#pair-only-b').textContent()).toMatch(/Only in MGB .* \(3\)/);
    expect(await page.locator('#pair-concurrent-procedures').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('links both encoded MGB 097 versions to their version diff', async () => {
    for (const policy of ['mgb-097-2025-10', 'mgb-097-2026-01']) {
      const page = await open(`/policies/${policy}/`);
      await expect(
        page
          .locator('#history ~ p a[href="/compare/versions/mgb-097-2025-10/mgb-097-2026-01/"]')
          .count(),
      ).resolves.toBe(1);
      await page.close();
    }
    const page = await open('/compare/versions/mgb-097-2025-10/mgb-097-2026-01/');
    expect(await page.locator('ul.summary').textContent()).toContain(
      'The criteria of the 3 lines in both versions are unchanged.',
    );
    await page.close();
  });
});

describe('the print handout', () => {
  it('prints landscape, without navigation, as the grouped handout at a small but legible size, repeating the header row', async () => {
    const page = await open('/compare/views/payer-type-medicare-contractor/');
    await page.emulateMedia({ media: 'print' });
    const report = await page.evaluate(() => {
      const pageRules = [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules])
        .filter((r): r is CSSPageRule => r instanceof CSSPageRule);
      const display = (selector: string) =>
        getComputedStyle(document.querySelector(selector)!).display;
      const cell = document.querySelector('table.handout tbody td.cell p')!;
      return {
        landscape: pageRules.some((r) => r.style.getPropertyValue('size').includes('landscape')),
        header: display('.site-header'),
        footer: display('.site-footer'),
        views: display('.view-menu'),
        breadcrumbs: display('.breadcrumbs'),
        fontPx: parseFloat(getComputedStyle(cell).fontSize),
        thead: getComputedStyle(document.querySelector('table.handout thead')!).display,
        screenTable: display('.matrix-scroll'),
        handout: display('.matrix-handout'),
      };
    });
    expect(report).toMatchObject({
      landscape: true,
      header: 'none',
      footer: 'none',
      views: 'none',
      breadcrumbs: 'none',
      thead: 'table-header-group',
      screenTable: 'none',
      handout: 'block',
    });
    expect(report.fontPx).toBeGreaterThanOrEqual(9.3); // 7 pt
    expect(report.fontPx).toBeLessThanOrEqual(10.7); // 8 pt
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
      'latin1',
    );
    const [, width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    expect(Number(width)).toBeGreaterThan(Number(height));
    await page.close();
  });
});

describe('the matrix at 375 px', () => {
  it('keeps the page from scrolling sideways and scrolls the table in a labelled, focusable region', async () => {
    const page = await open('/compare/', { width: 375, height: 800 });
    const sizes = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    const region = page.locator('.table-scroll').filter({ has: page.locator('table.matrix') });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(
      await region.evaluate(
        (el) => document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent,
      ),
    ).toBe('Criteria by policy line');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // Keyboard: focus the region and scroll it with the arrow keys.
    await region.focus();
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('table-scroll')),
    ).toBe(true);
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // The criterion column stays in view while the table scrolls.
    const [regionLeft, firstCellLeft] = await region.evaluate((el) => [
      el.getBoundingClientRect().left,
      el.querySelector('tbody th')!.getBoundingClientRect().left,
    ]);
    expect(Math.abs(firstCellLeft - regionLeft)).toBeLessThanOrEqual(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps the pair page within 375 px too', async () => {
    const page = await open('/compare/cohere-ma/mgb-commercial/', { width: 375, height: 800 });
    const sizes = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('exports and feed', () => {
  it('serves the matrix as CSV and JSON with the same rows', async () => {
    const page = await open('/compare/');
    const result = await page.evaluate(async () => {
      const csv = await (await fetch('/exports/criteria-matrix.csv')).text();
      const json = (await (await fetch('/exports/criteria-matrix.json')).json()) as {
        rows: { concept: string }[];
      };
      return {
        header: csv.replace(/^\uFEFF/, '').split('\r\n')[0],
        csvRows: csv.trim().split('\r\n').length - 1,
        jsonRows: json.rows.length,
        first: json.rows[0],
      };
    });
    expect(result.header).toBe(
      'concept,conceptLabel,line,lineName,policy,status,statusLabel,variant,rule,citationSource,locator,verification,provenance',
    );
    expect(result.jsonRows).toBeGreaterThan(400);
    expect(result.csvRows).toBe(result.jsonRows);
    expect(result.first?.concept).toBe('minimum-age');
    await page.close();
  });

  it('serves a well-formed Atom feed of policy revisions, newest first, linked from every page', async () => {
    const page = await open('/');
    expect(
      await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href'),
    ).toBe('/feed.xml');
    const feed = await page.evaluate(async () => {
      const doc = new DOMParser().parseFromString(
        await (await fetch('/feed.xml')).text(),
        'application/xml',
      );
      const atom = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(atom, 'entry')];
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        feedFields: ['id', 'title', 'updated', 'author'].map(
          (n) => doc.documentElement.getElementsByTagNameNS(atom, n).length > 0,
        ),
        entries: entries.map((e) => ({
          id: e.getElementsByTagNameNS(atom, 'id')[0]?.textContent,
          updated: e.getElementsByTagNameNS(atom, 'updated')[0]?.textContent ?? '',
          href: e.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href') ?? '',
        })),
      };
    });
    expect(feed.error).toBe(0);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.feedFields).toEqual([true, true, true, true]);
    expect(feed.entries.length).toBeGreaterThan(5);
    const updated = feed.entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    for (const e of feed.entries) expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    for (const href of new Set(feed.entries.map((e) => new URL(e.href).pathname))) {
      const response = await page.request.get(new URL(href, env.site.url).href);
      expect(response.ok(), href).toBe(true);
    }
    await page.close();
  });
});
