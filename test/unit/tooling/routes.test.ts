import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  outputsByRoute,
  routeOf,
  routeTemplates,
  withOutput,
} from '../../../scripts/lib/routes.ts';

function pagesDir(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bvn-pages-'));
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '');
  }
  return dir;
}

describe('route templates', () => {
  const dir = pagesDir([
    'index.astro',
    '404.astro',
    'search.astro',
    'compare/index.astro',
    'compare/pairs.astro',
    'compare/[a]/[b].astro',
    'compare/views/[view].astro',
    'cite/[id].bib.ts',
    'docs/[...slug].md',
    '_partial.astro',
    'compare/_helpers/x.astro',
  ]);
  const templates = routeTemplates(dir);

  it('reads every route file as Astro does, skipping _-prefixed files and folders', () => {
    expect(templates.map((t) => [t.kind, t.route])).toEqual([
      ['page', '/404.html'],
      ['endpoint', '/cite/[id].bib'],
      ['page', '/compare/[a]/[b]/'],
      ['page', '/compare/'],
      ['page', '/compare/pairs/'],
      ['page', '/compare/views/[view]/'],
      ['page', '/docs/[...slug]/'],
      ['page', '/'],
      ['page', '/search/'],
    ]);
  });

  it('gives a built path to the most specific template, as Astro’s route priority does', () => {
    const route = (path: string) => routeOf(templates, path)?.route;
    expect(route('/compare/views/payer-type/')).toBe('/compare/views/[view]/');
    expect(route('/compare/aetna/cigna/')).toBe('/compare/[a]/[b]/');
    expect(route('/compare/pairs/')).toBe('/compare/pairs/');
    expect(route('/docs/a/b/')).toBe('/docs/[...slug]/');
    expect(route('/cite/smart.bib')).toBe('/cite/[id].bib');
    expect(route('/favicon.svg')).toBeUndefined();
  });

  it('finds the templates that built nothing', () => {
    const outputs = outputsByRoute(templates, ['/', '/404.html', '/search/', '/compare/x/y/']);
    expect([...outputs].filter(([, built]) => built.length === 0).map(([t]) => t.route)).toEqual([
      '/cite/[id].bib',
      '/compare/',
      '/compare/pairs/',
      '/compare/views/[view]/',
      '/docs/[...slug]/',
    ]);
  });

  it('lets a template that says it builds only at scale build nothing, and only such a template', () => {
    const scaled = pagesDir(['list/index.astro', 'list/page/[n].astro', 'other/[id].astro']);
    writeFileSync(
      join(scaled, 'list/page/[n].astro'),
      '---\n/** Page n. @builds-only-at-scale: one page holds the list until it grows. */\n---\n',
    );
    const found = routeTemplates(scaled);
    expect(found.map((t) => [t.route, t.onlyAtScale])).toEqual([
      ['/list/', undefined],
      ['/list/page/[n]/', 'one page holds the list until it grows.'],
      ['/other/[id]/', undefined],
    ]);
    expect(withOutput(found, ['/list/']).map((t) => t.route)).toEqual(['/list/', '/other/[id]/']);
    expect(withOutput(found, ['/list/', '/list/page/2/'])).toHaveLength(3);
  });

  it('lets an endpoint that says it builds only below scale build nothing, as large catalogues do', () => {
    const scaled = pagesDir(['data/index.json.ts', 'data/[bundle].json.ts', 'data/[id].bib.ts']);
    writeFileSync(
      join(scaled, 'data/[bundle].json.ts'),
      '/**\n * Every line in one file.\n * @builds-only-below-scale: above 60 lines pages load per line.\n */\n',
    );
    const found = routeTemplates(scaled);
    expect(found.map((t) => [t.route, t.onlyBelowScale, t.onlyAtScale])).toEqual([
      ['/data/[bundle].json', 'above 60 lines pages load per line.', undefined],
      ['/data/[id].bib', undefined, undefined],
      ['/data/index.json', undefined, undefined],
    ]);
    expect(withOutput(found, ['/data/index.json']).map((t) => t.route)).toEqual([
      '/data/[id].bib',
      '/data/index.json',
    ]);
    expect(withOutput(found, ['/data/index.json', '/data/lines.json'])).toHaveLength(3);
    // The static file wins over the parameter when both match, as in Astro.
    expect(routeOf(found, '/data/index.json')?.route).toBe('/data/index.json');
    expect(routeOf(found, '/data/lines.json')?.route).toBe('/data/[bundle].json');
  });
});
