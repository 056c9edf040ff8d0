/**
 * A cache of parsed content files keyed by the digest of their text, so that a build parses
 * each file at most once (the content check parses, the Astro loader reuses) and a rebuild
 * parses only the files that changed. YAML parsing is most of the cost of reading content:
 * about 14 s for 3,000 synthetic policies, against under 1.5 s to read the same entries back
 * from this cache (docs/architecture.md, "Build caches"). A failed parse is never cached: its
 * message is produced afresh each time.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheBase, diskCache, digestOf, type DigestCache } from './digest-cache.ts';

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
  return digestOf(PARSER_KEY, kind, raw);
}

/**
 * The folder for the parse cache of one content root (under cacheBase), one folder per root so
 * that pruning one content tree never removes another's entries.
 */
export function parseCacheDir(root: string, contentRoot: string): string {
  const tree = createHash('sha256').update(resolve(root, contentRoot)).digest('hex').slice(0, 16);
  return join(cacheBase(root), 'content', tree);
}

/** A parse cache stored in `dir` (created on first write). */
export function diskParseCache(dir: string): ParseCache {
  const entries: DigestCache<ParsedFile> = diskCache(dir);
  return {
    stats: entries.stats,
    get: (raw, kind) => entries.get(contentDigest(raw, kind)),
    set: (raw, kind, parsed) => entries.set(contentDigest(raw, kind), parsed),
    prune: () => entries.prune(),
  };
}

/**
 * Names the file the content check writes once every file's parse is in the cache. The build
 * (scripts/build.ts) runs the check and Astro at the same time and sets it for both, so that the
 * Astro loader, finding a file missing from the cache, waits for the check's parse instead of
 * parsing the file a second time (`parsedByCheck`).
 */
export const PARSED_MARK = 'BVN_PARSED_MARK';

/** Says that this process's parse of every content file is in the cache (the content check). */
export function markParsed(env: NodeJS.ProcessEnv = process.env): void {
  const mark = env[PARSED_MARK];
  if (mark) writeFileSync(mark, 'parsed\n');
}

/**
 * Resolves once the content check running beside this process has put its parse in the cache:
 * at once when no check runs beside it (astro dev, astro check, the tests). After `limitMs`
 * without the mark it resolves anyway, and the caller parses for itself: a slow check costs a
 * second parse, never a failed or stalled build (were the check to fail, the build stops Astro).
 */
export async function parsedByCheck(
  env: NodeJS.ProcessEnv = process.env,
  { pollMs = 20, limitMs = 600_000 } = {},
): Promise<void> {
  const mark = env[PARSED_MARK];
  if (!mark) return;
  const started = performance.now();
  while (!existsSync(mark) && performance.now() - started <= limitMs) await sleep(pollMs);
}
