/**
 * Reading content files from disk: the one place that parses YAML/JSON entries and MDX
 * frontmatter, shared by the Astro loader, the content check, the CLI and the tests.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ContentFile } from '../lib/content/validate.ts';
import type { ParseCache, ParsedFile } from './parse-cache.ts';

const DATA = /\.(ya?ml|json)$/;
const MDX = /\.mdx?$/;

/** Parses a YAML or JSON document (YAML 1.2 core schema: dates stay strings). */
export function parseData(raw: string): unknown {
  return parse(raw, { schema: 'core', prettyErrors: true, uniqueKeys: true });
}

/** Splits an MDX file into frontmatter data and body. */
export function parseMdx(raw: string): { data: unknown; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!match) return { data: undefined, body: raw, bodyLine: 1 };
  return {
    data: parseData(match[1] ?? ''),
    body: raw.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

/** Options for reading content: a parse cache (the build's), else every file is parsed. */
export interface ReadOptions {
  cache?: ParseCache;
  /**
   * Files for which this returns true are neither parsed nor read back from the cache, and are
   * left out of the result: the caller holds them already (the Astro loader, its data store).
   */
  skip?: (file: { id: string; path: string; raw: string }) => boolean;
  /**
   * Resolves once another process has put its parse of every file in `cache` (the content check,
   * running beside the Astro build). A file missing from the cache is looked up again then, and
   * parsed here only if it is still missing, so each file is parsed once per build.
   */
  parsedElsewhere?: () => Promise<void>;
}

/** Parses one file's text: data for YAML/JSON, frontmatter data and body for MDX. */
function parseFile(raw: string, isData: boolean): ParsedFile {
  return isData ? { data: parseData(raw) } : parseMdx(raw);
}

/**
 * Every entry file of one collection folder, parsed (or read back from `options.cache` when the
 * file's text is unchanged); a parse failure is reported, not thrown.
 */
export async function readContentFolder(
  root: string,
  folder: string,
  options: ReadOptions = {},
): Promise<(ContentFile & { raw: string })[]> {
  const dir = resolve(root, folder);
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => !n.startsWith('_'))
    .sort();
  const collection = folder.split('/').pop() ?? folder;
  const files: (ContentFile & { raw: string })[] = [];
  for (const name of names) {
    const isData = DATA.test(name);
    const isMdx = MDX.test(name);
    if (!isData && !isMdx) continue;
    const path = `${folder}/${name}`;
    const raw = await readFile(join(dir, name), 'utf8');
    const id = name.replace(isData ? DATA : MDX, '');
    if (options.skip?.({ id, path, raw })) continue;
    try {
      const kind = isData ? 'data' : 'mdx';
      let parsed = options.cache?.get(raw, kind);
      if (!parsed && options.parsedElsewhere) {
        await options.parsedElsewhere();
        parsed = options.cache?.get(raw, kind);
      }
      if (!parsed) {
        parsed = parseFile(raw, isData);
        options.cache?.set(raw, kind, parsed);
      }
      files.push({ collection, id, path, raw, ...parsed });
    } catch (error) {
      files.push({
        collection,
        id,
        path,
        raw,
        data: undefined,
        error: `cannot be parsed: ${(error as Error).message}`,
      });
    }
  }
  return files;
}

/** The content collections and their folders. */
export const collectionFolders = [
  'sources',
  'payers',
  'policies',
  'studies',
  'guidelines',
  'claims',
  'criteria-sets',
  'charts',
  'articles',
  'findings',
] as const;

/** Reads every collection under `contentRoot` (default src/content). */
export async function readAllContent(
  root: string,
  contentRoot = 'src/content',
  options: ReadOptions = {},
) {
  const all: (ContentFile & { raw: string })[] = [];
  for (const folder of collectionFolders)
    all.push(...(await readContentFolder(root, `${contentRoot}/${folder}`, options)));
  return all;
}

/**
 * Reads and validates all content, and compiles the policies for the engine: what the CLI,
 * the benchmarks and the tests use instead of Astro's collections. Throws with every problem
 * listed (file: field: message) when the content is invalid.
 */
export async function loadCompiledContent(root: string, contentRoot = 'src/content') {
  const { validateContent, formatErrors } = await import('../lib/content/validate.ts');
  const { compilePolicies } = await import('../lib/engine/compile.ts');
  const { compileCriteriaSets } = await import('../lib/engine/compile-criteria-sets.ts');
  const { errors, content } = validateContent(await readAllContent(root, contentRoot));
  if (errors.length) throw new Error(`Invalid content in ${contentRoot}:\n${formatErrors(errors)}`);
  const lines = compilePolicies([...content.policies].map(([id, data]) => ({ id, data })));
  const evidenceLines = compileCriteriaSets(
    [...content['criteria-sets']].map(([id, data]) => ({ id, data })),
  );
  return { content, lines, evidenceLines };
}
