/**
 * Partial builds (`npm run build -- --incremental`, see docs/incremental-builds.md). Every build
 * records, for each page of the routes with many pages (one per policy, line, pair, view or part),
 * a digest of everything the page reads; a partial build renders only the pages whose digest
 * changed or that are new, and scripts/build.ts carries the others forward from the last output.
 *
 * A page's digest is made of:
 * - the site digest: the code (src/ but its content, the Astro config, the lockfile, public/), the
 *   settings that change pages (SITE_URL, BVN_MAX_PAIRS), every content file but the policies, each
 *   policy's shape (all of it but its body fields, `bodyFields`), and what the catalogue derives
 *   from all lines together (line names, views, pairs, versions, the matrix's rows and their order);
 * - the page's route and params;
 * - what the route says the page reads (`reads`): its props and, for each policy body it shows,
 *   that body. A route that forgets something here would carry a stale page forward, which is why
 *   test/e2e/incremental.test.ts builds partially after several kinds of edit and compares the
 *   output with a full build, file by file.
 *
 * Without BVN_PAGES_MANIFEST (astro dev, astro check, the unit tests) every path is kept and
 * nothing is recorded.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linesReadBy } from '../lib/compare/diff-inputs.ts';
import type { ProvenanceLabel } from '../lib/compare/provenance.ts';
import { outputFile, policyShape, stableJson } from '../lib/content/page-inputs.ts';
import { siteContent } from './collections.ts';
import { comparison } from './comparison.ts';
import { evidenceComparison } from './evidence.ts';
import { codeDigest } from '../loaders/digest-cache.ts';

/** What the manifest of a build holds: the site digest, its parts, and each recorded page's digest by output file. */
export interface PageManifest {
  site: string;
  /** The parts of the site digest, by name: which one changed says why every page was rendered. */
  parts: Record<string, string>;
  pages: Record<string, string>;
}

const sha = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * Objects many pages read (compiled lines, policy entries, provenance maps, the figures): each is
 * digested once per build, and a page's JSON holds its digest instead of writing it out again.
 * At 3,000 lines, writing them out for every page took 9 of the 12 s the digests cost.
 */
const shared = new WeakSet<object>();
const sharedDigests = new WeakMap<object, string>();

function shareAll(values: Iterable<unknown>) {
  for (const value of values) if (typeof value === 'object' && value) shared.add(value);
}

/** The digest of a value, with the shared objects inside it standing for their own digests. */
function digestValue(value: unknown): string {
  const memo = typeof value === 'object' && value ? sharedDigests.get(value) : undefined;
  if (memo) return memo;
  const digest = sha(
    stableJson(value, (v) =>
      v !== value && typeof v === 'object' && v && shared.has(v) ? `#${digestValue(v)}` : v,
    ),
  );
  if (typeof value === 'object' && value && shared.has(value)) sharedDigests.set(value, digest);
  return digest;
}

let site:
  | Promise<{
      digest: string;
      parts: Record<string, string>;
      policy: (id: string) => string;
    }>
  | undefined;

/** The site digest, each policy's digest (its whole entry) and the digest of every policy. */
export function siteDigests() {
  site ??= (async () => {
    const root = process.cwd();
    const contentRoot = process.env.BVN_CONTENT_DIR ?? 'src/content';
    const content = await siteContent();
    const data = await comparison();
    const evidence = await evidenceComparison();
    const byPolicy = new Map(content.policies.map((p) => [p.id, sha(stableJson(p.data))]));
    shareAll(content.lines);
    shareAll(evidence.sets);
    shareAll(content.policies);
    shareAll(content.policies.map((p) => p.data));
    shareAll(data.current.map((l) => evidence.forLine(l.id)));
    shareAll([evidence.figures]);
    const parts: Record<string, string> = {
      code: codeDigest(root, ['src', 'astro.config.mjs', 'package-lock.json', 'public'], {
        files: /(?:)/,
        skip: ['src/content'],
      }),
      settings: sha(stableJson([process.env.SITE_URL ?? '', process.env.BVN_MAX_PAIRS ?? ''])),
      'content other than policies': codeDigest(root, [contentRoot], {
        files: /(?:)/,
        skip: [join(contentRoot, 'policies')],
      }),
      'policies outside their bodies': sha(
        stableJson(content.policies.map((p) => [p.id, policyShape(p.data)])),
      ),
      'line names': sha(stableJson(data.names)),
      'matrix views': sha(stableJson(data.views)),
      'pairs with a page': sha(
        stableJson([...data.pairs, ...evidence.pairs].map(([a, b]) => [a.id, b.id])),
      ),
      versions: sha(stableJson(data.versions.map((v) => [v.older.id, v.newer.id]))),
      // Their order and concepts (the evidence pages follow it); how lines' rules vary within a row
      // is shown only where every line in the row is read (a view's own matrix, the full one).
      'matrix rows': sha(stableJson(data.matrix.rows.map((row) => row.concept))),
    };
    return {
      digest: sha(...Object.entries(parts).flat()),
      parts,
      policy: (id: string) => byPolicy.get(id) ?? 'none',
    };
  })();
  return site;
}

