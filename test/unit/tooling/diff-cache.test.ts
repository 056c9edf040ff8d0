/**
 * The build's diff cache (src/data/diff-cache.ts): a second build reads diffs back instead of
 * computing them, editing a line recomputes only the diffs that read it, and entries made by
 * other code are removed.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffCache } from '../../../src/data/diff-cache.ts';
import { codeDigest } from '../../../src/loaders/digest-cache.ts';
import { diffLines } from '../../../src/lib/compare/pairs.ts';
import { baselineName, baselinePatient } from '../../../src/lib/compare/baseline.ts';
import { loadContent, root } from '../../helpers/content.ts';

const { lines, byId } = await loadContent();
const options = { all: lines, baseline: baselinePatient(), baselineName, examples: false };
const cohere = byId.get('cohere-ma')!;
const others = lines.filter((l) => !l.id.includes('@') && l.policyId !== cohere.policyId);
const [b, c] = others as [(typeof lines)[number], (typeof lines)[number]];

let previous: string | undefined;
beforeEach(() => {
  previous = process.env.BVN_CACHE_DIR;
  process.env.BVN_CACHE_DIR = mkdtempSync(join(tmpdir(), 'bvn-diff-cache-'));
});
afterEach(() => {
  if (previous === undefined) delete process.env.BVN_CACHE_DIR;
  else process.env.BVN_CACHE_DIR = previous;
});

describe('the diff cache', () => {
  it('computes a diff once, then reads it back equal to a fresh one', () => {
    diffCache(root).diff(cohere, b, options);
    const again = diffCache(root);
    expect(again.diff(cohere, b, options)).toEqual(diffLines(cohere, b, options));
    expect(again.stats).toEqual({ hits: 1, misses: 0 });
  });

  it('recomputes only the diffs that read an edited line', () => {
    const first = diffCache(root);
    first.diff(cohere, b, options);
    first.diff(b, c, options);
    const edited = { ...cohere, label: `${cohere.label} (edited)` };
    const all = lines.map((l) => (l.id === cohere.id ? edited : l));
    const second = diffCache(root);
    const diff = second.diff(edited, b, { ...options, all });
    second.diff(b, c, { ...options, all });
    expect(second.stats).toEqual({ hits: 1, misses: 1 });
    expect(diff).toEqual(diffLines(edited, b, { ...options, all }));
  });

  it('takes names only from the lines its key covers, never from a map the caller passes', () => {
    // A names map built from other lines must not reach a diff that is kept.
    const names = new Map([cohere, b].map((l) => [l.id, 'A name the key does not cover']));
    const diff = diffCache(root).diff(cohere, b, { ...options, names });
    expect(diff).toEqual(diffLines(cohere, b, options));
    expect(JSON.stringify(diff)).not.toContain('A name the key does not cover');
  });

  it('digests the code by folder and by single file, so a change to either changes the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvn-code-'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'a.ts'), 'export const a = 1;');
    writeFileSync(join(dir, 'cache.ts'), 'export const b = 1;');
    const before = codeDigest(dir, ['lib', 'cache.ts']);
    writeFileSync(join(dir, 'cache.ts'), 'export const b = 2;');
    const fileChanged = codeDigest(dir, ['lib', 'cache.ts']);
    writeFileSync(join(dir, 'lib', 'a.ts'), 'export const a = 2;');
    expect(new Set([before, fileChanged, codeDigest(dir, ['lib', 'cache.ts'])]).size).toBe(3);
  });

  it('removes entries made by other code when it opens', () => {
    const stale = join(process.env.BVN_CACHE_DIR!, 'diffs', 'other-code');
    mkdirSync(stale, { recursive: true });
    diffCache(root).diff(cohere, b, options);
    expect(readdirSync(join(process.env.BVN_CACHE_DIR!, 'diffs'))).not.toContain('other-code');
  });
});
