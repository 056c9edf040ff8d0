/**
 * The Content-Security-Policy rules every built page must meet, as a pure check of one HTML
 * document: a CSP <meta> before anything it governs; scripts only from this origin or hashed
 * (no 'unsafe-inline', no 'unsafe-eval', no inline script or event handler without a hash);
 * no third-party origin in any directive, nor in the src/href of a script, stylesheet, icon or
 * image. Patient facts typed into the checker must have nowhere else to go.
 */
import { createHash } from 'node:crypto';
import {
  attributes,
  isExecutable,
  isSameOrigin,
  linkElements,
  scriptElements,
} from './dist-files.ts';

/** A parsed policy: directive name → its source expressions. */
export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The CSP <meta> elements of a document and where each starts. */
function cspMetas(html: string): { content: string; index: number }[] {
  return [...html.matchAll(/<meta\b([^>]*)>/gi)]
    .map((m) => ({ attrs: attributes(m[1] ?? ''), index: m.index ?? 0 }))
    .filter((m) => (m.attrs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy')
    .map((m) => ({ content: m.attrs.content ?? '', index: m.index }));
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
/** Schemes allowed as a source (never for scripts): inline SVG icons and images. */
const schemeSources: Record<string, string[]> = { 'data:': ['img-src', 'font-src'] };

export interface CspOptions {
  /** Pages (URL paths) allowed `'wasm-unsafe-eval'` in script-src, e.g. the search page. */
  wasmPages?: readonly RegExp[];
}

/** Every CSP problem in one built page; empty when it meets the rules. */
export function cspProblems(html: string, path: string, options: CspOptions = {}): string[] {
  const problems: string[] = [];
  const metas = cspMetas(html);
  if (metas.length === 0) return ['no Content-Security-Policy <meta> element'];
  if (metas.length > 1)
    problems.push(`${metas.length} Content-Security-Policy <meta> elements (expected one)`);
  const meta = metas[0]!;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd !== -1 && meta.index > headEnd)
    problems.push('the CSP <meta> is outside <head>, where browsers ignore it');
  const firstGoverned = html.search(
    /<(script|style)\b|<link\b[^>]*\brel=["']?(stylesheet|modulepreload|preload)/i,
  );
  if (firstGoverned !== -1 && firstGoverned < meta.index)
    problems.push(
      'a script or stylesheet comes before the CSP <meta>, so the policy does not govern it',
    );

  const policy = parsePolicy(meta.content);
  const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
  if (!policy.has('default-src')) problems.push('no default-src directive');
  if (!scriptSrc) problems.push('no script-src (or default-src) directive');
  if ((policy.get('object-src') ?? policy.get('default-src'))?.join(' ') !== "'none'")
    problems.push("object-src is not 'none'");
  if (!policy.has('base-uri'))
    problems.push('no base-uri directive (a <base> tag could redirect relative script URLs)');

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

  const allowedHashes = new Set(
    [...(policy.get('script-src-elem') ?? scriptSrc ?? [])].filter((s) => hashSource.test(s)),
  );
  for (const script of scriptElements(html)) {
    if (script.attrs.src !== undefined) {
      if (!isSameOrigin(script.attrs.src))
        problems.push(`<script src="${script.attrs.src}"> loads a script from another origin`);
      continue;
    }
    if (!isExecutable(script) || script.text.length === 0) continue;
    const hash = `'sha256-${createHash('sha256').update(script.text).digest('base64')}'`;
    if (!allowedHashes.has(hash))
      problems.push(`an inline <script> (${hash}) has no hash in script-src`);
  }
  for (const m of html.matchAll(/<[a-z][\w-]*\b([^>]*)>/gi)) {
    const attrs = attributes(m[1] ?? '');
    const handler = Object.keys(attrs).find((a) => /^on[a-z]+$/.test(a));
    if (handler)
      problems.push(
        `an inline event handler (${handler}=) needs 'unsafe-hashes', which is not allowed`,
      );
    if (/^\s*javascript:/i.test(attrs.href ?? ''))
      problems.push('a javascript: URL is inline script');
  }

  for (const link of linkElements(html)) {
    const rel = (link.rel ?? '').toLowerCase().split(/\s+/);
    const loads = rel.some((r) =>
      [
        'stylesheet',
        'icon',
        'preload',
        'modulepreload',
        'prefetch',
        'manifest',
        'apple-touch-icon',
      ].includes(r),
    );
    if (loads && link.href && !isSameOrigin(link.href))
      problems.push(`<link rel="${link.rel}" href="${link.href}"> loads from another origin`);
  }
  for (const m of html.matchAll(
    /<(img|source|video|audio|iframe|embed|track|input|image|use)\b([^>]*)>/gi,
  )) {
    const attrs = attributes(m[2] ?? '');
    for (const name of ['src', 'href', 'xlink:href', 'poster']) {
      const url = attrs[name];
      if (url && !isSameOrigin(url) && !/^data:/i.test(url))
        problems.push(`<${m[1]} ${name}="${url}"> loads from another origin`);
    }
    for (const candidate of (attrs.srcset ?? '')
      .split(',')
      .map((c) => c.trim().split(/\s+/)[0])
      .filter(Boolean))
      if (!isSameOrigin(candidate!) && !/^data:/i.test(candidate!))
        problems.push(`<${m[1]} srcset> loads ${candidate} from another origin`);
  }
  return problems;
}
