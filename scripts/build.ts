/**
 * Builds the site atomically: content check, Astro build and the search index go into a staging
 * folder, which replaces dist/ only when every step succeeded. A failed build therefore never
 * leaves a half-built site to serve.
 *
 *   node scripts/build.ts [--out <folder>]   (default dist; the scale benchmark builds elsewhere)
 */
import { spawnSync } from 'node:child_process';
import { rmSync, renameSync, existsSync } from 'node:fs';

const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : 'dist';
const staging = out === 'dist' ? '.tmp/dist-next' : `${out}.next`;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

/** Seconds per step, printed at the end (the scale benchmark reads them to see which step grows). */
const steps: string[] = [];

function run(step: string, command: string, args: string[]): void {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(
      `\nBuild failed at: ${command} ${args.join(' ')}. The previous ${out}/ (if any) was left untouched.`,
    );
    process.exit(result.status ?? 1);
  }
  steps.push(`${step} ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const started = performance.now();
rmSync(staging, { recursive: true, force: true });
run('content check', 'node', ['scripts/check-content.ts']);
run('astro build', 'astro', ['build', '--outDir', staging, '--silent']);
run('pagefind', 'pagefind', ['--site', staging, '--quiet']);
rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
if (!existsSync(`${out}/index.html`)) {
  console.error(`Build produced no ${out}/index.html.`);
  process.exit(1);
}
console.log(
  `Built ${out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${steps.join(', ')}).`,
);
