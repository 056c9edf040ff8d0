/**
 * Shared set-up for browser tests: the built site served on a free loopback port
 * (scripts/lib/static-server.ts, applying the site's _headers file) and the system Chromium driven
 * by playwright-core (scripts/lib/browser.ts). Chromium is never downloaded; when it is missing
 * the tests fail with instructions (they never skip, in CI or out of it).
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export { launchBrowser };

export const DIST = 'dist';

/** Serves dist/ on a free port; fails clearly when the site has not been built. */
export async function startSite() {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/index.html is missing: run `npm run build` before the browser tests.');
  return serveStatic(DIST, { port: 0 });
}

/** The built site and a browser for one test file: started before its tests, closed after them. */
export interface SiteEnv {
  site: Awaited<ReturnType<typeof startSite>>;
  browser: Browser;
}

/** Registers the file's set-up and tear-down; read `env.site` and `env.browser` inside tests. */
export function useSite(): SiteEnv {
  const env = {} as SiteEnv;
  beforeAll(async () => {
    env.site = await startSite();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    env.site?.server.close();
  });
  return env;
}

/** The requested URLs that left the site (`data:` and `blob:` URLs stay in the page). */
export const offSite = (requests: readonly string[], siteUrl: string): string[] =>
  requests.filter(
    (u) =>
      !u.startsWith(new URL(siteUrl).origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );

/** axe-core tags for WCAG 2.2 level AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core's WCAG 2.2 AA rules on the page as it is now (@axe-core/playwright); one line per
 * violation with up to three targets. Legacy mode runs axe inside the page itself instead of
 * opening a second page to merge frame results: the site has no frames, and pages opened with
 * `browser.newPage()` cannot open a second page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode().analyze();
  return result.violations.map(
    (v) =>
      `${v.id} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}
