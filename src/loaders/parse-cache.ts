/**
 * A cache of parsed content files keyed by the digest of their text, so that a build parses
 * each file at most once (the content check parses, the Astro loader reuses) and a rebuild
 * parses only the files that changed. YAML parsing is most of the cost of reading content:
 * about 14 s for 3,000 synthetic policies, against under 1 s to read the same entries back
 * from this cache (docs/architecture.md, "Content cache").
 *
 * One JSON file per entry, named by digest, written atomically (temporary name, then rename),
 * so two processes reading the same content never see half an entry. Entries that a full read
 * of the content no longer uses are pruned by `prune`. A failed parse is never cached: its
 * message is produced afresh each time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What parsing one file produced: its data, and for MDX its body and where the body starts. */
export interface ParsedFile {
  data: unknown;
  body?: string;
  bodyLine?: number;
}

/** How a file is read: a YAML/JSON entry, or MDX with frontmatter. */
export type FileKind = 'data' | 'mdx';

export interface ParseCache {
  /** The parsed form of `raw` read as `kind`, if cached. */
  get(raw: string, kind: FileKind): ParsedFile | undefined;
  /** Remembers the parsed form of `raw` (ignored when it cannot be stored as JSON exactly). */
  set(raw: string, kind: FileKind, parsed: ParsedFile): void;
  /** Removes entries not read or written since the cache was opened; returns how many. */
  prune(): number;
  /** Hits and misses since the cache was opened. */
  readonly stats: { hits: number; misses: number };
}

/**
 * Changes whenever parsing could give a different result for the same text: the parser and its
 * options (src/loaders/content-files.ts). Part of every digest, so a change empties the cache.
 */
export const PARSER_KEY = 'yaml@2.9.1 core uniqueKeys; mdx frontmatter v1';

/** The digest naming a file's cache entry. */
export function contentDigest(raw: string, kind: FileKind): string {
  return createHash('sha256').update(`${PARSER_KEY}\0${kind}\0`).update(raw).digest('hex');
}

/**
 * The folder for the parse cache of one content root: under $BVN_CACHE_DIR when set (the scale
 * benchmark gives each size its own), else node_modules/.cache/bvn-atlas, one folder per root
 * so that pruning one content tree never removes another's entries.
 */
export function parseCacheDir(root: string, contentRoot: string): string {
  const base = process.env.BVN_CACHE_DIR ?? join(root, 'node_modules/.cache/bvn-atlas');
  const tree = createHash('sha256').update(resolve(root, contentRoot)).digest('hex').slice(0, 16);
  return join(base, 'content', tree);
}

/** JSON that reads back exactly: no non-finite numbers (YAML's .inf and .nan). */
function exactJson(parsed: ParsedFile): string | undefined {
  let exact = true;
  const text = JSON.stringify(parsed, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) exact = false;
    return value;
  });
  return exact ? text : undefined;
}

/** A parse cache stored in `dir` (created on first write). */
export function diskParseCache(dir: string): ParseCache {
  const used = new Set<string>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    get(raw, kind) {
      const digest = contentDigest(raw, kind);
      try {
        const parsed = JSON.parse(readFileSync(join(dir, `${digest}.json`), 'utf8')) as ParsedFile;
        used.add(digest);
        stats.hits++;
        return parsed;
      } catch {
        // Missing or unreadable (e.g. a write cut short by a crash): parse again.
        stats.misses++;
        return undefined;
      }
    },
    set(raw, kind, parsed) {
      const text = exactJson(parsed);
      if (text === undefined) return;
      const digest = contentDigest(raw, kind);
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
        const digest = name.replace(/\.json$/, '');
        if (name.endsWith('.json') && used.has(digest)) continue;
        // Leftover temporary files of another process are its own business while it runs.
        if (name.endsWith('.tmp')) continue;
        rmSync(join(dir, name), { force: true });
        removed++;
      }
      return removed;
    },
  };
}