const recorded: Record<string, string> = {};
let flushing = false;

let previous: PageManifest | undefined | null;

function previousManifest(): PageManifest | undefined {
  if (previous === undefined) {
    const file = process.env.BVN_PREVIOUS_MANIFEST;
    previous = file ? (JSON.parse(readFileSync(file, 'utf8')) as PageManifest) : null;
  }
  return previous ?? undefined;
}

/**
 * The paths of a route to render in this build. Records each page's digest (when
 * BVN_PAGES_MANIFEST names where to write the manifest); in a partial build (BVN_PREVIOUS_MANIFEST
 * names the last build's) keeps only the pages that are new or whose digest changed.
 *
 * @param pattern the route's URL with its params in brackets, e.g. `/policies/[id]/` or
 *   `/data/lines/[id].json`: where the page's file is written.
 * @param reads everything the page reads beyond the site digest, as a value to digest: its props
 *   and the bodies of the policies it shows (`policyDigests` gives them).
 */
export async function pathsToRender<T extends { params: Record<string, string | undefined> }>(
  pattern: string,
  paths: T[],
  reads: (path: T) => unknown,
): Promise<T[]> {
  const out = process.env.BVN_PAGES_MANIFEST;
  if (!out) return paths;
  const { digest, parts } = await siteDigests();
  const last = previousManifest();
  const partial = last?.site === digest;
  const kept: T[] = [];
  for (const path of paths) {
    const file = outputFile(pattern, path.params);
    const page = sha(digest, file, digestValue(await reads(path)));
    recorded[file] = page;
    if (!partial || last.pages[file] !== page) kept.push(path);
  }
  if (!flushing) {
    flushing = true;
    process.on('exit', () => {
      const manifest: PageManifest = { site: digest, parts, pages: recorded };
      writeFileSync(out, JSON.stringify(manifest));
    });
  }
  return kept;
}

/** The digests of the policies whose bodies a page shows, for its `reads`. */
export async function policyDigests(ids: Iterable<string>): Promise<string[]> {
  const { policy } = await siteDigests();
  return [...new Set(ids)].sort().map((id) => `${id}:${policy(id)}`);
}

/**
 * Pages 2, 3, … of /compare/evidence/ (or of one label's filter, e.g. no-basis), to render. A page
 * shows its lines (their rules and provenance), the figures and totals of every line, and the
 * latest review date of all of them (src/components/evidence-criteria/EvidenceView.astro).
 */
export async function evidencePagesToRender(pattern: string, only?: ProvenanceLabel) {
  const evidence = await evidenceComparison();
  const { content, current } = evidence.comparison;
  const parts = evidence.linePages(only);
  const paths = parts
    .slice(1)
    .map((p) => ({ params: { n: String(p.index) }, props: { page: p.index } }));
  return pathsToRender(pattern, paths, async ({ props: { page } }) => {
    const items = parts[page - 1]!.items;
    const read = linesReadBy(
      current.filter((l) => items.includes(l.id)),
      content.lines,
    );
    return {
      page,
      items,
      read,
      provenance: items.map((id) => evidence.forLine(id)),
      figures: evidence.figures,
      lastReviewed: evidence.lastReviewed,
      policies: await policyDigests(read.map((l) => l.policyId)),
    };
  });
}
