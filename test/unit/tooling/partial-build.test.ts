/**
 * The parts of a partial build that need no build (src/lib/content/page-inputs.ts and
 * scripts/lib/carry-forward.ts): what a page's digest covers of a policy, the JSON it digests,
 * where a route writes a page, which pages are carried forward and the sitemap that lists them.
 * test/e2e/incremental.test.ts builds the site to compare a partial build with a full one.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bodyFields,
  lineBodyFields,
  outputFile,
  policyShape,
  stableJson,
} from '../../../src/lib/content/page-inputs.ts';
import {
  carriedPages,
  carryForward,
  changedParts,
  pagePath,
  writeSitemap,
} from '../../../scripts/lib/carry-forward.ts';
import { sitemapLocs } from '../../../scripts/lib/sitemap.ts';
import { loadContent } from '../../helpers/content.ts';

const { content } = await loadContent();
const policy = [...content.policies.values()].find((p) => p.lines.some((l) => l.criteria))!;

describe('a policy’s shape', () => {
  it('drops the body fields, of the policy and of each line, and keeps everything else', () => {
    const shape = policyShape(policy) as Record<string, unknown> & {
      lines: Record<string, unknown>[];
    };
    for (const field of bodyFields) expect(shape).not.toHaveProperty(field);
    for (const line of shape.lines)
      for (const field of lineBodyFields) expect(line).not.toHaveProperty(field);
    expect(shape.shortName).toBe(policy.shortName);
    expect(shape.payer).toBe(policy.payer);
    expect(shape.lines.map((l) => l.id)).toEqual(policy.lines.map((l) => l.id));
    expect(shape.lines.map((l) => l.label)).toEqual(policy.lines.map((l) => l.label));
    // The policy itself is left as it was.
    expect(policy.lines.some((l) => l.criteria)).toBe(true);
  });

  it('is the same after a body edit and differs after a rename', () => {
    const edited = { ...policy, summary: `${policy.summary} Edited.`, lastReviewed: '2030-01-01' };
    expect(stableJson(policyShape(edited))).toBe(stableJson(policyShape(policy)));
    const renamed = {
      ...policy,
      lines: policy.lines.map((l, i) => (i === 0 ? { ...l, label: `${l.label} (renamed)` } : l)),
    };
    expect(stableJson(policyShape(renamed))).not.toBe(stableJson(policyShape(policy)));
  });
});

describe('the JSON a page digest covers', () => {
  it('spells out Maps and Sets, which plain JSON would write as {}', () => {
    expect(JSON.stringify(new Map([['a', 1]]))).toBe(JSON.stringify(new Map([['b', 2]])));
    expect(stableJson(new Map([['a', 1]]))).not.toBe(stableJson(new Map([['b', 2]])));
    expect(stableJson(new Set([1]))).not.toBe(stableJson(new Set([2])));
    expect(stableJson([Infinity])).not.toBe(stableJson([-Infinity]));
  });

  it('refuses a function, whose effect it could not see', () => {
    expect(() => stableJson({ f: () => 1 })).toThrow(/function/);
  });
});

describe('where a route writes a page', () => {
  it('fills the params into the pattern: a page is its folder’s index.html, an endpoint its file', () => {
    expect(outputFile('/policies/[id]/', { id: 'cohere' })).toBe('policies/cohere/index.html');
    expect(outputFile('/compare/[a]/[b]/', { a: 'x', b: 'y' })).toBe('compare/x/y/index.html');
    expect(outputFile('/data/lines/[id].json', { id: 'x' })).toBe('data/lines/x.json');
    expect(() => outputFile('/policies/[id]/', {})).toThrow(/\[id\]/);
  });

  it('and back: the URL path of a page file', () => {
    expect(pagePath('policies/cohere/index.html')).toBe('/policies/cohere/');
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('data/lines/x.json')).toBe('/data/lines/x.json');
  });
});

describe('carrying pages forward', () => {
  const previous = {
    site: 's1',
    parts: { code: 'c1', names: 'n1' },
    pages: { 'a/index.html': '1', 'b/index.html': '2', 'gone/index.html': '3', 'x.json': '4' },
  };

  it('carries the pages recorded alike in both builds, and nothing when the site changed', () => {
    const next = {
      ...previous,
      pages: { 'a/index.html': '1', 'b/index.html': '2b', 'new/index.html': '5', 'x.json': '4' },
    };
    expect(carriedPages(previous, next)).toEqual(['a/index.html', 'x.json']);
    expect(changedParts(previous, next)).toEqual([]);
    const changed = { ...next, site: 's2', parts: { code: 'c2', names: 'n1' } };
    expect(carriedPages(previous, changed)).toEqual([]);
    expect(changedParts(previous, changed)).toEqual(['code']);
  });

  it('copies them from the last output and lists them in the sitemap, in order', () => {
    const root = mkdtempSync(join(tmpdir(), 'bvn-carry-'));
    const from = join(root, 'dist');
    const to = join(root, 'staging');
    for (const [file, text] of Object.entries({ 'a/index.html': 'A', 'x.json': 'X' })) {
      mkdirSync(join(from, file, '..'), { recursive: true });
      writeFileSync(join(from, file), text);
    }
    mkdirSync(to);
    writeFileSync(
      join(to, 'sitemap-index.xml'),
      '<sitemapindex><sitemap><loc>https://example.org/sitemap-0.xml</loc></sitemap></sitemapindex>',
    );
    writeFileSync(
      join(to, 'sitemap-0.xml'),
      '<urlset><url><loc>https://example.org/z/</loc></url><url><loc>https://example.org/b/</loc></url></urlset>',
    );
    const next = {
      ...previous,
      pages: { 'a/index.html': '1', 'b/index.html': '2b', 'x.json': '4' },
    };
    const result = carryForward({ from, to, previous, next });
    expect(result).toEqual({ carried: ['a/index.html', 'x.json'], changed: [], problems: [] });
    expect(readFileSync(join(to, 'a/index.html'), 'utf8')).toBe('A');
    expect(readFileSync(join(to, 'x.json'), 'utf8')).toBe('X');
    expect(sitemapLocs(readFileSync(join(to, 'sitemap-0.xml'), 'utf8'))).toEqual([
      'https://example.org/a/',
      'https://example.org/b/',
      'https://example.org/z/',
    ]);
  });

  it('names a carried page missing from the last output, and a sitemap in parts', () => {
    const root = mkdtempSync(join(tmpdir(), 'bvn-carry-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'staging'));
    const result = carryForward({
      from: join(root, 'dist'),
      to: join(root, 'staging'),
      previous,
      next: previous,
    });
    expect(result.problems).toHaveLength(5);
    expect(result.problems[0]).toMatch(/a\/index\.html is missing from the last output/);
    expect(result.problems[4]).toMatch(/expected one sitemap part/);
    expect(writeSitemap(join(root, 'staging'))).toHaveLength(1);
  });
});

describe('substitution in the digested JSON', () => {
  it('writes the substitute wherever the value occurs, the root included', () => {
    const shared = { big: 'x'.repeat(100) };
    const value = { a: shared, b: [shared], c: 1 };
    const json = stableJson(value, (v) => (v === shared ? '#digest' : v));
    expect(json).toBe('{"a":"#digest","b":["#digest"],"c":1}');
    expect(stableJson(shared, (v) => (v === shared ? '#digest' : v))).toBe('"#digest"');
  });
});
