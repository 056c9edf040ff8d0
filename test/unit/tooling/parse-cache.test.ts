/**
 * The parse cache (src/loaders/parse-cache.ts): what it gives back equals a fresh parse, a
 * changed file is parsed again, failures and inexact values are never stored, and pruning
 * removes only what the last full read did not use.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { readAllContent, readContentFolder } from '../../../src/loaders/content-files.ts';
import {
  contentDigest,
  diskParseCache,
  markParsed,
  PARSED_MARK,
  parseCacheDir,
  parsedByCheck,
  PARSER_KEY,
} from '../../../src/loaders/parse-cache.ts';
import { root } from '../../helpers/content.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'bvn-parse-cache-'));

/** A content root with one collection folder holding the given files. */
function folder(files: Record<string, string>): { dir: string; name: string } {
  const dir = scratch();
  mkdirSync(join(dir, 'content/payers'), { recursive: true });
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, 'content/payers', name), text);
  return { dir, name: 'content/payers' };
}

describe('the parse cache', () => {
  it('gives back exactly what parsing gives, for every real content file', async () => {
    const fresh = await readAllContent(root);
    const cache = diskParseCache(scratch());
    const first = await readAllContent(root, 'src/content', { cache });
    expect(cache.stats).toEqual({ hits: 0, misses: fresh.length });
    const again = await readAllContent(root, 'src/content', { cache });
    expect(cache.stats.hits).toBe(fresh.length);
    expect(again).toEqual(fresh);
    expect(first).toEqual(fresh);
  });

  it('parses a file again when its text changes, and only that file', async () => {
    const { dir, name } = folder({ 'a.yaml': 'name: A\n', 'b.yaml': 'name: B\n' });
    const cacheDir = scratch();
    await readContentFolder(dir, name, { cache: diskParseCache(cacheDir) });
    writeFileSync(join(dir, name, 'b.yaml'), 'name: B2\n');
    const cache = diskParseCache(cacheDir);
    const files = await readContentFolder(dir, name, { cache });
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(files.map((f) => f.data)).toEqual([{ name: 'A' }, { name: 'B2' }]);
  });

  it('neither parses nor reads back the files a caller skips, and leaves them out', async () => {
    // The Astro loader skips the entries its data store holds unchanged.
    const { dir, name } = folder({ 'a.yaml': 'name: A\n', 'b.yaml': 'name: [unclosed\n' });
    const cache = diskParseCache(scratch());
    const asked: string[] = [];
    const files = await readContentFolder(dir, name, {
      cache,
      skip: (file) => {
        asked.push(`${file.id} ${file.path} ${file.raw.trim()}`);
        return file.id === 'b';
      },
    });
    expect(asked).toEqual([`a ${name}/a.yaml name: A`, `b ${name}/b.yaml name: [unclosed`]);
    // b would fail to parse: skipped, it is not even tried.
    expect(files.map((f) => [f.id, f.data, f.error])).toEqual([['a', { name: 'A' }, undefined]]);
    expect(cache.stats).toEqual({ hits: 0, misses: 1 });
  });

  it('keys entries by how the file is read as well as by its text', () => {
    expect(contentDigest('x: 1\n', 'data')).not.toBe(contentDigest('x: 1\n', 'mdx'));
  });

  it('never stores a failed parse: the error is reported on every read', async () => {
    const { dir, name } = folder({ 'bad.yaml': 'name: [unclosed\n' });
    const cacheDir = scratch();
    for (let i = 0; i < 2; i++) {
      const [file] = await readContentFolder(dir, name, { cache: diskParseCache(cacheDir) });
      expect(file?.error).toMatch(/cannot be parsed/);
    }
    expect(readdirSync(cacheDir, { recursive: true })).toEqual([]);
  });

  it('does not store what JSON cannot give back exactly (.inf, .nan)', async () => {
    const { dir, name } = folder({ 'odd.yaml': 'size: .inf\n' });
    const cache = diskParseCache(scratch());
    await readContentFolder(dir, name, { cache });
    const [file] = await readContentFolder(dir, name, { cache });
    expect(cache.stats).toEqual({ hits: 0, misses: 2 });
    expect(file?.data).toEqual({ size: Infinity });
  });

  it('parses again when an entry is unreadable (a write cut short)', async () => {
    const { dir, name } = folder({ 'a.yaml': 'name: A\n' });
    const cacheDir = scratch();
    await readContentFolder(dir, name, { cache: diskParseCache(cacheDir) });
    const [entry] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, entry!), '{"data": {"na');
    const cache = diskParseCache(cacheDir);
    const [file] = await readContentFolder(dir, name, { cache });
    expect(file?.data).toEqual({ name: 'A' });
    expect(cache.stats.misses).toBe(1);
  });

  it('prunes the entries the last read did not use, and keeps the rest', async () => {
    const { dir, name } = folder({ 'a.yaml': 'name: A\n', 'b.yaml': 'name: B\n' });
    const cacheDir = scratch();
    await readContentFolder(dir, name, { cache: diskParseCache(cacheDir) });
    writeFileSync(join(dir, name, 'b.yaml'), 'name: B2\n');
    const cache = diskParseCache(cacheDir);
    await readContentFolder(dir, name, { cache });
    expect(readdirSync(cacheDir)).toHaveLength(3);
    expect(cache.prune()).toBe(1);
    expect(readdirSync(cacheDir).sort()).toEqual(
      [contentDigest('name: A\n', 'data'), contentDigest('name: B2\n', 'data')]
        .map((d) => `${d}.json`)
        .sort(),
    );
  });

  it('gives each content root its own folder', () => {
    expect(parseCacheDir(root, 'src/content')).not.toBe(parseCacheDir(root, '.tmp/other'));
  });

  it('names the installed YAML parser, so upgrading it empties the cache', () => {
    const { version } = JSON.parse(
      readFileSync(join(root, 'node_modules/yaml/package.json'), 'utf8'),
    ) as { version: string };
    expect(PARSER_KEY).toContain(`yaml@${version} `);
  });
});

