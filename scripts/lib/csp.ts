/**
 * The Content-Security-Policy rules every built page must meet, as a pure check of one parsed
 * document: one CSP <meta> in <head>, before any script or stylesheet it governs; scripts only from
 * this origin or hashed (no 'unsafe-inline', no 'unsafe-eval', no inline script or event handler
 * without a hash); no other origin in any directive; forms posting nowhere else (form-action).
 * Directives a <meta> cannot carry (frame-ancestors, sandbox, reporting) belong in the `_headers`
 * file (scripts/lib/headers-file.ts). Where URLs in the page lead is checked by ./off-site.ts.
 */
import { createHash } from 'node:crypto';
import {
  attr,
  elements,
  isActiveScript,
  isInside,
  textOf,
  tokens,
  type HtmlDocument,
  type HtmlElement,
} from './html.ts';
import { isOnSite } from './site-url.ts';

/** A parsed policy: directive name → its source expressions. */
export type Policy = Map<string, string[]>;

/** Parses a policy as browsers do: names case-insensitive, the first of a repeated directive wins. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Keywords a source list may hold. `'unsafe-inline'`, `'unsafe-eval'` and `'unsafe-hashes'` are never allowed in script-src. */
const keywords = new Set([
  "'self'",
  "'none'",
  "'strict-dynamic'",
  "'report-sample'",
  "'wasm-unsafe-eval'",
  "'unsafe-inline'",
  "'unsafe-eval'",
  "'unsafe-hashes'",
]);
const hashSource = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;
/** Directives whose values are not source lists. */
const nonSourceDirectives = new Set([
  'sandbox',
  'report-uri',
  'report-to',
  'upgrade-insecure-requests',
  'block-all-mixed-content',
  'require-trusted-types-for',
  'trusted-types',
]);
/** Directives browsers ignore in a <meta> (they only work as an HTTP header). */
export const headerOnlyDirectives = ['frame-ancestors', 'sandbox', 'report-uri', 'report-to'];
/** Schemes allowed as a source (never for scripts): inline SVG icons and images. */
const schemeSources: Record<string, string[]> = { 'data:': ['img-src', 'font-src'] };

export interface CspOptions {
  /** Pages (URL paths) allowed `'wasm-unsafe-eval'` in script-src, e.g. the search page. */
  wasmPages?: readonly RegExp[];
}

/** The CSP <meta> elements of a document. */
export function cspMetas(doc: HtmlDocument): HtmlElement[] {
  return elements(doc).filter(
    (e) =>
      e.name === 'meta' &&
      (attr(e, 'http-equiv') ?? '').trim().toLowerCase() === 'content-security-policy',
  );
}

/** Elements a policy must come before to govern them: scripts, styles, stylesheets and preloads. */
function isGoverned(element: HtmlElement): boolean {
  if (element.name === 'script' || element.name === 'style') return true;
  if (element.name !== 'link') return false;
  return tokens(element, 'rel').some((rel) =>
    ['stylesheet', 'modulepreload', 'preload', 'prefetch'].includes(rel),
  );
}

/** Problems with the policy's text itself. */
export function policyProblems(policy: Policy, path: string, options: CspOptions = {}): string[] {
  const problems: string[] = [];
  const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
  if (!policy.has('default-src')) problems.push('no default-src directive');
  if (!scriptSrc) problems.push('no script-src (or default-src) directive');
  if ((policy.get('object-src') ?? policy.get('default-src'))?.join(' ') !== "'none'")
    problems.push("object-src is not 'none'");
  if (!policy.has('base-uri'))
    problems.push('no base-uri directive (a <base> tag could redirect relative script URLs)');
  if (!policy.has('form-action'))
    problems.push('no form-action directive (default-src does not cover where forms submit)');

  for (const [directive, sources] of policy) {
    if (nonSourceDirectives.has(directive)) continue;
    for (const source of sources) {
      const lower = source.toLowerCase();
      if (keywords.has(lower) || hashSource.test(source)) continue;
      if (schemeSources[lower]?.includes(directive)) continue;
      if (/^'nonce-/.test(lower))
        problems.push(`${directive} has a nonce, which a static page repeats to every visitor`);
      else if (lower.endsWith(':')) problems.push(`${directive} allows the whole scheme ${source}`);
      else problems.push(`${directive} allows another origin: ${source}`);
    }
  }

  const scriptDirectives = ['script-src', 'script-src-elem', 'script-src-attr'].filter((d) =>
    policy.has(d),
  );
  for (const directive of scriptDirectives.length ? scriptDirectives : ['default-src']) {
    const sources = (policy.get(directive) ?? []).map((s) => s.toLowerCase());
    for (const banned of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"])
      if (sources.includes(banned)) problems.push(`${directive} allows ${banned}`);
    if (
      sources.includes("'wasm-unsafe-eval'") &&
      !(options.wasmPages ?? []).some((re) => re.test(path))
    )
      problems.push(
        `${directive} allows 'wasm-unsafe-eval' on a page that is not allowed to compile WebAssembly`,
      );
  }
  return problems;
}

/** Every CSP problem in one parsed page; empty when it meets the rules. */
export function cspProblems(doc: HtmlDocument, path: string, options: CspOptions = {}): string[] {
  const problems: string[] = [];
  const metas = cspMetas(doc);
  if (metas.length === 0) return ['no Content-Security-Policy <meta> element'];
  if (metas.length > 1)
    problems.push(`${metas.length} Content-Security-Policy <meta> elements (expected one)`);
  const meta = metas[0]!;
  if (!isInside(meta, 'head'))
    problems.push('the CSP <meta> is outside <head>, where browsers ignore it');
  const all = elements(doc);
  if (all.slice(0, all.indexOf(meta)).some(isGoverned))
    problems.push(
      'a script or stylesheet comes before the CSP <meta>, so the policy does not govern it',
    );

  const policy = parsePolicy(attr(meta, 'content') ?? '');
  problems.push(...policyProblems(policy, path, options));
  for (const directive of headerOnlyDirectives)
    if (policy.has(directive))
      problems.push(
        `${directive} in a <meta> is ignored by browsers: it belongs in the _headers file`,
      );

  const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
  const allowedHashes = new Set(
    [...(policy.get('script-src-elem') ?? scriptSrc ?? [])].filter((s) => hashSource.test(s)),
  );
  for (const element of all) {
    if (isActiveScript(element)) {
      const src = attr(element, 'src');
      if (src !== undefined) {
        if (!isOnSite(src, path))
          problems.push(`<script src="${src}"> loads a script from another origin`);
      } else {
        const text = textOf(element);
        const hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
        if (text.length > 0 && !allowedHashes.has(hash))
          problems.push(`an inline <script> (${hash}) has no hash in script-src`);
      }
    }
    const handler = Object.keys(element.attribs).find((a) => /^on[a-z]+$/.test(a));
    if (handler)
      problems.push(
        `an inline event handler (${handler}=) needs 'unsafe-hashes', which is not allowed`,
      );
  }
  return problems;
}
