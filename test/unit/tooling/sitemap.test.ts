import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitemapPages, sitemapProblems } from '../../../scripts/lib/sitemap.ts';

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bvn-sitemap-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const urlset = (...paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>https://bvn.example${p}</loc></url>`).join('')}</urlset>`;

describe('the sitemap', () => {
  it('lists the pages of every sitemap the index names, in order', () => {
    const dir = dist({
      'sitemap-index.xml':
        '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://bvn.example/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'sitemap-0.xml': urlset('/', '/studies/caf%C3%A9/'),
    });
    expect(sitemapPages(dir)).toEqual(['/', '/studies/café/']);
  });

  it('names a sitemap the index lists that was not built', () => {
    const dir = dist({
      'sitemap-index.xml':
        '<sitemapindex><sitemap><loc>https://bvn.example/sitemap-1.xml</loc></sitemap></sitemapindex>',
    });
    expect(() => sitemapPages(dir)).toThrow(
      'sitemap-index.xml lists /sitemap-1.xml, which was not built.',
    );
  });

  it('reports pages built but not listed, and listed but not built; 404.html is left out on purpose', () => {
    expect(sitemapProblems(['/', '/gone/'], ['/', '/404.html', '/new/'])).toEqual([
      'sitemap lists /gone/, which was not built',
      '/new/ was built but the sitemap does not list it',
    ]);
  });
});
