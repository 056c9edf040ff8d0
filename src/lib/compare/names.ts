/** Short names for policy lines in tables and sentences: the policy's short name, plus which members when one policy has several lines. */
import type { EvaluablePolicy } from '../engine/types.ts';
import { positionLabel, productLineLabel } from '../format/positions.ts';
import { unreachable } from '../unreachable.ts';

/**
 * A name per line id: "Cohere MA v3"; "MGB 097 (Jan 2026), Commercial and Qualified Health Plan";
 * the line's own label ("OneCare") when two lines of a policy share their product lines.
 */
export function lineNames(lines: readonly EvaluablePolicy[]): Map<string, string> {
  const products = (line: EvaluablePolicy) =>
    line.productLines.map((p) => productLineLabel[p]).join(' and ');
  const siblings = new Map<string, EvaluablePolicy[]>();
  for (const line of lines)
    siblings.set(line.policyId, [...(siblings.get(line.policyId) ?? []), line]);
  return new Map(
    lines.map((line) => {
      const others = siblings.get(line.policyId) ?? [];
      if (others.length <= 1) return [line.id, line.policyName];
      const unique = others.filter((o) => products(o) === products(line)).length === 1;
      const who = unique ? products(line) : line.label.replace(/ members$/, '');
      return [line.id, `${line.policyName}, ${who}`];
    }),
  );
}

/** What a line does, in a short phrase: "covers BVNA with criteria". */
export function positionPhrase(line: EvaluablePolicy): string {
  switch (line.position) {
    case 'covered-with-criteria':
      return line.completeness === 'partial'
        ? 'covers BVNA with criteria, only part of which could be read'
        : 'covers BVNA with criteria';
    case 'defers-to-non-public':
      return `applies public criteria, then ${line.nonPublic?.name ?? 'criteria that are not public'}`;
    case 'defers-to-lcd':
      return line.lcd?.choose === 'named'
        ? `applies ${line.lcd.candidates[0]!.id.replace(/^lcd-/, '').toUpperCase()}`
        : 'applies the Medicare LCD of the state of care, and its own criteria where none applies';
    case 'not-medically-necessary':
    case 'experimental-investigational':
    case 'not-payable':
      return `does not pay for BVNA (${positionLabel[line.position].toLowerCase()})`;
    default:
      return unreachable(line.position, 'position');
  }
}
