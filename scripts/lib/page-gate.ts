/**
 * The static checks of one built page, before any browser starts: its Content-Security-Policy
 * (./csp.ts), nothing that leaves the site (./off-site.ts) and no script outside the islands
 * (./islands.ts). One parse per page; `scripts/check-pages.ts` runs this over every page.
 */
import { cspProblems } from './csp.ts';
import { parseHtml, type HtmlDocument } from './html.ts';
import { scriptProblems, wasmPages } from './islands.ts';
import { offSiteProblems } from './off-site.ts';

export function pageProblems(page: string | HtmlDocument, path: string): string[] {
  const doc = typeof page === 'string' ? parseHtml(page) : page;
  return [
    ...cspProblems(doc, path, { wasmPages }),
    ...offSiteProblems(doc, path),
    ...scriptProblems(doc, path),
  ];
}
