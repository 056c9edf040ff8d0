/**
 * Citation export: a source record as an AMA reference, BibTeX, RIS and CSL-JSON, produced by
 * citation-js (@citation-js/core with its bibtex, ris and csl plugins) at build time. The site's
 * own fields (kind, verification, sections…) are removed first; they are not CSL.
 *
 * Truncated author lists: some records end their authors with `{ "literal": "et al." }` because
 * only the first authors could be read. Each format handles that marker on purpose:
 * AMA keeps it (it prints as "…, Franke J, et al."), BibTeX turns it into the keyword `others`
 * (which BibTeX styles print as "et al."), RIS and CSL-JSON drop it (neither has a way to say
 * "and more", and an author named "et al." would be wrong in a reference manager).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { Source } from '../schema/source.ts';
import { amaStyle, amaStyleName } from './ama-style.ts';

plugins.config.get('@csl').styles.add(amaStyleName, amaStyle);
// BibTeX keys are the site's ids (kebab-case, valid for BibTeX and biber), not generated labels.
plugins.config.get('@bibtex').format.checkLabel = false;

/** Fields BVN Atlas adds to CSL-JSON records. */
const siteFields = [
  'kind',
  'verification',
  'sections',
  'description',
  'lastReviewed',
  'seed',
  'related',
] as const;

type CslName = NonNullable<Source['author']>[number];
export type CslItem = Record<string, unknown> & { id: string; author?: CslName[] };

const isEtAl = (name: CslName) => 'literal' in name && /^et al\.?$/i.test(name.literal.trim());

/** Whether the record marks its author list as truncated. */
export function hasTruncatedAuthors(source: Source): boolean {
  return (source.author ?? []).some(isEtAl);
}

/**
 * The record as a CSL-JSON item: site fields removed, `id` and `citation-key` set to the
 * site's id (so BibTeX keys and RIS ids match the bibliography anchors). `etAl` says what to do
 * with a truncation marker: keep it, drop it, or write BibTeX's `others`.
 */
export function cslItem(
  id: string,
  source: Source,
  etAl: 'keep' | 'drop' | 'others' = 'drop',
): CslItem {
  const item: Record<string, unknown> = { ...source };
  for (const field of siteFields) delete item[field];
  if (source.author) {
    const authors = source.author.filter((n) => !isEtAl(n));
    if (hasTruncatedAuthors(source) && etAl === 'keep') authors.push({ literal: 'et al.' });
    if (hasTruncatedAuthors(source) && etAl === 'others') authors.push({ literal: 'others' });
    item.author = authors;
  }
  return { ...item, id, 'citation-key': id };
}

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

/** BibTeX, with a truncated author list ending in `and others`. */
export function bibtex(id: string, source: Source): string {
  const out = new Cite([cslItem(id, source, 'others')]).format('bibtex', { format: 'text' });
  // citation-js braces a literal name ({others}); BibTeX only reads the bare keyword as "et al.".
  return `${out.replace(/ and \{others\}/g, ' and others').trim()}\n`;
}

/**
 * RIS. citation-js hard-wraps values at 70 characters, which splits titles and URLs for most
 * importers (RIS has no continuation lines), so the wrapped pieces are joined again.
 */
export function ris(id: string, source: Source): string {
  const out = new Cite([cslItem(id, source, 'drop')]).format('ris', { format: 'text' });
  return `${unwrapRis(out).trim()}\n`;
}

/** Joins lines that do not start with a RIS tag to the line before them. */
export function unwrapRis(text: string): string {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[A-Z][A-Z0-9] {2}-( |$)/.test(line) || lines.length === 0) lines.push(line);
    else if (line !== '') lines[lines.length - 1] += line;
  }
  return lines.join('\n');
}

/** CSL-JSON: an array with one item, as reference managers import it. */
export function cslJson(id: string, source: Source): string {
  const [item] = new Cite([cslItem(id, source, 'drop')]).format('data', {
    format: 'object',
  }) as CslItem[];
  return `${JSON.stringify([item], null, 2)}\n`;
}
