/**
 * Built HTML read with a real HTML parser (htmlparser2), never with regular expressions: entities
 * in attribute values are decoded, attribute names lower-cased, the first of a repeated attribute
 * kept and script text taken raw, as a browser does. The static gates and the benchmarks use this.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];

export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html);
}

/** Every element of a document (or under a node), in document order. */
export function elements(root: HtmlDocument | HtmlElement): HtmlElement[] {
  return DomUtils.findAll(() => true, root.children);
}

/** An attribute's value (entities decoded), or undefined when absent. */
export function attr(element: HtmlElement, name: string): string | undefined {
  return element.attribs[name];
}

/** The text of an element as the browser sees it (raw for script and style). */
export function textOf(element: HtmlElement): string {
  return DomUtils.textContent(element);
}

/** Whether an element sits inside an element of the given name. */
export function isInside(element: HtmlElement, name: string): boolean {
  for (let node = element.parent; node; node = node.parent)
    if ('name' in node && node.name === name) return true;
  return false;
}

/** The values of an attribute that lists space-separated tokens (`rel`), lower-cased. */
export function tokens(element: HtmlElement, name: string): string[] {
  return (attr(element, name) ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** JavaScript MIME types (HTML's list): a script of one of these types runs. */
const javascriptTypes = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/**
 * Whether a `<script>` element makes the browser do something: classic and module scripts, and
 * import maps and speculation rules (which steer loading). JSON data blocks do nothing by themselves.
 */
export function isActiveScript(element: HtmlElement): boolean {
  if (element.name !== 'script') return false;
  const type = (attr(element, 'type') ?? '').trim().toLowerCase();
  return (
    type === '' ||
    type === 'module' ||
    type === 'importmap' ||
    type === 'speculationrules' ||
    javascriptTypes.has(type)
  );
}

/**
 * The URLs of a `srcset` (or `imagesrcset`) value, following HTML's parsing of image candidate
 * strings: a URL runs to the next whitespace, a trailing comma ends it, descriptors are skipped.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  while (i < value.length) {
    while (i < value.length && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    let url = '';
    while (i < value.length && !isSpace(value[i])) url += value[i++];
    const trailingCommas = url.length - url.replace(/,+$/, '').length;
    url = url.slice(0, url.length - trailingCommas);
    if (url) urls.push(url);
    if (trailingCommas > 0) continue;
    let depth = 0;
    while (i < value.length) {
      const c = value[i++];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
    }
  }
  return urls;
}

/** An XML document (a sitemap, a feed): names kept as written. */
export function parseXml(xml: string): HtmlDocument {
  return parseDocument(xml, { xmlMode: true });
}
