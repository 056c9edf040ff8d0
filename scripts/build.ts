/**
 * Builds the site atomically (scripts/lib/atomic-build.ts): the content check, the Astro build and
 * the search index go into a staging folder, which is checked (home page, 404 page, sitemap,
 * _headers, search) and replaces the output only when every step succeeded. A failed build
 * therefore never leaves a half-built site to serve, nor removes the last good one.
 *
 * Every build records a digest of what each page of the large routes reads (src/data/partial-build.ts).
 * With --incremental, and when the last build of the same output left its record, Astro renders
 * only the pages whose digest changed and the others are carried forward from the last output
 * (docs/incremental-builds.md).
 *
 *   node scripts/build.ts [--out <folder>] [--incremental]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAtomically, type BuildStep } from './lib/atomic-build.ts';
import type { PageManifest } from '../src/data/partial-build.ts';
import { carryForward, writeSitemap } from './lib/carry-forward.ts';
import { buildSearchIndex } from './lib/search-index.ts';
import { PARSED_MARK } from '../src/loaders/parse-cache.ts';

const { out, incremental } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    incremental: { type: 'boolean', default: false },
  },
}).values;
const staging = out === 'dist' ? '.tmp/dist-next' : `${out}.next`;

// The record of the last build of this output, kept with the build caches.
const cache = process.env.BVN_CACHE_DIR ?? 'node_modules/.cache/bvn-atlas';
const outKey = createHash('sha256').update(resolve(out)).digest('hex').slice(0, 16);
const manifestFile = join(cache, 'pages', `${outKey}.json`);
const nextManifest = `${staging}.pages.json`;
// And the pages it indexed for search: a partial build need not read its carried pages to know.
const searchFile = join(cache, 'pages', `${outKey}.search.json`);
const nextSearch = `${staging}.search.json`;
// Written by the content check once its parse of every file is in the cache, which the Astro
// loader waits for before parsing a file itself (src/loaders/parse-cache.ts, `parsedByCheck`).
const parsedMark = `${staging}.parsed`;
const partial = incremental && existsSync(out) && existsSync(manifestFile);
if (incremental && !partial)
  console.log(`No record of the last build of ${out}/: building every page.`);

const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PageManifest;
let carried: string[] = [];
let changed: string[] = [];
// The content check and Astro run at the same time (two cores): Astro reads the check's parse
// from the same cache and validates with its own schemas, and when the check finds a problem
// Astro is stopped and the check's report, which names each file and field, is the one shown.
const steps: (BuildStep | BuildStep[])[] = [
  [
    { name: 'content check', command: 'node', args: ['scripts/check-content.ts'] },
    { name: 'astro build', command: 'astro', args: ['build', '--outDir', staging, '--silent'] },
  ],
];
if (partial) {
  steps.push({
    name: 'carry forward',
    run: () => {
      const result = carryForward({
        from: out,
        to: staging,
        previous: readManifest(manifestFile),
        next: readManifest(nextManifest),
      });
      carried = result.carried;
      changed = result.changed;
      return result.problems;
    },
  });
} else {
  // A full build orders the sitemap as carryForward does, so both kinds of build write the same file.
  steps.push({ name: 'sitemap', run: () => writeSitemap(staging) });
}
steps.push({
  name: 'pagefind',
  run: () => {
    const indexed =
      partial && existsSync(searchFile)
        ? (JSON.parse(readFileSync(searchFile, 'utf8')) as string[])
        : undefined;
    const known = indexed && { files: new Set(carried), indexed: new Set(indexed) };
    const result = buildSearchIndex(staging, { known });
    writeFileSync(nextSearch, JSON.stringify(result.pages));
    return result.problems;
  },
});

for (const file of [nextManifest, nextSearch, parsedMark]) rmSync(file, { force: true });
const started = performance.now();
const result = await buildAtomically({
  out,
  staging,
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    BVN_PAGES_MANIFEST: nextManifest,
    [PARSED_MARK]: parsedMark,
    ...(partial ? { BVN_PREVIOUS_MANIFEST: manifestFile } : {}),
  },
  steps,
});
rmSync(parsedMark, { force: true });
const records = [
  [nextManifest, manifestFile],
  [nextSearch, searchFile],
] as const;
if (!result.ok) {
  for (const [next] of records) rmSync(next, { force: true });
  console.error(`\nBuild failed at: ${result.step}.`);
  for (const problem of result.problems) console.error(`  ${problem}`);
  console.error(`The previous ${out}/ (if any) was left untouched.`);
  process.exit(result.exitCode);
}
// The new output and its records go together; a build that recorded nothing leaves no record.
for (const [next, record] of records) {
  if (existsSync(next)) {
    mkdirSync(dirname(record), { recursive: true });
    renameSync(next, record);
  } else rmSync(record, { force: true });
}

// Seconds per step: the scale benchmark reads this line to see which step grows.
console.log(
  `Built ${out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(
    result.seconds,
  )
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(', ')}).${partial ? ` ${carried.length} pages carried forward unchanged.` : ''}`,
);
if (changed.length > 0)
  console.log(`Every page was rendered: changed since the last build: ${changed.join(', ')}.`);
