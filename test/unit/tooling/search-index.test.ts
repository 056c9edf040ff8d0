/**
 * The search index step (scripts/lib/search-index.ts) hands pagefind only the pages it indexes:
 * the ones marked data-pagefind-body. Here on a three-page site, with the real pagefind binary.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, indexedPages, spaceBlocks } from '../../../scripts/lib/search-index.ts';

const page = (body: string, indexed: boolean) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main${indexed ? ' data-pagefind-body' : ''}><h1>${body}</h1><p>${body} words to find</p></main></body></html>`;

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bvn-search-'));
  const files = {
    'index.html': page('home', true),
    'policies/a/index.html': page('policy', true),
    'compare/a/b/index.html': page('pair', false),
    'data/x.json': '{"data-pagefind-body": true}',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('the search index step', () => {
  it('lists only the HTML pages marked for indexing, in order', () => {
    expect(indexedPages(site())).toEqual(['index.html', 'policies/a/index.html']);
  });

  it('takes known files from the record without reading them, and reads the others', () => {
    // The record says the pair page is indexed and the policy page is not: trusted, as a carried
    // page is the last build's file. The home page is not in the record, so it is read.
    const known = {
      files: new Set(['policies/a/index.html', 'compare/a/b/index.html']),
      indexed: new Set(['compare/a/b/index.html']),
    };
    expect(indexedPages(site(), known)).toEqual(['compare/a/b/index.html', 'index.html']);
  });

  it('writes pagefind’s bundle into the site and leaves no scratch folder', () => {
    const dir = site();
    const pagefind = join(process.cwd(), 'node_modules/.bin/pagefind');
    expect(buildSearchIndex(dir, { pagefind })).toEqual({
      problems: [],
      pages: ['index.html', 'policies/a/index.html'],
    });
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    // Two pages indexed: one fragment file each.
    expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toHaveLength(2);
    expect(existsSync(`${dir}.search`)).toBe(false);
  });

  it('indexes the words of a definition list apart, as a browser shows them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvn-search-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main data-pagefind-body><h1>Claim</h1><dl><dt>Topic</dt><dd>mechanism</dd><dt>Issued by</dt><dd><a href="/x/">Kaiser</a></dd></dl><details><summary>More</summary>text</details></main></body></html>',
    );
    const pagefind = join(process.cwd(), 'node_modules/.bin/pagefind');
    expect(buildSearchIndex(dir, { pagefind }).problems).toEqual([]);
    const [fragment] = readdirSync(join(dir, 'pagefind', 'fragment'));
    // A fragment is gzip of "pagefind_dcd" and the page's JSON record.
    const record = JSON.parse(
      gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', fragment!)))
        .toString('utf8')
        .slice('pagefind_dcd'.length),
    ) as { content: string };
    expect(record.content).toMatch(/Topic mechanism Issued by Kaiser More text/);
    // What readers are served is left as it was.
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(
      '<dt>Topic</dt><dd>mechanism</dd>',
    );
  });

  it('spaces block tags only, not inline ones or look-alike names', () => {
    expect(
      spaceBlocks('<dl><dt>A</dt><dd>b <em>c</em></dd></dl><p class="x">d</p><pre>e</pre>'),
    ).toBe(' <dl> <dt>A</dt>  <dd>b <em>c</em></dd> </dl>  <p class="x">d</p>  <pre>e</pre> ');
    expect(spaceBlocks('<span>a</span><param><thead><th>x</th>')).toBe(
      '<span>a</span><param><thead> <th>x</th> ',
    );
  });

  it('says so when no page is marked, rather than indexing every page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvn-search-'));
    writeFileSync(join(dir, 'index.html'), page('home', false));
    expect(buildSearchIndex(dir).problems).toEqual([
      `no page under ${dir}/ is marked data-pagefind-body`,
    ]);
  });
});
