import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../scripts/lib/csp.ts';
import {
  headerProblems,
  headersFor,
  parseHeadersFile,
  patternMatches,
} from '../../../scripts/lib/headers-file.ts';

const meta = parsePolicy(
  "default-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; script-src 'self' 'sha256-AAAA'",
);
const good = {
  'Content-Security-Policy': "frame-ancestors 'none'; form-action 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)',
};

describe('the _headers file', () => {
  it('reads patterns and their indented headers, skipping comments', () => {
    const rules = parseHeadersFile('# c\n/*\n  A: 1\n  # c\n  B: x: y\n\n/check/*\n  A: 2\n');
    expect(rules).toEqual([
      {
        pattern: '/*',
        headers: [
          ['A', '1'],
          ['B', 'x: y'],
        ],
        line: 2,
      },
      { pattern: '/check/*', headers: [['A', '2']], line: 7 },
    ]);
    expect(headersFor(rules, '/check/')).toEqual({ A: '1, 2', B: 'x: y' });
    expect(headersFor(rules, '/about/')).toEqual({ A: '1', B: 'x: y' });
  });

  it.each([
    ['  A: 1\n', '_headers:1: a header before any URL pattern'],
    ['check/*\n  A: 1\n', '_headers:1: expected a URL pattern starting with "/"'],
    ['/*\n  A 1\n', '_headers:2: expected "Name: value"'],
    ['/*\n  A B: 1\n', '_headers:2: "A B" is not a valid header name'],
  ])('names the line of a malformed file (%j)', (text, message) => {
    expect(() => parseHeadersFile(text)).toThrow(message);
  });

  it('matches * across segments and :name within one', () => {
    expect(patternMatches('/*', '/a/b/')).toBe(true);
    expect(patternMatches('/cite/:id', '/cite/smart.bib')).toBe(true);
    expect(patternMatches('/cite/:id', '/cite/a/b')).toBe(false);
    expect(patternMatches('/check/', '/check/packet/')).toBe(false);
  });

  it('accepts headers that forbid framing and agree with the page’s <meta> policy', () => {
    expect(headerProblems(good, meta)).toEqual([]);
  });

  it.each([
    [
      'no frame-ancestors',
      { 'Content-Security-Policy': "form-action 'self'" },
      "the CSP header does not say frame-ancestors 'none' (other sites could frame the page)",
    ],
    [
      'a script-src, which would block the hashed scripts of the <meta>',
      { 'Content-Security-Policy': "frame-ancestors 'none'; script-src 'self'" },
      'the CSP header sets script-src, which would block the scripts and styles the <meta> allows by hash',
    ],
    [
      'a default-src, which scripts and styles fall back to',
      { 'Content-Security-Policy': "frame-ancestors 'none'; default-src 'self'" },
      'the CSP header sets default-src, which would block the scripts and styles the <meta> allows by hash',
    ],
    [
      'a directive that differs from the <meta>',
      {
        'Content-Security-Policy': "frame-ancestors 'none'; connect-src 'self' https://api.example",
      },
      "the CSP header's connect-src ('self' https://api.example) differs from the <meta>'s ('self')",
    ],
    [
      'a directive the <meta> lacks',
      { 'Content-Security-Policy': "frame-ancestors 'none'; media-src 'self'" },
      "the CSP header sets media-src, which the page's <meta> does not",
    ],
    [
      'no nosniff',
      { 'X-Content-Type-Options': 'sniff' },
      'header X-Content-Type-Options is not "nosniff"',
    ],
    [
      'a leaky referrer policy',
      { 'Referrer-Policy': 'unsafe-url' },
      'header Referrer-Policy is not "no-referrer"',
    ],
    [
      'a permission granted to every origin',
      {
        'Permissions-Policy':
          'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=*',
      },
      'Permissions-Policy allows fullscreen=* (only () or (self) are allowed)',
    ],
    [
      'a permission left out',
      { 'Permissions-Policy': 'camera=(), microphone=(), payment=(), usb=()' },
      'Permissions-Policy does not deny geolocation',
    ],
  ])('rejects %s', (_, change, problem) => {
    expect(headerProblems({ ...good, ...change }, meta)).toEqual([problem]);
  });

  it('the site’s own public/_headers passes against the policy astro.config.mjs writes', () => {
    const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'), 'public/_headers');
    const config = readFileSync('astro.config.mjs', 'utf8');
    // The directives listed in astro.config.mjs, as Astro writes them into each page's <meta>.
    const directives = [...config.matchAll(/^\s*"([a-z-]+ [^"]+)",?$/gm)].map((m) => m[1]);
    expect(directives.length).toBeGreaterThan(4);
    const sitePolicy = parsePolicy(`${directives.join('; ')}; script-src 'self'`);
    expect(headerProblems(headersFor(rules, '/check/'), sitePolicy)).toEqual([]);
  });
});
