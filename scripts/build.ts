/**
 * Builds the site atomically (scripts/lib/atomic-build.ts): the content check, the Astro build and
 * the search index go into a staging folder, which is checked (home page, 404 page, sitemap,
 * _headers, search) and replaces the output only when every step succeeded. A failed build
 * therefore never leaves a half-built site to serve, nor removes the last good one.
 *
 *   node scripts/build.ts [--out <folder>]   (default dist; the scale benchmark builds elsewhere)
 */
import { parseArgs } from 'node:util';
import { buildAtomically } from './lib/atomic-build.ts';

const { out } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } }).values;
const staging = out === 'dist' ? '.tmp/dist-next' : `${out}.next`;

const started = performance.now();
const result = buildAtomically({
  out,
  staging,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  steps: [
    { name: 'content check', command: 'node', args: ['scripts/check-content.ts'] },
    { name: 'astro build', command: 'astro', args: ['build', '--outDir', staging, '--silent'] },
    { name: 'pagefind', command: 'pagefind', args: ['--site', staging, '--quiet'] },
  ],
});
if (!result.ok) {
  console.error(`\nBuild failed at: ${result.step}.`);
  for (const problem of result.problems) console.error(`  ${problem}`);
  console.error(`The previous ${out}/ (if any) was left untouched.`);
  process.exit(result.exitCode);
}
// Seconds per step: the scale benchmark reads this line to see which step grows.
console.log(
  `Built ${out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(
    result.seconds,
  )
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(', ')}).`,
);
