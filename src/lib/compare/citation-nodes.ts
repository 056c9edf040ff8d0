/**
 * Citations as view nodes (view-nodes.ts): a verification badge, an inline citation and the places
 * a rule is stated, from a lookup of the cited sources. The same markup as the site's <Cite> and
 * badges, so a diff reads alike at build time and in the browser.
 */
import { bibliographyHref, effectiveVerification, formatLocator } from '../citations/locator.ts';
import type { Citation, Verification } from '../schema/common.ts';
import { verificationLabel } from '../schema/verification-label.ts';
import { el, type ViewNode } from './view-nodes.ts';

/** What a view needs to know of a cited source. */
export interface SourceSummary {
  /** The source's short title. */
  title: string;
  verification: Verification;
}
/** Looks a source up by id; undefined when there is no such source. */
export type SourceLookup = (id: string) => SourceSummary | undefined;

function sourceOrThrow(sourceOf: SourceLookup, id: string, where: string): SourceSummary {
  const source = sourceOf(id);
  if (!source) throw new Error(`${where}: unknown source "${id}"`);
  return source;
}

/** A label saying how well a statement is established (nothing for `verified`, unless `always`). */
export function badgeNodes(verification: Verification, always = false): ViewNode[] {
  if (!always && verification === 'verified') return [];
  return [
    el(
      'span',
      { class: `badge ${verification}`, title: 'How BVN Atlas could check this; see About' },
      verificationLabel[verification],
    ),
  ];
}

/** An inline citation: "[Short title, locator]" and a badge unless verified or `quietWhen`. */
export function citeNodes(
  citation: Citation,
  sourceOf: SourceLookup,
  quietWhen?: Verification,
): ViewNode[] {
  const source = sourceOrThrow(sourceOf, citation.source, 'citation');
  const locator = formatLocator(citation);
  const verification = effectiveVerification(citation, source.verification);
  return [
    el(
      'span',
      { class: 'cite' },
      '[',
      el('a', { href: bibliographyHref(citation.source) }, source.title),
      locator && `, ${locator}`,
      ']',
      verification !== 'verified' && verification !== quietWhen
        ? [' ', ...badgeNodes(verification)]
        : [],
    ),
  ];
}

/**
 * The places a rule is stated, compactly: per source, its short title (linked to the
 * bibliography) and each locator linked to the rule on the policy page; a badge only when it
 * differs from `shownVerification` (the label the surrounding table already shows).
 */
export function ruleCitationNodes(
  places: readonly { citation?: Citation; anchor?: string }[],
  sourceOf: SourceLookup,
  shownVerification?: Verification,
): ViewNode[] {
  const groups: {
    source: string;
    title: string;
    verification: Verification;
    items: { locator: string; anchor?: string }[];
  }[] = [];
  for (const place of places) {
    const citation = place.citation;
    if (!citation) continue;
    const source = sourceOrThrow(sourceOf, citation.source, 'rule citation');
    const verification = effectiveVerification(citation, source.verification);
    let group = groups.find((g) => g.source === citation.source && g.verification === verification);
    if (!group)
      groups.push(
        (group = { source: citation.source, title: source.title, verification, items: [] }),
      );
    const locator = formatLocator(citation);
    if (!group.items.some((i) => i.locator === locator))
      group.items.push({ locator, anchor: place.anchor });
  }
  return groups.map((g) =>
    el(
      'span',
      { class: 'cite' },
      '[',
      el('a', { href: bibliographyHref(g.source) }, g.title),
      ': ',
      g.items.flatMap((item, i) => [
        i > 0 ? '; ' : '',
        item.anchor ? el('a', { href: item.anchor }, item.locator) : item.locator,
      ]),
      ']',
      g.verification !== shownVerification ? [' ', ...badgeNodes(g.verification)] : [],
    ),
  );
}
