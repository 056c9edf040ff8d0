/**
 * A folder of JSON values named by the digest of what they were computed from: the build's
 * memory between runs (parsed content files, pair diffs). One file per entry, written atomically
 * (temporary name, then rename), so two processes never see half an entry; an unreadable entry
 * is a miss. Entries the current run did not use can be pruned.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

export interface DigestCache<T> {
  /** The value stored under `digest`, if any. */
  get(digest: string): T | undefined;
  /** Stores `value` under `digest` (skipped when JSON cannot give it back exactly). */
  set(digest: string, value: T): void;
  /** Removes entries neither read nor written since the cache was opened; returns how many. */
  prune(): number;
  /** Hits and misses since the cache was opened. */
  readonly stats: { hits: number; misses: number };
}

/** SHA-256 of the parts, separated so that ("ab", "c") and ("a", "bc") differ. */
export function digestOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Where the build keeps its caches: $BVN_CACHE_DIR when set (the scale benchmark), else node_modules/.cache/bvn-atlas. */
export function cacheBase(root: string): string {
  return process.env.BVN_CACHE_DIR ?? join(root, 'node_modules/.cache/bvn-atlas');
}

/** JSON that reads back exactly: no non-finite numbers (YAML's .inf and .nan), no Map or Set. */
function exactJson(value: unknown): string | undefined {
  let exact = true;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) exact = false;
    if (v instanceof Map || v instanceof Set) exact = false;
    return v;
  });
  return exact ? text : undefined;
}

/** A digest cache stored in `dir` (created on first write). */
export function diskCache<T>(dir: string): DigestCache<T> {
  const used = new Set<string>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    get(digest) {
      try {
        const value = JSON.parse(readFileSync(join(dir, `${digest}.json`), 'utf8')) as T;
        used.add(digest);
        stats.hits++;
        return value;
      } catch {
        // Missing or unreadable (e.g. a write cut short by a crash): compute it again.
        stats.misses++;
        return undefined;
      }
    },
    set(digest, value) {
      const text = exactJson(value);
      if (text === undefined) return;
      mkdirSync(dir, { recursive: true });
      const temporary = join(dir, `${digest}.${process.pid}.tmp`);
      writeFileSync(temporary, text);
      renameSync(temporary, join(dir, `${digest}.json`));
      used.add(digest);
    },
    prune() {
      let removed = 0;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return 0;
      }
      for (const name of names) {
        // Another process's temporary file is its own business while it runs.
        if (!name.endsWith('.json') || used.has(name.slice(0, -'.json'.length))) continue;
        rmSync(join(dir, name), { force: true });
        removed++;
      }
      return removed;
    },
  };
}

/**
 * A digest of the source files under `paths` (folders or single files, relative to `root`; a path
 * that does not exist adds nothing): what a cached result computed by that code depends on besides
 * its inputs. Any change to them changes it. In folders it reads the files whose names match
 * `files` (TypeScript and JSON by default) and skips the folders in `skip` (relative to `root`).
 */
export function codeDigest(
  root: string,
  paths: readonly string[],
  options: { files?: RegExp; skip?: readonly string[] } = {},
): string {
  const { files = /\.(ts|json)$/, skip = [] } = options;
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!skip.includes(relative(root, full))) visit(full);
      } else if (files.test(name))
        hash.update(relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const path of paths) {
    const full = join(root, path);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory()) visit(full);
    else if (stat) hash.update(path).update('\0').update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}
