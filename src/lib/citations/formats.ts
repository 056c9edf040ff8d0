/**
 * BibTeX, RIS and CSL-JSON from CSL records, by citation-js (core with its bibtex and ris plugins
 * only, so the appeal packet can load it in the browser when a file is asked for; the AMA style
 * and citeproc stay in export.ts, for the build). The same functions write /cite/<id>.* at build
 * time and the packet's reference files in the browser, so the two cannot differ.
 *
 * Truncated author lists: some records end their authors with `{ "literal": "et al." }` because
 * only the first authors could be read. BibTeX turns it into the keyword `others` (which BibTeX
 * styles print as "et al."); RIS and CSL-JSON drop it (neither has a way to say "and more", and an
 * author named "et al." would be wrong in a reference manager).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Source } from '../schema/source.ts';

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
/** A CSL-JSON item: the record without the site's fields, `id` and `citation-key` set to the site id. */
export type CslItem = Record<string, unknown> & { id: string; author?: CslName[] };

const isEtAl = (name: CslName) => 'literal' in name && /^et al\.?$/i.test(name.literal.trim());

/** Whether the record marks its author list as truncated. */
export function hasTruncatedAuthors(source: { author?: readonly CslName[] }): boolean {
  return (source.author ?? []).some(isEtAl);
}

/**
 * The record as a CSL-JSON item. `etAl` says what to do with a truncation marker: keep it, drop
 * it, or write BibTeX's `others`.
 */
export function cslItem(
  id: string,
  source: Source | CslItem,
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

const bibtexMonths = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/**
 * BibTeX reads `month` as one of its macros (`month = may`); citation-js writes `{may 29}` or
 * `{5}`. The month becomes the macro and a day goes to biblatex's `date` field (ISO 8601), which
 * BibTeX ignores.
 */
export function fixBibtexDates(entry: string): string {
  const year = /^\s*year = \{(\d{4})\},?$/m.exec(entry)?.[1];
  return entry.replace(
    /^(\s*)month = \{(?:(\d{1,2})|([a-z]{3})(?: (\d{1,2}))?)\}(,?)$/m,
    (line, indent: string, number?: string, name?: string, day?: string, comma = '') => {
      const month = number ? bibtexMonths[Number(number) - 1] : name;
      if (!month || !bibtexMonths.includes(month as never)) return line;
      const monthLine = `${indent}month = ${month}`;
      if (!day || !year) return `${monthLine}${comma}`;
      const iso = `${year}-${String(bibtexMonths.indexOf(month as never) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
      return `${monthLine},\n${indent}date = {${iso}}${comma}`;
    },
  );
}

/** BibTeX entries, separated by a blank line; a truncated author list ends in `and others`. */
export function bibtexOf(items: readonly CslItem[]): string {
  return `${items
    .map((item) => {
      const out = new Cite([cslItem(item.id, item, 'others')]).format('bibtex', { format: 'text' });
      // citation-js braces a literal name ({others}); BibTeX only reads the bare keyword as "et al.".
      return fixBibtexDates(out.replace(/ and \{others\}/g, ' and others').trim());
    })
    .join('\n\n')}\n`;
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

/**
 * RIS records, one after another. citation-js hard-wraps values at 70 characters, which splits
 * titles and URLs for most importers (RIS has no continuation lines), so the pieces are joined.
 */
export function risOf(items: readonly CslItem[]): string {
  return `${items
    .map((item) =>
      unwrapRis(
        new Cite([cslItem(item.id, item, 'drop')]).format('ris', { format: 'text' }),
      ).trim(),
    )
    .join('\n')}\n`;
}

/** CSL-JSON: one array of items, as reference managers import it. */
export function cslJsonOf(items: readonly CslItem[]): string {
  const data = new Cite(items.map((item) => cslItem(item.id, item, 'drop'))).format('data', {
    format: 'object',
  }) as CslItem[];
  return `${JSON.stringify(data, null, 2)}\n`;
}
