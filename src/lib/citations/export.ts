/**
 * Citation export at build time: a source record as an AMA reference (citation-js with its CSL
 * plugin and the project's AMA style), and as BibTeX, RIS and CSL-JSON through formats.ts, which
 * the appeal packet also loads in the browser. The site's own fields (kind, verification,
 * sections…) are removed first; they are not CSL.
 *
 * AMA keeps a truncation marker (it prints as "…, Franke J, et al."); formats.ts says what the
 * other formats do with it.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Source } from '../schema/source.ts';
import { amaStyle, amaStyleName } from './ama-style.ts';
import { bibtexOf, cslItem, cslJsonOf, risOf } from './formats.ts';

export { cslItem, hasTruncatedAuthors, unwrapRis, type CslItem } from './formats.ts';

plugins.config.get('@csl').styles.add(amaStyleName, amaStyle);

/** The AMA reference as plain text (one line, no trailing newline). */
export function amaText(id: string, source: Source): string {
  return new Cite([cslItem(id, source, 'keep')])
    .format('bibliography', { template: amaStyleName, format: 'text', lang: 'en-US' })
    .trim();
}

/** The AMA reference as HTML (titles in <i>), escaped by citation-js; for build-time pages only. */
export function amaHtml(id: string, source: Source): string {
  const html = new Cite([cslItem(id, source, 'keep')]).format('bibliography', {
    template: amaStyleName,
    format: 'html',
    lang: 'en-US',
  });
  const entry = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  if (!entry?.[1]) throw new Error(`amaHtml: citation-js produced no entry for source ${id}`);
  return entry[1].trim();
}

/** BibTeX of one source (`month = may`, the day in `date`), a truncated author list ending in `and others`. */
export function bibtex(id: string, source: Source): string {
  return bibtexOf([cslItem(id, source, 'keep')]);
}

/** RIS of one source, one line per tag. */
export function ris(id: string, source: Source): string {
  return risOf([cslItem(id, source, 'keep')]);
}

/** CSL-JSON of one source: an array with one item, as reference managers import it. */
export function cslJson(id: string, source: Source): string {
  return cslJsonOf([cslItem(id, source, 'keep')]);
}
