/** Which pairs get a page, their URLs, and how pairs with a line that pays for no one are summarised. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalPair,
  comparisonPairs,
  diffLines,
  pairPath,
} from '../../../src/lib/compare/pairs.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { loadContent, vignette } from '../../helpers/content.ts';

let content: Awaited<ReturnType<typeof loadContent>>;
let current: EvaluablePolicy[];
beforeAll(async () => {
  content = await loadContent();
  current = content.lines.filter((l) => !l.id.includes('@'));
});

describe('comparisonPairs', () => {
  it('pairs every two current lines once, in sorted order', () => {
    const pairs = comparisonPairs(content.lines);
    const n = current.length;
    expect(pairs).toHaveLength((n * (n - 1)) / 2);
    for (const [a, b] of pairs) expect(a.id.localeCompare(b.id)).toBeLessThan(0);
    expect(new Set(pairs.map(([a, b]) => pairPath(a.id, b.id))).size).toBe(pairs.length);
  });

  it('gives a pair the same URL whichever line comes first', () => {
    expect(pairPath('mgb-commercial', 'cohere-ma')).toBe('/compare/cohere-ma/mgb-commercial/');
    expect(pairPath('cohere-ma', 'mgb-commercial')).toBe('/compare/cohere-ma/mgb-commercial/');
    const [a, b] = canonicalPair({ id: 'z' }, { id: 'a' });
    expect([a.id, b.id]).toEqual(['a', 'z']);
  });

  it('can be capped, keeping pairs that share a product line first', () => {
    const capped = comparisonPairs(current, { maxPairs: 10 });
    expect(capped).toHaveLength(10);
    for (const [a, b] of capped)
      expect(a.productLines.some((p) => b.productLines.includes(p))).toBe(true);
  });

  it('past the sharing pairs, fills the cap with the others, each group in id order', () => {
    const all = comparisonPairs(current);
    const shares = ([a, b]: (typeof all)[number]) =>
      a.productLines.some((p) => b.productLines.includes(p));
    const ordered = [...all.filter(shares), ...all.filter((p) => !shares(p))];
    const sharing = all.filter(shares).length;
    expect(sharing).toBeGreaterThan(0);
    expect(sharing).toBeLessThan(all.length);
    for (const cap of [1, sharing, sharing + 3, all.length - 1, all.length])
      expect(comparisonPairs(current, { maxPairs: cap })).toEqual(
        cap === all.length ? all : ordered.slice(0, cap),
      );
  });

  it('refuses a line id that would collide with a comparison page', () => {
    const clash = { ...current[0]!, id: 'views' };
    expect(() => comparisonPairs([clash, current[1]!])).toThrow(
      /collides with the page \/compare\/views\//,
    );
  });
});

describe('diffLines with a line that pays for no one', () => {
  it('says so instead of comparing rules, and shows the baseline under both', () => {
    const diff = diffLines(content.byId.get('cohere-ma')!, content.byId.get('uhc-commercial')!, {
      all: content.lines,
      baseline: vignette('V01-baseline'),
      baselineName: 'V01',
    });
    expect(diff.kind).toBe('not-covered');
    expect(diff.concepts).toEqual([]);
    expect(diff.summary[1]).toBe(
      'Every patient Cohere MA v3 would accept is refused by UHC ablative treatment, so the two policies’ criteria are not compared rule by rule.',
    );
    expect([diff.baseline.a.outcome, diff.baseline.b.outcome]).toEqual(['meets', 'not-covered']);
  });

  it('completes the baseline with the facts only the other policy asks about, and says which', () => {
    const diff = diffLines(content.byId.get('cam-394')!, content.byId.get('cohere-ma')!, {
      all: content.lines,
      baseline: vignette('V01-baseline'),
      baselineName: 'V01',
    });
    expect(diff.baseline.added).toEqual([
      'core stabilisation exercise: tried',
      'cognitive therapy sessions 3 sessions',
    ]);
    expect(diff.baseline.a.outcome).toBe('needs-proprietary-review');
  });

  it('shows the outcome under each LCD, L39420 (states unknown) included, when the state of care decides', () => {
    const diff = diffLines(
      content.byId.get('cohere-ma')!,
      content.byId.get('mgb-medicare-advantage')!,
      { all: content.lines, baseline: vignette('V01-baseline'), baselineName: 'V01' },
    );
    const disc = diff.concepts.find((c) => c.concept.id === 'disc-protrusion')!;
    const witness = disc.witnesses[0]!;
    const p = witness.patients[witness.witness]!;
    expect(p.b.branches?.map((b) => [b.line, b.outcome])).toEqual([
      ['lcd-l39642', 'fails'],
      ['lcd-l39644', 'fails'],
      ['lcd-l39420', 'fails'],
      ['mgb-medicare-advantage', 'needs-proprietary-review'],
    ]);
  });
});
