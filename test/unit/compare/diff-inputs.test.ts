/**
 * A pair's diff reads only the lines diffInputs names (src/lib/compare/diff-inputs.ts), which is
 * what makes the build's diff cache (src/data/diff-cache.ts) safe: for every pair of current
 * lines, the diff from those lines alone equals the diff from every line, and it survives the
 * cache's JSON round trip unchanged.
 */
import { describe, expect, it } from 'vitest';
import { diffInputs, linesReadBy } from '../../../src/lib/compare/diff-inputs.ts';
import { diffLines } from '../../../src/lib/compare/pairs.ts';
import { baselineName, baselinePatient } from '../../../src/lib/compare/baseline.ts';
import { loadContent } from '../../helpers/content.ts';

const { lines } = await loadContent();
const current = lines.filter((l) => !l.id.includes('@'));
const options = { all: lines, baseline: baselinePatient(), baselineName };
const pairs = current.flatMap((a, i) => current.slice(i + 1).map((b) => [a, b] as const));

describe('the inputs of a pair diff', () => {
  it('include the two lines, the LCDs they defer to and their policies’ other lines', () => {
    const defers = current.find((l) => l.lcd?.choose === 'by-state');
    expect(defers, 'a line that applies the LCD of the state of care').toBeDefined();
    const inputs = diffInputs(defers!, current[0]!, lines).map((l) => l.id);
    for (const candidate of defers!.lcd!.candidates) expect(inputs).toContain(candidate.id);
    for (const sibling of lines.filter((l) => l.policyId === defers!.policyId))
      expect(inputs).toContain(sibling.id);
    expect(inputs.length).toBeLessThan(lines.length);
  });

  it('give the same diff as every line, for every pair of current lines', () => {
    expect(pairs.length).toBeGreaterThan(50);
    for (const [a, b] of pairs) {
      const full = diffLines(a, b, options);
      const alone = diffLines(a, b, { ...options, all: diffInputs(a, b, lines) });
      expect(alone, `${a.id} × ${b.id}`).toEqual(full);
      expect(JSON.parse(JSON.stringify(alone)), `${a.id} × ${b.id} as JSON`).toEqual(full);
    }
  });
});

describe('the lines a page reads (linesReadBy)', () => {
  it('are a pair’s diff inputs for two lines, in either order', () => {
    for (const [a, b] of pairs.slice(0, 30)) {
      expect(linesReadBy([a, b], lines)).toEqual(diffInputs(a, b, lines));
      expect(linesReadBy([b, a], lines)).toEqual(diffInputs(a, b, lines));
    }
  });

  it('for many lines, are the union of each line’s, in the order of every line', () => {
    const some = current.filter((_, i) => i % 3 === 0);
    const union = new Set(some.flatMap((l) => linesReadBy([l], lines).map((r) => r.id)));
    expect(linesReadBy(some, lines).map((l) => l.id)).toEqual(
      lines.filter((l) => union.has(l.id)).map((l) => l.id),
    );
    expect(linesReadBy([], lines)).toEqual([]);
  });
});
