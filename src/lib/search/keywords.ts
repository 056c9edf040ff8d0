/**
 * What site search should match a page by, beyond its text: a current policy's name, number,
 * procedure and diagnosis codes, the numbers of its related documents (billing articles) and
 * the coding terms its notes use (`searchTerms`).
 * Superseded versions get none, so a policy number leads to the version in force.
 */
import type { RelatedDocument } from '../citations/related.ts';
import type { Policy } from '../schema/policy.ts';

export function policyKeywords(policy: Policy, related: readonly RelatedDocument[]): string[] {
  if (policy.status !== 'current') return [];
  const words = [
    policy.shortName,
    policy.policyNumber,
    ...policy.codes.cpt.flatMap((code) => [`CPT ${code}`, code]),
    ...policy.codes.icd10,
    ...related.flatMap((d) => [d.title, d.number]),
    ...policy.searchTerms,
  ];
  return [...new Set(words.filter((w): w is string => !!w))];
}

/** The title search results show for a policy: its short name and its full title. */
export function policySearchTitle(policy: Pick<Policy, 'shortName' | 'title'>): string {
  return policy.title.includes(policy.shortName)
    ? policy.title
    : `${policy.shortName}: ${policy.title}`;
}
