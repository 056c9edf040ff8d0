/**
 * The search index, built by pagefind from the pages it indexes only. Pagefind indexes just the
 * pages marked `data-pagefind-body` once any page is, but it reads and parses every HTML file to
 * find out; at 3,000 lines most of the site is pair pages and matrix views, which are not
 * indexed, and reading them was three quarters of pagefind's time (29.5 s of which 7 s indexing).
 * So the marked pages are hard-linked into a scratch folder and pagefind reads only those,
 * writing its bundle into the site. The index is the same, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The marker of an indexed page (BaseLayout.astro sets it on every page not marked noSearch). */
export const indexedMarker = 'data-pagefind-body';

/** The HTML files under `site` that pagefind indexes (relative paths, in order). */
export function indexedPages(site: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relative(site, path) !== 'pagefind') visit(path);
      } else if (entry.name.endsWith('.html') && readFileSync(path).includes(indexedMarker))
        out.push(relative(site, path));
    }
  };
  visit(site);
  return out.sort();
}

/** Runs pagefind on the indexed pages of `site`, writing `site/pagefind/`; returns the problems. */
export function buildSearchIndex(site: string, pagefind = 'pagefind'): string[] {
  const scratch = `${site}.search`;
  rmSync(scratch, { recursive: true, force: true });
  const pages = indexedPages(site);
  if (pages.length === 0) return [`no page under ${site}/ is marked ${indexedMarker}`];
  for (const page of pages) {
    mkdirSync(dirname(join(scratch, page)), { recursive: true });
    linkSync(join(site, page), join(scratch, page));
  }
  const result = spawnSync(
    pagefind,
    ['--site', scratch, '--output-path', join(site, 'pagefind'), '--quiet'],
    { stdio: 'inherit' },
  );
  rmSync(scratch, { recursive: true, force: true });
  if (result.status === 0) return [];
  return [`pagefind failed (${result.error?.message ?? `exit code ${result.status}`})`];
}
