/**
 * Reading the built site (dist/) for the static gates and the benchmarks: which HTML pages it
 * has, and what each page loads. No browser: the pages are static files, so their weight and
 * their Content-Security-Policy can be read from disk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every HTML file under `dist` as a URL path (`/`, `/policies/cohere-ma-v3/`, `/404.html`), sorted. */
export function htmlPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(dist, full).split(sep).join('/');
        pages.push(
          rel === 'index.html'
            ? '/'
            : rel.endsWith('/index.html')
              ? `/${rel.slice(0, -'index.html'.length)}`
              : `/${rel}`,
        );
      }
    }
  };
  walk(dist);
  return pages.sort();
}

/** The file behind a URL path. */
export function fileFor(dist: string, path: string): string {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '/');
  return join(dist, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** Size in bytes after gzip at zlib's default level (what a static host typically serves). */
export function gzipSize(content: string | Buffer): number {
  return gzipSync(content).length;
}

/** The attributes of one start tag, lower-cased names, `&amp;` decoded. */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(
    /\s([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
  ))
    found[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&');
  return found;
}

/** A `<script>` element: its attributes and, when inline, its text. */
export interface ScriptElement {
  attrs: Record<string, string>;
  text: string;
}

export function scriptElements(html: string): ScriptElement[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({
    attrs: attributes(m[1] ?? ''),
    text: m[2] ?? '',
  }));
}

/** `<link>` elements with their attributes. */
export function linkElements(html: string): Record<string, string>[] {
  return [...html.matchAll(/<link\b([^>]*)>/gi)].map((m) => attributes(m[1] ?? ''));
}

/** Script types that the browser executes (JSON data blocks are not). */
export function isExecutable(script: ScriptElement): boolean {
  const type = (script.attrs.type ?? '').toLowerCase();
  return (
    type === '' ||
    type === 'module' ||
    type === 'text/javascript' ||
    type === 'application/javascript'
  );
}

/** Whether a URL stays on the site's own origin (relative or root-relative, not `//host`). */
export function isSameOrigin(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//');
}

/**
 * The JavaScript files a module loads before it runs: itself and, transitively, the files of its
 * static `import … from "./x.js"` statements. Dynamic `import()` is lazy and not followed.
 */
export function staticModuleGraph(dist: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (urlPath: string) => {
    if (seen.has(urlPath)) return;
    const file = join(dist, urlPath);
    if (!existsSync(file)) return;
    seen.add(urlPath);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(
      /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g,
    ))
      visit(posix.join(posix.dirname(urlPath), m[1]!).replace(/^(?!\/)/, '/'));
  };
  visit(entry);
  return [...seen];
}

/** The gzipped weight of one page and of what it loads before it can be used. */
export interface PageWeight {
  /** URL path, e.g. `/studies/smart-2018/`. */
  path: string;
  /** The HTML document, gzipped bytes. */
  html: number;
  /** Stylesheets it links, gzipped bytes summed. */
  css: number;
  /** JavaScript it runs on load (inline and external, with static imports), gzipped bytes summed. */
  js: number;
  /** Executable script elements on the page. */
  scripts: number;
  /** Files counted under css and js. */
  assets: string[];
}

/** Measures one built page. */
export function measurePage(dist: string, path: string): PageWeight {
  const html = readFileSync(fileFor(dist, path), 'utf8');
  const sizeOf = (url: string) => {
    const file = fileFor(dist, new URL(url, `http://site${path}`).pathname);
    return existsSync(file) ? gzipSize(readFileSync(file)) : 0;
  };
  const resolve = (url: string) => new URL(url, `http://site${path}`).pathname;
  const css = new Set<string>();
  const js = new Set<string>();
  let inlineJs = 0;
  let scripts = 0;
  for (const link of linkElements(html)) {
    const rel = (link.rel ?? '').toLowerCase().split(/\s+/);
    if (!link.href || !isSameOrigin(link.href)) continue;
    if (rel.includes('stylesheet')) css.add(resolve(link.href));
    if (rel.includes('modulepreload'))
      for (const f of staticModuleGraph(dist, resolve(link.href))) js.add(f);
  }
  for (const script of scriptElements(html)) {
    if (!isExecutable(script)) continue;
    scripts++;
    if (script.attrs.src !== undefined) {
      if (isSameOrigin(script.attrs.src))
        for (const f of staticModuleGraph(dist, resolve(script.attrs.src))) js.add(f);
    } else inlineJs += gzipSize(script.text);
  }
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + sizeOf(f), 0);
  return {
    path,
    html: gzipSize(html),
    css: sum(css),
    js: sum(js) + inlineJs,
    scripts,
    assets: [...css, ...js],
  };
}

/** Measures every HTML page of the built site. */
export function measureSite(dist: string): PageWeight[] {
  return htmlPages(dist).map((path) => measurePage(dist, path));
}

/** Gzipped bytes of files under `dist` whose path (relative, `/`-separated) matches. */
export function filesWeight(dist: string, match: RegExp): { files: string[]; bytes: number } {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = relative(dist, full).split(sep).join('/');
        if (match.test(rel)) files.push(rel);
      }
    }
  };
  if (existsSync(dist)) walk(dist);
  return {
    files: files.sort(),
    bytes: files.reduce((n, f) => n + gzipSize(readFileSync(join(dist, f))), 0),
  };
}

/** `12 345` bytes as `12.1 KB` (KiB, one decimal); under 1 KB in bytes, so `0 B` and `28 B` differ. */
export function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
