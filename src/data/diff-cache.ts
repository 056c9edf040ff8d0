/**
 * Pair diffs cached across builds. A diff is computed from its two lines, the lines they read
 * (src/lib/compare/diff-inputs.ts), the baseline patient and the code (src/lib and this file); the key
 * is the digest of all of these, so editing one policy recomputes only the diffs that read it,
 * and changing the code recomputes all of them. Entries live under
 * node_modules/.cache/bvn-atlas/diffs/<code digest>/ (or $BVN_CACHE_DIR); the folders of other
 * code digests are removed when the cache opens.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { diffInputs } from '../lib/compare/diff-inputs.ts';
import { diffLines, type DiffOptions, type LineDiff } from '../lib/compare/pairs.ts';
import type { EvaluablePolicy } from '../lib/engine/types.ts';
import { cacheBase, codeDigest, diskCache, digestOf } from '../loaders/digest-cache.ts';

export interface DiffCache {
  /** The diff of a and b, as `diffLines(a, b, options)` gives it. */
  diff(a: EvaluablePolicy, b: EvaluablePolicy, options: DiffOptions): LineDiff;
  readonly stats: { hits: number; misses: number };
}

/** Opens the diff cache of the project at `root` (default: the working directory). */
export function diffCache(root = process.cwd()): DiffCache {
  // This file is part of how a diff is made (what it passes to diffLines), so it is in the digest.
  const code = codeDigest(root, ['src/lib', 'src/data/diff-cache.ts']).slice(0, 16);
  const base = join(cacheBase(root), 'diffs');
  let folders: string[] = [];
  try {
    folders = readdirSync(base);
  } catch {
    // No cache yet.
  }
  for (const name of folders)
    if (name !== code) rmSync(join(base, name), { recursive: true, force: true });
  const entries = diskCache<LineDiff>(join(base, code));
  return {
    stats: entries.stats,
    diff(a, b, options) {
      const all = diffInputs(a, b, options.all);
      const key = digestOf(
        a.id,
        b.id,
        JSON.stringify(all),
        JSON.stringify(options.baseline),
        options.baselineName,
        String(options.examples ?? true),
      );
      let diff = entries.get(key);
      if (!diff) {
        // Only what the key covers enters the diff: the names come from `all`, never from a map
        // the caller built from other lines (which once put "undefined" into cached diffs).
        diff = diffLines(a, b, {
          all,
          baseline: options.baseline,
          baselineName: options.baselineName,
          ...(options.examples === undefined ? {} : { examples: options.examples }),
        });
        entries.set(key, diff);
      }
      return diff;
    },
  };
}
