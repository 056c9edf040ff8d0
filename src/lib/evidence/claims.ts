/** Grouping and ordering audited claims: by claimant document, in the document's own order, and counts by verdict. */
import { claimVerdict, type Claim, type ClaimVerdict } from '../schema/claim.ts';
import type { Source } from '../schema/source.ts';

interface ClaimEntry {
  id: string;
  data: Claim;
}

export const verdicts: readonly ClaimVerdict[] = claimVerdict.options;

/** A claim as a heading: a quotation in quotation marks, a paraphrase as it is. */
export function claimHeading(claim: Pick<Claim, 'claim' | 'wording'>): string {
  return claim.wording === 'quotation' ? `“${claim.claim}”` : claim.claim;
}

/** What kind of wording a claim heading is, in words, for readers and screen readers. */
export function claimWordingNote(claim: Pick<Claim, 'wording'>): string {
  return claim.wording === 'quotation' ? 'quoted from the page' : 'paraphrased';
}

/** Claims of one document in reading order: by its declared sections, then item number, then id. */
export function claimsInDocumentOrder<T extends ClaimEntry>(
  claims: readonly T[],
  claimant: string,
  source: Pick<Source, 'sections'> | undefined,
): T[] {
  const sections = source?.sections ?? [];
  const sectionIndex = (c: T) => {
    const i = c.data.claimedAt.section ? sections.indexOf(c.data.claimedAt.section) : -1;
    return i === -1 ? sections.length : i;
  };
  const itemIndex = (c: T) =>
    typeof c.data.claimedAt.item === 'number' ? c.data.claimedAt.item : 0;
  return claims
    .filter((c) => c.data.claimant === claimant)
    .sort(
      (a, b) =>
        sectionIndex(a) - sectionIndex(b) ||
        itemIndex(a) - itemIndex(b) ||
        a.id.localeCompare(b.id),
    );
}

/** How many claims have each verdict (every verdict present, zero when none). */
export function verdictCounts(claims: readonly ClaimEntry[]): Record<ClaimVerdict, number> {
  const counts = Object.fromEntries(verdicts.map((v) => [v, 0])) as Record<ClaimVerdict, number>;
  for (const c of claims) counts[c.data.verdict] += 1;
  return counts;
}

/** The documents that make claims, seeds first (by seed number), then other pages by id. */
export function claimantsInOrder(
  claims: readonly ClaimEntry[],
  sourceById: ReadonlyMap<string, Pick<Source, 'seed'>>,
): string[] {
  const ids = [...new Set(claims.map((c) => c.data.claimant))];
  const key = (id: string) => sourceById.get(id)?.seed ?? `z-${id}`;
  return ids.sort((a, b) => key(a).localeCompare(key(b)));
}

/** Address of a document's audit page. */
export function auditHref(claimant: string): string {
  return `/claims/document/${claimant}/`;
}
