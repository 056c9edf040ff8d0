/**
 * The second half of a partial build (src/data/partial-build.ts): Astro rendered only the pages
 * whose digest changed, and this copies every other recorded page from the last output into the
 * staged site; `writeSitemap` then lists the carried pages in the sitemap too.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageManifest } from '../../src/data/partial-build.ts';
import { sitemapLocs } from './sitemap.ts';

/** The parts of the site digest that differ between two builds: why every page was rendered. */
export function changedParts(previous: PageManifest, next: PageManifest): string[] {
  const names = new Set([...Object.keys(previous.parts ?? {}), ...Object.keys(next.parts)]);
  return [...names].filter((name) => previous.parts?.[name] !== next.parts[name]);
}

/** The pages of `next` to take from the last output: recorded alike in both manifests. */
export function carriedPages(previous: PageManifest, next: PageManifest): string[] {
  if (previous.site !== next.site) return [];
  return Object.keys(next.pages)
    .filter((file) => previous.pages[file] === next.pages[file])
    .sort();
}

/** The URL path of a page file: `a/b/index.html` is `/a/b/`, `data/x.json` is `/data/x.json`. */
export function pagePath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

const urlsetOpen =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Rewrites the staged sitemap (@astrojs/sitemap's single part) with `extra` page paths added and
 * every URL in order, so a partial build's sitemap, which Astro wrote for the rendered pages only,
 * is the same file as a full build's. Returns the problems (a sitemap in several parts).
 */
export function writeSitemap(staging: string, extra: readonly string[] = []): string[] {
  const index = join(staging, 'sitemap-index.xml');
  const parts = existsSync(index) ? sitemapLocs(readFileSync(index, 'utf8')) : [];
  if (parts.length !== 1) return [`expected one sitemap part, and ${index} lists ${parts.length}`];
  const part = join(staging, new URL(parts[0]!).pathname);
  const locs = sitemapLocs(readFileSync(part, 'utf8'));
  const origin = new URL(locs[0] ?? parts[0]!).origin;
  const merged = new Set(locs);
  for (const page of extra) merged.add(new URL(page, origin).href);
  writeFileSync(
    part,
    `${urlsetOpen}${[...merged]
      .sort()
      .map((loc) => `<url><loc>${escapeXml(loc)}</loc></url>`)
      .join('')}</urlset>`,
  );
  return [];
}

/**
 * Copies the carried pages from `from` into `to` and lists them in the staged sitemap. Returns
 * them and the problems: a carried page missing from the last output (edited or removed by hand), or a
 * sitemap in several parts.
 */
export function carryForward(options: {
  from: string;
  to: string;
  previous: PageManifest;
  next: PageManifest;
}): { carried: string[]; changed: string[]; problems: string[] } {
  const { from, to } = options;
  const carried = carriedPages(options.previous, options.next);
  const changed = changedParts(options.previous, options.next);
  const problems: string[] = [];
  for (const file of carried) {
    const source = join(from, file);
    if (!existsSync(source)) {
      problems.push(
        `${source} is missing from the last output, so it cannot be carried forward: build without --incremental`,
      );
      continue;
    }
    mkdirSync(dirname(join(to, file)), { recursive: true });
    // A hard link where the file system allows (no build writes into a built file), else a copy.
    try {
      linkSync(source, join(to, file));
    } catch {
      copyFileSync(source, join(to, file));
    }
  }
  problems.push(
    ...writeSitemap(to, carried.filter((file) => file.endsWith('.html')).map(pagePath)),
  );
  return { carried, changed, problems };
}
