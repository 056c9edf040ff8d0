/** Every internal link and anchor in dist/ resolves to a built file and an element id. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST } from './harness.ts';

function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path);
  const candidates = clean.endsWith('/')
    ? [join(DIST, clean, 'index.html')]
    : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c));
}

const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    idsCache.set(file, ids);
  }
  return ids;
}

describe('internal links', () => {
  it('resolve to existing pages and anchors', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of builtPages()) {
      const file = fileFor(page)!;
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const target = match[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:)/.test(target)) continue;
        const url = new URL(target, `http://site${page}`);
        const targetFile = url.pathname === page ? file : fileFor(url.pathname);
        checked++;
        if (!targetFile) broken.push(`${page}: ${target} (no such page)`);
        else if (
          url.hash &&
          targetFile.endsWith('.html') &&
          !idsIn(targetFile).has(decodeURIComponent(url.hash.slice(1)))
        )
          broken.push(`${page}: ${target} (no element with id ${url.hash.slice(1)})`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});
