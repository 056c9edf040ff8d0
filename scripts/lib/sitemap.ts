/**
 * The sitemap (@astrojs/sitemap: sitemap-index.xml and the sitemaps it names), read with the XML
 * parser, and the check that it lists every built page but the ones deliberately left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils } from 'htmlparser2';
import { parseXml } from './html.ts';

/** Built pages deliberately left out of the sitemap (not content a search engine should list). */
export const notInSitemap: readonly string[] = ['/404.html'];

/** The `<loc>` URLs of one sitemap or sitemap index, in order. */
export function sitemapLocs(xml: string): string[] {
  return DomUtils.getElementsByTagName('loc', parseXml(xml).children).map((loc) =>
    DomUtils.textContent(loc).trim(),
  );
}

/** The page paths the sitemap lists, in order; throws naming the file when a part is missing. */
export function sitemapPages(dist: string): string[] {
  const index = join(dist, 'sitemap-index.xml');
  if (!existsSync(index))
    throw new Error(
      `${index} is missing: the @astrojs/sitemap integration did not run (check astro.config.mjs).`,
    );
  const pages: string[] = [];
  for (const loc of sitemapLocs(readFileSync(index, 'utf8'))) {
    const pathname = decodeURIComponent(new URL(loc).pathname);
    const file = join(dist, pathname);
    if (!existsSync(file))
      throw new Error(`sitemap-index.xml lists ${pathname}, which was not built.`);
    for (const page of sitemapLocs(readFileSync(file, 'utf8')))
      pages.push(decodeURIComponent(new URL(page).pathname));
  }
  return pages;
}

/** Pages the sitemap lists but were not built, and built pages it does not list. */
export function sitemapProblems(listed: readonly string[], built: readonly string[]): string[] {
  const builtSet = new Set(built);
  const listedSet = new Set(listed);
  return [
    ...listed.filter((p) => !builtSet.has(p)).map((p) => `sitemap lists ${p}, which was not built`),
    ...built
      .filter((p) => !listedSet.has(p) && !notInSitemap.includes(p))
      .map((p) => `${p} was built but the sitemap does not list it`),
  ];
}
