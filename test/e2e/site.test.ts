/**
 * One built page per route template (every page file under src/pages, so a new route is covered
 * without editing a list) and every island page, in Chromium: no console errors or failed
 * requests, no request to another origin, and zero axe-core violations for WCAG 2.2 AA.
 *
 * What holds for every page without a browser (CSP, nothing off the site, no script on content
 * pages, links and anchors, the sitemap) is checked before any browser starts, by
 * `npm run test:pages` (scripts/check-pages.ts). Each page here is its own test with its own time
 * limit, a few at a time, so the time a test may take does not grow with the site.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../../scripts/lib/dist-files.ts';
import { isIsland } from '../../scripts/lib/islands.ts';
import { outputsByRoute, routeTemplates, withOutput } from '../../scripts/lib/routes.ts';
import { axeViolations, DIST, useSite } from './harness.ts';

/**
 * Per page: load and axe take seconds at rest and took up to 89 s (/compare/) at a load average of
 * about 20 on two cores; this limit only catches a hang.
 */
const pageTimeoutMs = 600_000;

const built = existsSync(DIST) ? htmlPages(DIST) : [];
// A template that builds pages only at scale (its file says why) is visited when it built some.
const templates = withOutput(
  routeTemplates().filter((t) => t.kind === 'page'),
  built,
);
const outputs = outputsByRoute(templates, built);
const visits = new Map<string, string | undefined>(
  templates.map((t) => [`${t.route} (${t.file})`, outputs.get(t)![0]]),
);
for (const path of built.filter(isIsland))
  if (![...visits.values()].includes(path)) visits.set(`${path} (island)`, path);

const env = useSite();

describe('one page per route template, and every island', () => {
  it('covers every page template and island', () => {
    expect(templates.length).toBeGreaterThan(15);
    expect([...visits.values()].filter((p) => p !== undefined && isIsland(p))).toEqual(
      expect.arrayContaining(['/check/', '/search/', '/bibliography/export/']),
    );
  });

  it.concurrent.each([...visits])(
    '%s loads without console errors, failed or foreign requests, or axe violations',
    async (_, path) => {
      expect(path, 'this route template built no page').toBeDefined();
      const context = await env.browser.newContext();
      const page = await context.newPage();
      const origin = new URL(env.site.url).origin;
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('request', (r) => {
        if (!r.url().startsWith(`${origin}/`) && !r.url().startsWith('data:'))
          problems.push(`request to another origin: ${r.url()}`);
      });
      try {
        const response = await page.goto(new URL(path!, env.site.url).href, { waitUntil: 'load' });
        if (!response?.ok()) problems.push(`HTTP ${response?.status()}`);
        problems.push(...(await axeViolations(page)).map((v) => `axe: ${v}`));
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    },
    pageTimeoutMs,
  );
});
