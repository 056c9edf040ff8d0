/**
 * The site's route templates, read from the files under src/pages (as Astro reads them), and which
 * built page or file each one produced. The browser tests visit one page per template, so a new
 * route is covered without editing a list; the static gate fails a template that built nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface RouteTemplate {
  /** The route file, e.g. `src/pages/compare/[a]/[b].astro`. */
  file: string;
  /** `page` renders HTML; `endpoint` (a .ts/.js file) writes any other file. */
  kind: 'page' | 'endpoint';
  /** The URL path it produces, parameters in brackets: `/compare/[a]/[b]/`, `/cite/[id].bib`. */
  route: string;
  /**
   * Why the template may build nothing with today's content, when its file says so with a line
   * `@builds-only-at-scale: <reason>` (e.g. the second page of a list that fits on one page).
   */
  onlyAtScale?: string;
  /**
   * Why the template may build nothing once the catalogue is large, when its file says so with a
   * line `@builds-only-below-scale: <reason>` (e.g. a file of every policy line, built while
   * there are few).
   */
  onlyBelowScale?: string;
}

/** The markers a route file carries when it builds output only once, or only while, the catalogue is small. */
const scaleMarkers = {
  onlyAtScale: /@builds-only-at-scale:\s*(.+?)\s*(?:\*\/|$)/m,
  onlyBelowScale: /@builds-only-below-scale:\s*(.+?)\s*(?:\*\/|$)/m,
};

/** The scale markers of a route file, by field. */
function scaleMarks(file: string): Pick<RouteTemplate, 'onlyAtScale' | 'onlyBelowScale'> {
  const text = readFileSync(file, 'utf8');
  return Object.fromEntries(
    Object.entries(scaleMarkers).flatMap(([field, marker]) => {
      const reason = marker.exec(text)?.[1]?.trim();
      return reason ? [[field, reason]] : [];
    }),
  );
}

const pageExtensions = ['.astro', '.md', '.mdx', '.html'];
const endpointExtensions = ['.ts', '.js'];

/** Every route file under `pagesDir`, skipping `_`-prefixed files and folders as Astro does. */
export function routeTemplates(pagesDir = 'src/pages'): RouteTemplate[] {
  const templates: RouteTemplate[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('_') || name.startsWith('.')) continue;
      const full = join(folder, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const rel = relative(pagesDir, full).split(sep).join('/');
      const page = pageExtensions.find((ext) => name.endsWith(ext));
      const endpoint = endpointExtensions.find(
        (ext) => name.endsWith(ext) && !name.endsWith('.d.ts'),
      );
      if (page) {
        const parts = rel.slice(0, -page.length).split('/');
        if (parts.at(-1) === 'index') parts.pop();
        const route =
          parts.length === 1 && /^(404|500)$/.test(parts[0]!)
            ? `/${parts[0]}.html`
            : `/${parts.map((p) => `${p}/`).join('')}`;
        templates.push({
          file: full.split(sep).join('/'),
          kind: 'page',
          route,
          ...scaleMarks(full),
        });
      } else if (endpoint)
        templates.push({
          file: full.split(sep).join('/'),
          kind: 'endpoint',
          route: `/${rel.slice(0, -endpoint.length)}`,
          ...scaleMarks(full),
        });
    }
  };
  walk(pagesDir);
  return templates;
}

/** How specific a route is: fewer rest and dynamic parameters, then more fixed text, wins. */
function specificity(route: string): [number, number, number] {
  const rest = route.match(/\[\.\.\.[^\]]+\]/g)?.length ?? 0;
  const dynamic = (route.match(/\[[^\]]+\]/g)?.length ?? 0) - rest;
  return [rest, dynamic, -route.replace(/\[[^\]]+\]/g, '').length];
}

function matcher(route: string): RegExp {
  const pattern = route
    .split(/(\[[^\]]+\])/)
    .map((part) =>
      part.startsWith('[...')
        ? '.*'
        : part.startsWith('[')
          ? '[^/]+'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${pattern}$`);
}

/** The template that produced a built URL path (`/compare/views/payer-type/`), if any. */
export function routeOf(
  templates: readonly RouteTemplate[],
  urlPath: string,
): RouteTemplate | undefined {
  const candidates = templates.filter((t) => matcher(t.route).test(urlPath));
  return candidates.sort((a, b) => {
    const [x, y] = [specificity(a.route), specificity(b.route)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  })[0];
}

/** The built URL paths of each template, sorted (a template that built nothing has none). */
export function outputsByRoute(
  templates: readonly RouteTemplate[],
  urlPaths: readonly string[],
): Map<RouteTemplate, string[]> {
  const outputs = new Map(templates.map((t) => [t, [] as string[]]));
  for (const path of [...urlPaths].sort()) {
    const template = routeOf(templates, path);
    if (template) outputs.get(template)!.push(path);
  }
  return outputs;
}

/** Why a template may build nothing at some size of the catalogue, if its file says so. */
const mayBuildNothing = (t: RouteTemplate): string | undefined => t.onlyAtScale ?? t.onlyBelowScale;

/** The templates to visit: all, except those that build only at (or below) scale and built nothing this time. */
export function withOutput(
  templates: readonly RouteTemplate[],
  built: readonly string[],
): RouteTemplate[] {
  const outputs = outputsByRoute(templates, built);
  return templates.filter((t) => !mayBuildNothing(t) || outputs.get(t)!.length > 0);
}
