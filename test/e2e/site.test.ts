/**
 * Every page in the sitemap (plus the few built pages deliberately left out of it) in Chromium:
 * no console errors or failed requests, no request to another origin, zero axe-core violations
 * for WCAG 2.2 AA, and no client JavaScript except on the interactive pages. The sitemap and the
 * built files must list the same pages, so a page missing from the sitemap fails here.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  builtPages,
  DIST,
  inBatches,
  notInSitemap,
  sitemapPages,
  useSite,
} from './harness.ts';

/** Pages that are interactive islands and may load scripts. */
const interactive = [/^\/check\//, /^\/search\//, /^\/bibliography\/export\/$/];

const env = useSite();

interface PageReport {
  path: string;
  errors: string[];
  foreign: string[];
  violations: string[];
  scripts: number;
}

async function inspect(path: string): Promise<PageReport> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const origin = new URL(env.site.url).origin;
  const report: PageReport = { path, errors: [], foreign: [], violations: [], scripts: 0 };
  page.on('console', (m) => m.type() === 'error' && report.errors.push(m.text()));
  page.on('pageerror', (e) => report.errors.push(e.message));
  page.on('requestfailed', (r) => report.errors.push(`request failed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) report.foreign.push(r.url());
  });
  const response = await page.goto(new URL(path, env.site.url).href, { waitUntil: 'load' });
  if (!response?.ok() && path !== '/404.html') report.errors.push(`HTTP ${response?.status()}`);
  report.scripts = await page
    .locator('script:not([type="application/json"]):not([type="application/ld+json"])')
    .count();
  report.violations = await axeViolations(page);
  await context.close();
  return report;
}

// The crawl grows with the site (every study, guideline, claim, source and comparison pair has a page)
// and runs axe on each, so its time limit grows with it: a budget per page on busy shared cores.
const crawlTimeoutMs = 120_000 + 2_500 * (existsSync(DIST) ? builtPages().length : 0);

describe('the sitemap', () => {
  it('lists every built page except those deliberately left out, and nothing that was not built', () => {
    const listed = sitemapPages();
    const built = builtPages();
    expect(listed.filter((p) => !built.includes(p))).toEqual([]);
    expect(built.filter((p) => !listed.includes(p) && !notInSitemap.includes(p))).toEqual([]);
  });
});

describe('every page in the sitemap', () => {
  it(
    'loads without console errors, foreign requests or axe violations, and content pages carry no script',
    async () => {
      const pages = [...sitemapPages(), ...notInSitemap];
      expect(pages.length).toBeGreaterThan(20);
      const reports = await inBatches(pages, 4, inspect);
      const problems = reports.flatMap((r) => [
        ...r.errors.map((e) => `${r.path}: console: ${e}`),
        ...r.foreign.map((u) => `${r.path}: request to another origin: ${u}`),
        ...r.violations.map((v) => `${r.path}: axe: ${v}`),
        ...(r.scripts > 0 && !interactive.some((re) => re.test(r.path))
          ? [`${r.path}: ${r.scripts} script element(s) on a content page`]
          : []),
      ]);
      expect(problems).toEqual([]);
    },
    crawlTimeoutMs,
  );
});
