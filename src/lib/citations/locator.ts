/** Turning a citation into words: "Non-Indications, item 16" and a link target in the bibliography. */
import type { Citation, Verification } from '../schema/common.ts';

/** The locator in words, e.g. "Non-Indications, item 16; p. 1150". */
export function formatLocator(
  citation: Pick<Citation, 'section' | 'item' | 'page' | 'table'>,
): string {
  const parts: string[] = [];
  if (citation.section) parts.push(citation.section);
  if (citation.item !== undefined) parts.push(`item ${citation.item}`);
  if (citation.table) parts.push(citation.table);
  if (citation.page) parts.push(`p. ${citation.page}`);
  return parts.join(', ');
}

/** URL of a source's entry in the bibliography. */
export function bibliographyHref(sourceId: string): string {
  return `/bibliography/#${sourceId}`;
}

/** The label that applies to a cited statement: its own, else its source's. */
export function effectiveVerification(
  citation: Pick<Citation, 'verification'>,
  sourceVerification: Verification,
): Verification {
  return citation.verification ?? sourceVerification;
}

/** A citation as plain text, for copying: "Cohere MA BVN policy v3, Non-Indications, item 16". */
export function citationText(citation: Citation, shortTitle: string): string {
  const locator = formatLocator(citation);
  return locator ? `${shortTitle}, ${locator}` : shortTitle;
}
