/**
 * "Nothing leaves the site" as a pure check of one parsed page (principle 4: patient facts never
 * leave the browser; no third-party requests): every URL the browser fetches, submits to or is
 * sent to without the reader choosing a link must stay on the site's own origin. Links a reader
 * follows (`<a href>` to a cited document) may go anywhere, except to `javascript:`.
 */
import { attr, elements, srcsetUrls, tokens, type HtmlDocument, type HtmlElement } from './html.ts';
import { isOnSite, schemeOf } from './site-url.ts';

/** Elements that embed another document or plug-in the gate cannot see into: never allowed. */
const embedding = new Set(['object', 'embed', 'applet', 'portal', 'fencedframe']);

/**
 * Attributes whose URL the browser requests by itself, by element. `*` applies to every element.
 * `data:` is allowed only where the CSP allows it (images), see `dataAllowed`.
 */
const fetched: Record<string, string[]> = {
  '*': ['background'],
  html: ['manifest'],
  script: ['src', 'href', 'xlink:href'],
  img: ['src', 'lowsrc', 'dynsrc'],
  image: ['href', 'xlink:href', 'src'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  input: ['src', 'formaction'],
  button: ['formaction'],
  form: ['action'],
};
/** Attributes holding a srcset (several URLs). */
const srcsets: Record<string, string[]> = {
  img: ['srcset'],
  source: ['srcset'],
  link: ['imagesrcset'],
};
/** Where an inline `data:` image is as harmless as the CSP says (img-src 'self' data:). */
const dataAllowed = new Set(['img src', 'img srcset', 'source srcset', 'image href', 'use href']);

/** `<link>` relations that fetch nothing: such a link may name another site (a canonical URL). */
const inertRels = new Set([
  'alternate',
  'author',
  'bookmark',
  'canonical',
  'external',
  'help',
  'license',
  'me',
  'next',
  'nofollow',
  'noopener',
  'noreferrer',
  'opener',
  'prev',
  'privacy-policy',
  'search',
  'sitemap',
  'tag',
  'terms-of-service',
]);

/** Attributes that hold a URL on any element; a `javascript:` URL in any of them is inline script. */
const urlAttributes = [
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'poster',
  'background',
  'manifest',
  'cite',
  'longdesc',
  'codebase',
  'ping',
];
const scriptSchemes = new Set(['javascript:', 'vbscript:']);

/**
 * The URL a `<meta http-equiv="refresh">` goes to, parsed as HTML's shared declarative refresh
 * steps do (`5`, `0;url=/x`, `0; URL='/x'`, `0,/x`); undefined when it only reloads the page.
 */
export function refreshTarget(content: string): string | undefined {
  let rest = content.trimStart();
  let i = 0;
  while (i < rest.length && /[0-9.]/.test(rest[i]!)) i++;
  if (i === 0) return undefined;
  rest = rest.slice(i).trimStart();
  if (rest.startsWith(';') || rest.startsWith(',')) rest = rest.slice(1).trimStart();
  if (rest === '') return undefined;
  if (rest.slice(0, 3).toLowerCase() === 'url') {
    const afterUrl = rest.slice(3).trimStart();
    if (afterUrl.startsWith('=')) rest = afterUrl.slice(1).trimStart();
  }
  const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : undefined;
  if (quote) {
    rest = rest.slice(1);
    const end = rest.indexOf(quote);
    if (end !== -1) rest = rest.slice(0, end);
  }
  return rest;
}

function tag(element: HtmlElement, name: string, value: string): string {
  return `<${element.name} ${name}="${value}">`;
}

/** Every way one page could make the browser talk to another origin or run a URL as script. */
export function offSiteProblems(doc: HtmlDocument, path: string): string[] {
  const problems: string[] = [];
  const leaves = (url: string) => !isOnSite(url, path);
  for (const element of elements(doc)) {
    const name = element.name;
    if (embedding.has(name))
      problems.push(`<${name}> embeds content the site cannot vouch for (object-src is 'none')`);
    if (name === 'base')
      problems.push(
        `<base href="${attr(element, 'href') ?? ''}"> would change where every relative URL leads`,
      );
    if ((name === 'iframe' || name === 'frame') && attr(element, 'srcdoc') !== undefined)
      problems.push(`<${name} srcdoc> is a second document inside the page`);
    if (attr(element, 'ping') !== undefined)
      problems.push(
        `${tag(element, 'ping', attr(element, 'ping')!)} reports the click to a tracking URL`,
      );

    for (const attribute of urlAttributes) {
      const value = attr(element, attribute);
      if (value !== undefined && scriptSchemes.has(schemeOf(value, path) ?? ''))
        problems.push(`${tag(element, attribute, value)} is a script URL (inline script)`);
    }

    for (const attribute of [...(fetched['*'] ?? []), ...(fetched[name] ?? [])]) {
      const value = attr(element, attribute);
      if (value === undefined) continue;
      if (dataAllowed.has(`${name} ${attribute}`) && schemeOf(value, path) === 'data:') continue;
      if (leaves(value))
        problems.push(`${tag(element, attribute, value)} leaves the site: ${value.trim()}`);
    }
    for (const attribute of srcsets[name] ?? []) {
      const value = attr(element, attribute);
      if (value === undefined) continue;
      for (const url of srcsetUrls(value)) {
        if (dataAllowed.has(`${name} ${attribute}`) && schemeOf(url, path) === 'data:') continue;
        if (leaves(url)) problems.push(`<${name} ${attribute}> loads ${url} from another origin`);
      }
    }

    if (name === 'link') {
      const rels = tokens(element, 'rel');
      const href = attr(element, 'href');
      const fetches = rels.length === 0 || rels.some((rel) => !inertRels.has(rel));
      const iconData =
        rels.includes('icon') && href !== undefined && schemeOf(href, path) === 'data:';
      if (fetches && href !== undefined && leaves(href) && !iconData)
        problems.push(
          `<link rel="${attr(element, 'rel') ?? ''}" href="${href}"> makes the browser contact another origin`,
        );
    }

    if (name === 'meta' && (attr(element, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
      const target = refreshTarget(attr(element, 'content') ?? '');
      if (target !== undefined && leaves(target))
        problems.push(`<meta http-equiv="refresh"> sends the reader to another origin: ${target}`);
    }
  }
  return problems;
}
