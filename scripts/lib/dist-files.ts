/**
 * Reading the built site (dist/) for the static gates and the benchmarks: which HTML pages it
 * has, and what each page loads. No browser: the pages are static files, so their weight and
 * their Content-Security-Policy can be read from disk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { attr, elements, isActiveScript, parseHtml, textOf, tokens } from './html.ts';
import { isOnSite, resolveOnSite } from './site-url.ts';

/** Every file under `dist` but Astro's bundles and pagefind's index, as URL paths, sorted. */
function siteFiles(dist: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (!statSync(full).isDirectory())
        files.push(`/${relative(dist, full).split(sep).join('/')}`);
      else if (name !== 'pagefind' && name !== '_astro') walk(full);
    }
  };
  walk(dist);
  return files.sort();
}

/** Every HTML file under `dist` as a URL path (`/`, `/policies/cohere-ma-v3/`, `/404.html`), sorted. */
export function htmlPages(dist: string): string[] {
  return siteFiles(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => (file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file))
    .sort();
}

/** Every other file a route or `public/` put there (`/feed.xml`, `/cite/smart-2018.bib`), sorted. */
export function otherFiles(dist: string): string[] {
  return siteFiles(dist).filter((file) => !file.endsWith('.html'));
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

/**
 * The JavaScript files a module loads before it runs: itself and, transitively, the files of its
 * static `import … from "./x.js"` statements and of the workers it starts
 * (`new Worker(new URL("./x.js", import.meta.url))`, counted as loaded on load, the worst case).
 * Dynamic `import()` is lazy and not followed.
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
    for (const m of code.matchAll(/\bnew Worker\(\s*new URL\(\s*["'`]([^"'`]+\.m?js)["'`]/g))
      visit(m[1]!.startsWith('/') ? m[1]! : posix.join(posix.dirname(urlPath), m[1]!));
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
    const file = fileFor(dist, url);
    return existsSync(file) ? gzipSize(readFileSync(file)) : 0;
  };
  const resolve = (url: string) => resolveOnSite(url, path)!.pathname;
  const css = new Set<string>();
  const js = new Set<string>();
  let inlineJs = 0;
  let scripts = 0;
  for (const element of elements(parseHtml(html))) {
    if (element.name === 'link') {
      const href = attr(element, 'href');
      if (href === undefined || !isOnSite(href, path)) continue;
      const rel = tokens(element, 'rel');
      if (rel.includes('stylesheet')) css.add(resolve(href));
      if (rel.includes('modulepreload'))
        for (const f of staticModuleGraph(dist, resolve(href))) js.add(f);
    }
    if (!isActiveScript(element)) continue;
    scripts++;
    const src = attr(element, 'src');
    if (src === undefined) inlineJs += gzipSize(textOf(element));
    else if (isOnSite(src, path)) for (const f of staticModuleGraph(dist, resolve(src))) js.add(f);
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
