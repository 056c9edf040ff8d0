import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspProblems as cspOf, parsePolicy, type CspOptions } from '../../../scripts/lib/csp.ts';
import { parseHtml } from '../../../scripts/lib/html.ts';

const cspProblems = (html: string, path: string, options?: CspOptions) =>
  cspOf(parseHtml(html), path, options);

const base =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'self'";
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (policy: string | undefined, head = '', body = '') =>
  `<!doctype html><html><head><title>t</title>${policy === undefined ? '' : `<meta http-equiv="content-security-policy" content="${policy}">`}${head}</head><body>${body}</body></html>`;

describe('the Content-Security-Policy gate', () => {
  it('accepts a page with the site’s policy, a same-origin stylesheet and module script', () => {
    expect(
      cspProblems(
        page(
          base,
          '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.js"></script>',
        ),
        '/',
      ),
    ).toEqual([]);
  });

  it.each([
    ['no CSP meta at all', page(undefined), 'no Content-Security-Policy <meta> element'],
    [
      "'unsafe-inline' in script-src",
      page(`${base} 'unsafe-inline'`),
      "script-src allows 'unsafe-inline'",
    ],
    [
      "'unsafe-eval' in script-src",
      page(`${base} 'unsafe-eval'`),
      "script-src allows 'unsafe-eval'",
    ],
    [
      'a CDN in script-src',
      page(`${base} https://cdn.example.com`),
      'script-src allows another origin: https://cdn.example.com',
    ],
    [
      'a third-party origin in connect-src',
      page(`${base}; connect-src 'self' https://analytics.example.com`),
      'connect-src allows another origin: https://analytics.example.com',
    ],
    [
      'a whole scheme in script-src',
      page(`${base} https:`),
      'script-src allows the whole scheme https:',
    ],
    ['data: for scripts', page(`${base} data:`), 'script-src allows the whole scheme data:'],
    [
      'a nonce on a static page',
      page(`${base} 'nonce-abc'`),
      'script-src has a nonce, which a static page repeats to every visitor',
    ],
    [
      'no object-src',
      page("default-src 'self'; base-uri 'self'; form-action 'self'"),
      "object-src is not 'none'",
    ],
    [
      'no base-uri',
      page("default-src 'self'; object-src 'none'; form-action 'self'"),
      'no base-uri directive (a <base> tag could redirect relative script URLs)',
    ],
  ])('rejects %s', (_, html, problem) => {
    expect(cspProblems(html, '/')).toContain(problem);
  });

  it('rejects an inline script whose hash the policy does not list, and accepts it once listed', () => {
    const code = 'console.log(1)';
    expect(cspProblems(page(base, `<script>${code}</script>`), '/')).toEqual([
      `an inline <script> (${sha(code)}) has no hash in script-src`,
    ]);
    expect(cspProblems(page(`${base} ${sha(code)}`, `<script>${code}</script>`), '/')).toEqual([]);
  });

  it('ignores JSON data blocks, which the browser does not run', () => {
    expect(
      cspProblems(page(base, '', '<script type="application/json">{"a":1}</script>'), '/'),
    ).toEqual([]);
  });

  it('rejects inline event handlers', () => {
    expect(cspProblems(page(base, '', '<button onclick="go()">x</button>'), '/')).toEqual([
      "an inline event handler (onclick=) needs 'unsafe-hashes', which is not allowed",
    ]);
  });

  it('rejects a script from another origin', () => {
    expect(cspProblems(page(base, '<script src="//cdn.example.com/x.js"></script>'), '/')).toEqual([
      '<script src="//cdn.example.com/x.js"> loads a script from another origin',
    ]);
  });

  it('rejects directives a <meta> cannot carry, which belong in _headers', () => {
    expect(cspProblems(page(`${base}; frame-ancestors 'none'`), '/')).toEqual([
      'frame-ancestors in a <meta> is ignored by browsers: it belongs in the _headers file',
    ]);
  });

  it('requires form-action, which default-src does not cover', () => {
    expect(cspProblems(page(base.replace("form-action 'self'; ", '')), '/')).toEqual([
      'no form-action directive (default-src does not cover where forms submit)',
    ]);
  });

  it('rejects a policy outside <head>', () => {
    const html = `<html><head><title>t</title></head><body><meta http-equiv="content-security-policy" content="${base}"></body></html>`;
    expect(cspProblems(html, '/')).toEqual([
      'the CSP <meta> is outside <head>, where browsers ignore it',
    ]);
  });

  it('rejects a policy that comes after the stylesheet it should govern', () => {
    const html = `<html><head><link rel="stylesheet" href="/a.css"><meta http-equiv="content-security-policy" content="${base}"></head></html>`;
    expect(cspProblems(html, '/')).toContain(
      'a script or stylesheet comes before the CSP <meta>, so the policy does not govern it',
    );
  });

  it("allows 'wasm-unsafe-eval' only on the pages given (the search page)", () => {
    const html = page(`${base} 'wasm-unsafe-eval'`);
    expect(cspProblems(html, '/search/', { wasmPages: [/^\/search\/$/] })).toEqual([]);
    expect(cspProblems(html, '/policies/', { wasmPages: [/^\/search\/$/] })).toEqual([
      "script-src allows 'wasm-unsafe-eval' on a page that is not allowed to compile WebAssembly",
    ]);
  });

  it('parses directives case-insensitively and keeps the first of a repeated directive, as browsers do', () => {
    const policy = parsePolicy(
      "Script-Src 'self'; script-src https://evil.example; img-src 'self' data:",
    );
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  });
});
