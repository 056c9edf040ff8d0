/**
 * Builds the site atomically: content check, Astro build and the search index go into a staging
 * folder, which replaces dist/ only when every step succeeded. A failed build therefore never
 * leaves a half-built site to serve.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, renameSync, existsSync } from 'node:fs';

const staging = '.tmp/dist-next';
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\nBuild failed at: ${command} ${args.join(' ')}. The previous dist/ (if any) was left untouched.`);
    process.exit(result.status ?? 1);
  }
}

const started = performance.now();
rmSync(staging, { recursive: true, force: true });
run('node', ['scripts/check-content.ts']);
run('astro', ['build', '--outDir', staging, '--silent']);
run('pagefind', ['--site', staging, '--quiet']);
rmSync('dist', { recursive: true, force: true });
renameSync(staging, 'dist');
if (!existsSync('dist/index.html')) {
  console.error('Build produced no dist/index.html.');
  process.exit(1);
}
console.log(`Built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
