/** Turning undocumented findings into a plain-words checklist of what to add to the chart. */
import { facts, isAsked, itemFields, type ItemKind } from '../facts/catalog.ts';
import type { Finding } from './types.ts';

/** Plain words for one fact path, e.g. `spondylolisthesis[0].mm` → "the amount of slip in millimetres". */
export function documentPhrase(path: string): string {
  const match = /^(\w+)(?:\[\d+\]\.(\w+))?$/.exec(path);
  const top = match?.[1]
    ? (facts as Record<string, { document: string; item?: ItemKind }>)[match[1]]
    : undefined;
  if (!top) return path;
  if (!match?.[2] || !top.item) return top.document;
  return (itemFields[top.item] as Record<string, { document: string }>)[match[2]]?.document ?? path;
}

/**
 * The checklist: "Document …" once per fact, in the order the findings name them. A fact that
 * settles a rule as an alternative (a `present` fact, such as a T-score beside an osteoporosis
 * diagnosis) is joined to the rule's other facts with "or". A fact asked only under a condition
 * (device precautions when a device is implanted) is left out until `known` facts meet the
 * condition, unless a finding has nothing else to ask.
 */
export function describeMissing(
  findings: readonly Finding[],
  known: Readonly<Record<string, unknown>> = {},
): string[] {
  const items = findings.flatMap((f) => {
    const open = f.facts.filter((u) => u.value === undefined);
    const asked = open.filter((u) => isAsked(/^\w+/.exec(u.path)![0], known));
    const absent = asked.length > 0 ? asked : open;
    const needed = [
      ...new Set(absent.filter((u) => !u.presence).map((u) => documentPhrase(u.path))),
    ];
    const either = [
      ...new Set(absent.filter((u) => u.presence).map((u) => documentPhrase(u.path))),
    ];
    if (either.length === 0 || needed.length === 0) return [...needed, ...either];
    return [`${needed.join(' and ')}, or ${either.join(' or ')}`];
  });
  return [...new Set(items)].map((phrase) => `Document ${phrase}.`);
}