describe('one parse per build: the Astro loader reads what the content check beside it parsed', () => {
  it('awaits the check for a file missing from the cache, then reads it back instead of parsing', async () => {
    const { dir, name } = folder({ 'a.yaml': 'name: A\n' });
    const cacheDir = scratch();
    let waits = 0;
    const [file] = await readContentFolder(dir, name, {
      cache: diskParseCache(cacheDir),
      parsedElsewhere: () => {
        waits++;
        // The check's parse, stored under the same digest; marked so that a parse here would show.
        diskParseCache(cacheDir).set('name: A\n', 'data', { data: { name: 'from the check' } });
        return Promise.resolve();
      },
    });
    expect(waits).toBe(1);
    expect(file?.data).toEqual({ name: 'from the check' });
  });

  it('does not wait for a file the cache holds, and parses what the check could not store', async () => {
    const { dir, name } = folder({ 'a.yaml': 'name: A\n', 'odd.yaml': 'size: .inf\n' });
    const cacheDir = scratch();
    diskParseCache(cacheDir).set('name: A\n', 'data', { data: { name: 'cached' } });
    const waited: string[] = [];
    const files = await readContentFolder(dir, name, {
      cache: diskParseCache(cacheDir),
      parsedElsewhere: () => Promise.resolve(void waited.push('waited')),
    });
    // Only odd.yaml missed (JSON cannot hold .inf), and it is parsed here after the wait.
    expect(waited).toEqual(['waited']);
    expect(files.map((f) => f.data)).toEqual([{ name: 'cached' }, { size: Infinity }]);
  });

  it('waits for the mark the check writes, and not at all when no check runs beside', async () => {
    await parsedByCheck({});
    const mark = join(scratch(), 'parsed');
    const env = { [PARSED_MARK]: mark };
    let done = false;
    const waiting = parsedByCheck(env, { pollMs: 5 }).then(() => (done = true));
    await sleep(100);
    expect(done).toBe(false);
    markParsed(env);
    await waiting;
    expect(done).toBe(true);
  });

  it('stops waiting after its limit, so a slow check costs a second parse, not a stalled build', async () => {
    const env = { [PARSED_MARK]: join(scratch(), 'never-written') };
    await expect(parsedByCheck(env, { pollMs: 5, limitMs: 30 })).resolves.toBeUndefined();
  });
});
