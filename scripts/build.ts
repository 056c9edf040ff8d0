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
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAtomically, type BuildStep } from './lib/atomic-build.ts';
import type { PageManifest } from '../src/data/partial-build.ts';
import { carryForward, writeSitemap } from './lib/carry-forward.ts';
import { buildSearchIndex } from './lib/search-index.ts';

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
const partial = incremental && existsSync(out) && existsSync(manifestFile);
if (incremental && !partial)
  console.log(`No record of the last build of ${out}/: building every page.`);

const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PageManifest;
let carried = 0;
let changed: string[] = [];
const steps: BuildStep[] = [
  { name: 'content check', command: 'node', args: ['scripts/check-content.ts'] },
  { name: 'astro build', command: 'astro', args: ['build', '--outDir', staging, '--silent'] },
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
steps.push({ name: 'pagefind', run: () => buildSearchIndex(staging) });

rmSync(nextManifest, { force: true });
const started = performance.now();
const result = buildAtomically({
  out,
  staging,
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    BVN_PAGES_MANIFEST: nextManifest,
    ...(partial ? { BVN_PREVIOUS_MANIFEST: manifestFile } : {}),
  },
  steps,
});
if (!result.ok) {
  rmSync(nextManifest, { force: true });
  console.error(`\nBuild failed at: ${result.step}.`);
  for (const problem of result.problems) console.error(`  ${problem}`);
  console.error(`The previous ${out}/ (if any) was left untouched.`);
  process.exit(result.exitCode);
}
// The new output and its record go together; a build that recorded nothing leaves no record.
if (existsSync(nextManifest)) {
  mkdirSync(dirname(manifestFile), { recursive: true });
  renameSync(nextManifest, manifestFile);
} else rmSync(manifestFile, { force: true });

// Seconds per step: the scale benchmark reads this line to see which step grows.
console.log(
  `Built ${out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(
    result.seconds,
  )
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(', ')}).${partial ? ` ${carried} pages carried forward unchanged.` : ''}`,
);
if (changed.length > 0)
  console.log(`Every page was rendered: changed since the last build: ${changed.join(', ')}.`);
