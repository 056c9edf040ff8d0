/**
 * Citation export: every source has AMA, BibTeX, RIS and CSL-JSON files generated at build time,
 * content pages show the AMA reference and download links with no script, and the bibliography's
 * basket joins several sources into one download.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST, useSite } from './harness.ts';

const env = useSite();

const sourceIds = readdirSync('src/content/sources')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('citation files', () => {
  it('exist for every source in all four formats', () => {
    const risIds = new Set<string>();
    for (const id of sourceIds) {
      expect(readFileSync(`${DIST}/cite/${id}.bib`, 'utf8')).toMatch(new RegExp(`^@\\w+\\{${id},`));
      // RIS limits ID to 20 characters (citation-js truncates); the truncated ids must still differ.
      const ris = readFileSync(`${DIST}/cite/${id}.ris`, 'utf8');
      expect(ris).toMatch(
        new RegExp(`^TY {2}- \\w+\\n[\\s\\S]*^ID {2}- ${id.slice(0, 20)}$[\\s\\S]*^ER {2}-`, 'm'),
      );
      risIds.add(id.slice(0, 20));
      const [record] = JSON.parse(readFileSync(`${DIST}/cite/${id}.json`, 'utf8')) as {
        id: string;
      }[];
      expect(record?.id).toBe(id);
      expect(readFileSync(`${DIST}/cite/${id}.txt`, 'utf8').trim().length).toBeGreaterThan(20);
    }
    expect(risIds.size).toBe(sourceIds.length);
  });

  it('are shown on a source’s page without any script', () => {
    const html = readFileSync(`${DIST}/sources/fischgrund-2018/index.html`, 'utf8');
    expect(html).toContain('Fischgrund JS, Rhyne A, Franke J, et al.');
    expect(html).toContain('href="/cite/fischgrund-2018.bib"');
    expect(html).toContain('href="/cite/fischgrund-2018.ris"');
    expect(html).toContain('href="/cite/fischgrund-2018.json"');
    expect(html).not.toMatch(/<script(?![^>]*application\/(ld\+)?json)/);
  });
});

describe('the citation basket', () => {
  it('downloads the chosen sources as one BibTeX, RIS or CSL-JSON file', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('bibliography/export/', env.site.url).href);
    await page.check('#basket-fischgrund-2018');
    await page.check('#basket-cms-lcd-l39420');
    expect(await page.textContent('[data-basket-count]')).toBe('2 sources chosen.');
    const read = async (format: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-basket="${format}"]`),
      ]);
      expect(download.suggestedFilename()).toBe(`bvn-atlas-references.${format}`);
      return readFileSync(await download.path(), 'utf8');
    };
    const bib = await read('bib');
    expect(bib.match(/^@\w+\{/gm)).toHaveLength(2);
    expect(bib).toContain('@article{fischgrund-2018,');
    expect(bib).toContain('{cms-lcd-l39420,');
    expect((await read('ris')).match(/^ER {2}-/gm)).toHaveLength(2);
    expect((JSON.parse(await read('json')) as { id: string }[]).map((i) => i.id)).toEqual([
      'cms-lcd-l39420',
      'fischgrund-2018',
    ]);
    await page.click('[data-basket="none"]');
    expect(await page.isDisabled('[data-basket="bib"]')).toBe(true);
    await context.close();
  });
});
