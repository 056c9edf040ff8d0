/**
 * Building into a staging folder and replacing the output only when every step succeeded and the
 * staged site is whole, so a failed build never leaves a half-built or empty site to serve
 * (scripts/build.ts runs the content check, Astro and pagefind through this).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files a built site cannot do without: the home page, the 404 page, the sitemap, search. */
export const requiredFiles = [
  'index.html',
  '404.html',
  'sitemap-index.xml',
  '_headers',
  'pagefind/pagefind.js',
];

/** What the staged site lacks; empty when it may replace the output. */
export function stagedSiteProblems(staging: string): string[] {
  if (!existsSync(staging)) return [`the build wrote no ${staging}/ at all`];
  return requiredFiles
    .filter((file) => !statSync(join(staging, file), { throwIfNoEntry: false })?.isFile())
    .map((file) => `the build produced no ${file}`);
}

/** One build step: a command run with the environment given, or a function returning its problems. */
export type BuildStep =
  { name: string; command: string; args: string[] } | { name: string; run: () => string[] };

export type BuildResult =
  | { ok: true; seconds: Record<string, number> }
  | { ok: false; step: string; problems: string[]; exitCode: number };

/**
 * Runs the steps in order (they write into `staging`), checks the staged site, and only then puts
 * it in place of `out`: the old output is moved aside, the staged one renamed in, the old removed.
 * On any failure `out` is left exactly as it was and the staging folder is removed.
 */
export function buildAtomically(options: {
  out: string;
  staging: string;
  steps: readonly BuildStep[];
  env?: NodeJS.ProcessEnv;
  check?: (staging: string) => string[];
}): BuildResult {
  const { out, staging, steps } = options;
  const check = options.check ?? stagedSiteProblems;
  const seconds: Record<string, number> = {};
  rmSync(staging, { recursive: true, force: true });
  for (const step of steps) {
    const started = performance.now();
    if ('run' in step) {
      const problems = step.run();
      if (problems.length > 0) {
        rmSync(staging, { recursive: true, force: true });
        return { ok: false, step: step.name, problems, exitCode: 1 };
      }
      seconds[step.name] = (performance.now() - started) / 1000;
      continue;
    }
    const result = spawnSync(step.command, step.args, {
      stdio: 'inherit',
      env: options.env ?? process.env,
    });
    if (result.status !== 0) {
      rmSync(staging, { recursive: true, force: true });
      const why = result.error
        ? result.error.message
        : `exit code ${result.status ?? result.signal}`;
      return {
        ok: false,
        step: step.name,
        problems: [`${step.command} ${step.args.join(' ')} failed (${why})`],
        exitCode: result.status || 1,
      };
    }
    seconds[step.name] = (performance.now() - started) / 1000;
  }
  const problems = check(staging);
  if (problems.length > 0) {
    rmSync(staging, { recursive: true, force: true });
    return { ok: false, step: 'checking the staged site', problems, exitCode: 1 };
  }
  const old = `${staging}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  return { ok: true, seconds };
}
