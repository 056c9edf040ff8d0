import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gzipSize,
  htmlPages,
  measurePage,
  staticModuleGraph,
} from '../../../scripts/lib/dist-files.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bvn-dist-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('reading the built site', () => {
  const dist = site({
    'index.html':
      '<html><head><link rel="stylesheet" href="/_astro/a.css"></head><body>home</body></html>',
    'search/index.html':
      '<html><head><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/island.js"></script></head><body><script type="application/json">{}</script></body></html>',
    '404.html': '<html></html>',
    '_astro/a.css': 'body{margin:0}',
    '_astro/island.js': 'import{x}from"./chunk.js";import("/pagefind/pagefind.js");x()',
    '_astro/chunk.js': 'export const x=()=>1',
    'pagefind/pagefind.js': 'export const search=1',
    '_astro/pair.js': 'new Worker(new URL(`/_astro/worker.js`,``+import.meta.url),{type:"module"})',
    '_astro/worker.js': 'import{x}from"./chunk.js";x()',
  });

  it('lists pages as URL paths, skipping pagefind and _astro', () => {
    expect(htmlPages(dist)).toEqual(['/', '/404.html', '/search/']);
  });

  it('follows static imports but not dynamic import()', () => {
    expect(staticModuleGraph(dist, '/_astro/island.js')).toEqual([
      '/_astro/island.js',
      '/_astro/chunk.js',
    ]);
  });

  it('counts the worker a module starts, and what the worker imports, as loaded with it', () => {
    expect(staticModuleGraph(dist, '/_astro/pair.js')).toEqual([
      '/_astro/pair.js',
      '/_astro/worker.js',
      '/_astro/chunk.js',
    ]);
  });

  it('counts a content page’s stylesheet and no script', () => {
    const w = measurePage(dist, '/');
    expect(w).toMatchObject({ css: gzipSize('body{margin:0}'), js: 0, scripts: 0 });
  });

  it('counts an island’s module and its static imports, not JSON data blocks', () => {
    const w = measurePage(dist, '/search/');
    expect(w.scripts).toBe(1);
    expect(w.js).toBe(
      gzipSize('import{x}from"./chunk.js";import("/pagefind/pagefind.js");x()') +
        gzipSize('export const x=()=>1'),
    );
  });
});
