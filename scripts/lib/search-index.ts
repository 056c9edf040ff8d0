/**
 * The search index, built by pagefind from the pages it indexes only. Pagefind indexes just the
 * pages marked `data-pagefind-body` once any page is, but it reads and parses every HTML file to
 * find out; at 3,000 lines most of the site is pair pages and matrix views, which are not
 * indexed, and reading them was three quarters of pagefind's time (29.5 s of which 7 s indexing).
 * So the marked pages are copied into a scratch folder and pagefind reads only those, writing
 * its bundle into the site. The copies are spaced for pagefind (`spaceBlocks`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The marker of an indexed page (BaseLayout.astro sets it on every page not marked noSearch). */
export const indexedMarker = 'data-pagefind-body';

/**
 * What is already known of some files of a site: a partial build's carried pages are the last
 * build's files, so whether each is indexed was recorded then and need not be read again.
 */
export interface KnownPages {
  files: ReadonlySet<string>;
  indexed: ReadonlySet<string>;
}

/**
 * The HTML files under `site` that pagefind indexes (relative paths, in order). Files in
 * `known.files` are taken from `known.indexed` without being read.
 */
export function indexedPages(site: string, known?: KnownPages): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const file = relative(site, path);
      if (entry.isDirectory()) {
        if (file !== 'pagefind') visit(path);
      } else if (
        entry.name.endsWith('.html') &&
        (known?.files.has(file) ? known.indexed.has(file) : isIndexed(path))
      )
        out.push(file);
    }
  };
  visit(site);
  return out.sort();
}

const isIndexed = (path: string) => readFileSync(path).includes(indexedMarker);

/**
 * Block elements whose text pagefind joins to the next element's when no whitespace separates
 * them, as Astro's compressed HTML leaves them: `<dt>Topic</dt><dd>mechanism</dd>` was indexed as
 * the one word "Topicmechanism", so neither word found the page and snippets read "Issued
 * byKaiser". (It separates p, li, td, div, headings; not dt, dd, figcaption, summary, blockquote.)
 */
const blockTags =
  'address|article|aside|blockquote|caption|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|legend|li|main|nav|ol|p|pre|section|summary|table|td|th|tr|ul';
const blockBoundary = new RegExp(`</(?:${blockTags})>|<(?:${blockTags})(?=[\\s>])`, 'gi');

/**
 * A page as pagefind should read it: a space on each side of every block element's tags, where
 * a browser breaks the line anyway. What readers are served is unchanged.
 */
export function spaceBlocks(html: string): string {
  return html.replace(blockBoundary, (tag) => (tag.startsWith('</') ? `${tag} ` : ` ${tag}`));
}

/**
 * Runs pagefind on the indexed pages of `site`, writing `site/pagefind/`. Returns the problems
 * and the pages indexed, which the next partial build passes back as `known`.
 */
export function buildSearchIndex(
  site: string,
  options: { known?: KnownPages; pagefind?: string } = {},
): { problems: string[]; pages: string[] } {
  const scratch = `${site}.search`;
  rmSync(scratch, { recursive: true, force: true });
  const pages = indexedPages(site, options.known);
  if (pages.length === 0)
    return { problems: [`no page under ${site}/ is marked ${indexedMarker}`], pages };
  for (const page of pages) {
    mkdirSync(dirname(join(scratch, page)), { recursive: true });
    writeFileSync(join(scratch, page), spaceBlocks(readFileSync(join(site, page), 'utf8')));
  }
  const result = spawnSync(
    options.pagefind ?? 'pagefind',
    ['--site', scratch, '--output-path', join(site, 'pagefind'), '--quiet'],
    { stdio: 'inherit' },
  );
  rmSync(scratch, { recursive: true, force: true });
  if (result.status === 0) return { problems: [], pages };
  return {
    problems: [`pagefind failed (${result.error?.message ?? `exit code ${result.status}`})`],
    pages,
  };
}
