/**
 * A policy page prints a criteria tree once for the lines that would print the same one
 * (src/lib/criteria/shared-trees.ts); the built page keeps every line's anchors on it (checked by
 * the page gate and test/e2e).
 */
import { describe, expect, it } from 'vitest';
import { sharedTrees } from '../../../src/lib/criteria/shared-trees.ts';

const tree = (id: string) => ({ kind: 'fact', id, fact: 'age', label: 'Age' });

describe('sharedTrees', () => {
  it('lets a later line with the same printed rules share the first one’s tree', () => {
    const shared = sharedTrees([
      { id: 'commercial', printed: { criteria: tree('age') } },
      { id: 'masshealth', printed: undefined },
      { id: 'onecare', printed: { criteria: tree('age') } },
      { id: 'sco', printed: { criteria: tree('age') } },
    ]);
    expect(shared.aliases.get('commercial')).toEqual(['onecare', 'sco']);
    expect(shared.sharedWith.get('onecare')).toBe('commercial');
    expect(shared.sharedWith.get('sco')).toBe('commercial');
    expect(shared.sharedWith.has('masshealth')).toBe(false);
    expect(shared.aliases.has('masshealth')).toBe(false);
  });

  it('keeps a tree of its own for a line whose rules, notes or evidence badges differ at all', () => {
    const shared = sharedTrees([
      { id: 'a', printed: { criteria: tree('age'), badges: [['age', 'same']] } },
      { id: 'b', printed: { criteria: tree('age'), badges: [['age', 'stricter']] } },
      { id: 'c', printed: { criteria: tree('age-25') } },
    ]);
    expect(shared.sharedWith.size).toBe(0);
    expect([...shared.aliases.keys()]).toEqual(['a', 'b', 'c']);
  });
});
