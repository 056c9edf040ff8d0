import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/lib/html.ts';
import { linkProblems, pageLinks } from '../../../scripts/lib/links.ts';

const site = (pages: Record<string, string>, files: string[] = []) =>
  linkProblems({
    pages: new Map(Object.entries(pages).map(([path, html]) => [path, pageLinks(parseHtml(html))])),
    fileExists: (path) => files.includes(path),
  });

describe('internal links and anchors', () => {
  it('accept pages, files, anchors, directory URLs without the slash, and other sites', () => {
    const result = site(
      {
        '/': '<a href="/studies/">s</a><a href="studies/#smart">s</a><a href="/studies">s</a><link rel="stylesheet" href="/_astro/a.css"><a href="https://doi.org/10.1/x">doi</a><a href="#top-id" id="top-id">self</a>',
        '/studies/':
          '<h2 id="smart">SMART</h2><a href="../feed.xml">feed</a><a href="/?q=a&amp;b=c">home</a>',
      },
      ['/_astro/a.css', '/feed.xml'],
    );
    expect(result).toEqual({ problems: [], checked: 7 });
  });

  it('report a missing page, a missing file and a missing anchor, naming the page and element', () => {
    expect(
      site({
        '/': '<a href="/nope/">x</a><img src="/missing.png" alt=""><a href="/studies/#gone">x</a><form action="/search/"></form>',
        '/studies/': '<h2 id="smart">SMART</h2>',
      }).problems,
    ).toEqual([
      '/: <a href> /nope/ (no such page or file)',
      '/: <img src> /missing.png (no such page or file)',
      '/: <a href> /studies/#gone (no element with id "gone" on /studies/)',
      '/: <form action> /search/ (no such page or file)',
    ]);
  });

  it('read URLs as the browser does: entities decoded, leading spaces dropped, ids percent-decoded', () => {
    expect(
      site({
        '/': '<a href=" /a/#caf%C3%A9">x</a><a href="/a/#x&amp;y">y</a>',
        '/a/': '<p id="café">c</p><p id="x&y">d</p>',
      }).problems,
    ).toEqual([]);
  });
});
