/**
 * Every internal link and anchor of the built site resolves: the page or file exists, and the
 * `#fragment` names an element of that page. Read from parsed pages, so `&amp;` in a URL and a
 * link written with a leading space are read as the browser reads them.
 */
import { attr, elements, srcsetUrls, type HtmlDocument } from './html.ts';
import { resolveOnSite } from './site-url.ts';

/** Attributes holding a URL the reader or browser follows, by element. */
const linkAttributes: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  button: ['formaction'],
  input: ['src', 'formaction'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** What the links check needs from one page. */
export interface PageLinks {
  /** Element ids (and `<a name>`) a fragment may point to. */
  ids: Set<string>;
  /** URLs as written, with where they were found. */
  links: { where: string; url: string }[];
}

export function pageLinks(doc: HtmlDocument): PageLinks {
  const ids = new Set<string>();
  const links: PageLinks['links'] = [];
  for (const element of elements(doc)) {
    const id = attr(element, 'id');
    if (id !== undefined) ids.add(id);
    if (element.name === 'a' && attr(element, 'name') !== undefined)
      ids.add(attr(element, 'name')!);
    for (const name of linkAttributes[element.name] ?? []) {
      const url = attr(element, name);
      if (url !== undefined) links.push({ where: `<${element.name} ${name}>`, url });
    }
    const srcset = attr(element, 'srcset');
    if (srcset !== undefined)
      for (const url of srcsetUrls(srcset)) links.push({ where: `<${element.name} srcset>`, url });
  }
  return { ids, links };
}

/** The site as the links check sees it. */
export interface SiteIndex {
  /** Built HTML pages by URL path (`/`, `/studies/smart-2018/`, `/404.html`). */
  pages: ReadonlyMap<string, PageLinks>;
  /** Whether a non-HTML file exists at a URL path (`/feed.xml`, `/_astro/a.css`). */
  fileExists: (urlPath: string) => boolean;
}

/** Every internal link that leads nowhere, as `page: url (why)`; and how many were checked. */
export function linkProblems(site: SiteIndex): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  for (const [path, page] of site.pages) {
    for (const { where, url } of page.links) {
      const resolved = resolveOnSite(url, path);
      if (!resolved) {
        problems.push(`${path}: ${where} ${url} (not a valid URL)`);
        continue;
      }
      if (resolved.origin !== 'https://site.invalid') continue; // another site: a citation
      checked++;
      let target: string;
      try {
        target = decodeURIComponent(resolved.pathname);
      } catch {
        problems.push(`${path}: ${where} ${url} (malformed percent-encoding)`);
        continue;
      }
      const targetPage = site.pages.get(target) ?? site.pages.get(`${target}/`);
      const isFile = !target.endsWith('/') && site.fileExists(target);
      if (!targetPage && !isFile) {
        problems.push(`${path}: ${where} ${url} (no such page or file)`);
        continue;
      }
      const fragment = resolved.hash.slice(1);
      if (fragment && targetPage) {
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          id = fragment;
        }
        if (!targetPage.ids.has(id))
          problems.push(`${path}: ${where} ${url} (no element with id "${id}" on ${target})`);
      }
    }
  }
  return { problems, checked };
}
