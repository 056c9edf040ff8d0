/**
 * Shared set-up for browser tests: the built site served on a free loopback port and the
 * system Chromium driven by playwright-core. Chromium is never downloaded; when it is missing
 * the tests fail with instructions (they never skip, in CI or out of it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { htmlPages } from '../../scripts/lib/dist-files.ts';
import { serveStatic } from '../../scripts/serve.ts';

export const DIST = 'dist';

/** The Chromium binary: $CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `Chromium not found at ${path}. Install it with \`apt-get install -y chromium\` (or set CHROME_PATH to a Chromium binary); browser tests do not download browsers.`,
    );
  return path;
}

/** Flags for a quiet, offline, headless Chromium (playwright gives it a fresh temporary --user-data-dir). */
export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
}

/** Serves dist/ on a free port; fails clearly when the site has not been built. */
export async function startSite() {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/index.html is missing: run `npm run build` before the browser tests.');
  return serveStatic(DIST, 0);
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

/** axe-core's browser bundle, to inject with `page.evaluate(axeSource)`. */
export const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe-core's WCAG 2.2 AA rules on the page as it is now; one line per violation with up to three targets. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: {
            run: (
              o: unknown,
            ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run({ runOnly: { type: 'tag', values: tags } }),
    wcagTags,
  );
  return result.violations.map(
    (v) =>
      `${v.id} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/** Every built HTML page as a URL path ("/policies/cohere-ma-v3/"), as the static gates read them. */
export function builtPages(dir = DIST): string[] {
  return htmlPages(dir);
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

/** axe-core tags for WCAG 2.2 level AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Built pages deliberately left out of the sitemap (not content a search engine should list). */
export const notInSitemap = ['/404.html'];

/**
 * The page paths listed by dist/sitemap-index.xml and the sitemaps it points to, in order.
 * The browser crawl starts from here (as Starlight's a11y test does), so a page that exists but
 * is missing from the sitemap is noticed by comparing this list with `builtPages()`.
 */
export function sitemapPages(dir = DIST): string[] {
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index))
    throw new Error(
      `${index} is missing: the @astrojs/sitemap integration did not run (check astro.config.mjs).`,
    );
  const locs = (xml: string) =>
    [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')));
  const pages: string[] = [];
  for (const sitemap of locs(readFileSync(index, 'utf8'))) {
    const file = join(dir, decodeURIComponent(sitemap.pathname));
    if (!existsSync(file))
      throw new Error(`sitemap-index.xml lists ${sitemap.pathname}, which was not built.`);
    pages.push(...locs(readFileSync(file, 'utf8')).map((url) => decodeURIComponent(url.pathname)));
  }
  return pages;
}
