/**
 * The static gate over every built page, before any browser starts (npm test runs it after the
 * build and the size budgets). Each page is parsed once (scripts/lib/html.ts) and must have:
 *   - a correct Content-Security-Policy <meta> (scripts/lib/csp.ts);
 *   - nothing that makes the browser contact another origin or run a URL as script
 *     (scripts/lib/off-site.ts), and no script at all unless it is an island (scripts/lib/islands.ts);
 *   - the headers of the _headers file, consistent with its <meta> (scripts/lib/headers-file.ts);
 *   - internal links and #anchors that resolve (scripts/lib/links.ts).
 * And the site as a whole: the sitemap lists every built page (scripts/lib/sitemap.ts), and every
 * route file under src/pages built something (scripts/lib/routes.ts).
 * Exits 1 with one line per problem: `page: problem`.
 *
 *   node scripts/check-pages.ts [--dist dist] [--pages src/pages]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cspMetas, parsePolicy } from './lib/csp.ts';
import { fileFor, htmlPages, otherFiles } from './lib/dist-files.ts';
import { headerProblems, headersFor, parseHeadersFile } from './lib/headers-file.ts';
import { attr, parseHtml } from './lib/html.ts';
import { linkProblems, pageLinks, type PageLinks } from './lib/links.ts';
import { pageProblems } from './lib/page-gate.ts';
import { outputsByRoute, routeTemplates } from './lib/routes.ts';
import { sitemapPages, sitemapProblems } from './lib/sitemap.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    pages: { type: 'string', default: 'src/pages' },
  },
});
const dist = values.dist;
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`Page checks: ${dist}/index.html is missing. Run \`npm run build\` first.`);
  process.exit(1);
}

const problems: string[] = [];
const headersFile = join(dist, '_headers');
let rules: ReturnType<typeof parseHeadersFile> | undefined;
if (!existsSync(headersFile))
  problems.push(`${headersFile}: missing (public/_headers holds the headers a host must send)`);
else
  try {
    rules = parseHeadersFile(readFileSync(headersFile, 'utf8'), headersFile);
  } catch (error) {
    problems.push((error as Error).message);
  }

const pages = htmlPages(dist);
const files = otherFiles(dist);
const linksByPage = new Map<string, PageLinks>();
for (const path of pages) {
  const doc = parseHtml(readFileSync(fileFor(dist, path), 'utf8'));
  const meta = cspMetas(doc)[0];
  const policy = meta && parsePolicy(attr(meta, 'content') ?? '');
  problems.push(
    ...[
      ...pageProblems(doc, path),
      // Without a readable _headers file that one problem is reported, not one per page.
      ...(rules ? headerProblems(headersFor(rules, path), policy) : []),
    ].map((p) => `${path}: ${p}`),
  );
  linksByPage.set(path, pageLinks(doc));
}

const links = linkProblems({
  pages: linksByPage,
  fileExists: (p) => statSync(join(dist, p), { throwIfNoEntry: false })?.isFile() === true,
});
problems.push(...links.problems);

try {
  problems.push(...sitemapProblems(sitemapPages(dist), pages));
} catch (error) {
  problems.push((error as Error).message);
}

const templates = routeTemplates(values.pages);
// A template whose file says it builds only at scale, or only below it, may build nothing.
const notYet: string[] = [];
const noLonger: string[] = [];
for (const [template, built] of outputsByRoute(templates, [...pages, ...files]))
  if (built.length === 0) {
    if (template.onlyAtScale) notYet.push(`${template.route} (${template.onlyAtScale})`);
    else if (template.onlyBelowScale)
      noLonger.push(`${template.route} (${template.onlyBelowScale})`);
    else problems.push(`${template.file}: built no page or file (${template.route})`);
  }

if (problems.length > 0) {
  console.error(
    `Page checks failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`,
  );
  console.error(problems.map((p) => `  ${p}`).join('\n'));
  process.exit(1);
}
console.log(
  `Page checks passed: ${pages.length} pages, each with a correct CSP <meta> and host headers, nothing off the site, script only on islands; ${links.checked} internal links and anchors resolve; the sitemap lists every page; ${templates.length - notYet.length - noLonger.length} of ${templates.length} route files built output${notYet.length ? `, and ${notYet.length} build pages only at scale: ${notYet.join('; ')}` : ''}${noLonger.length ? `, and ${noLonger.length} build only below scale: ${noLonger.join('; ')}` : ''}.`,
);
