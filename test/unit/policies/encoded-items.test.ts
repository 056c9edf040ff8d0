/**
 * Every item of the seed policies is encoded: the test lists each numbered item of Cohere's
 * Indications and Non-Indications and MGB's exclusions, and fails if a criterion citing it is
 * missing from the line's tree.
 */
import { describe, expect, it } from 'vitest';
import { walkCriteria } from '../../../src/lib/criteria/walk.ts';
import type { CriterionNode } from '../../../src/lib/schema/criteria.ts';
import { loadContent } from '../../helpers/content.ts';

async function citedItems(policyId: string, lineId: string): Promise<Set<string>> {
  const { content } = await loadContent();
  const line = content.policies.get(policyId)!.lines.find((l) => l.id === lineId)!;
  const items = new Set<string>();
  const add = (citation: { section?: string; item?: string | number } | undefined) => {
    if (citation)
      items.add(`${citation.section}${citation.item !== undefined ? ` ${citation.item}` : ''}`);
  };
  walkCriteria(line.criteria as CriterionNode, (node) => add(node.citation));
  // A billing note (Cohere's indication 8) encodes its item too, outside the criteria.
  for (const advisory of line.advisories ?? []) add(advisory.citation);
  return items;
}

const range = (section: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${section} ${from + i}`);

describe('Cohere MA v3 (seed 003)', () => {
  const expected = [
    ...range('Indications', 1, 10),
    ...range('Non-Indications', 1, 22),
    ...['8a', '8b', '8c', '8d', '14a', '14b', '14c', '14d'].map((s) => `Non-Indications ${s}`),
  ];
  it.each(expected)('encodes %s', async (item) => {
    expect(await citedItems('cohere-ma-v3', 'cohere-ma')).toContain(item);
  });
  it('cites no item the policy does not have', async () => {
    const extra = [...(await citedItems('cohere-ma-v3', 'cohere-ma'))].filter(
      (i) => !expected.includes(i) && !['Indications', 'Non-Indications'].includes(i),
    );
    expect(extra).toEqual([]);
  });
});

describe('MGB 097 commercial (seed 004)', () => {
  const expected = [
    'Criteria for BVNA',
    ...range('Exclusions', 1, 16),
    'Exclusions final paragraph',
  ];
  it.each(expected)('encodes %s', async (item) => {
    expect(await citedItems('mgb-097-2026-01', 'mgb-commercial')).toContain(item);
  });
});
