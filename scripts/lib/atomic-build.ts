/**
 * Building into a staging folder and replacing the output only when every step succeeded and the
 * staged site is whole, so a failed build never leaves a half-built or empty site to serve
 * (scripts/build.ts runs the content check, Astro and pagefind through this).
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

type Failure = Extract<BuildResult, { ok: false }>;

/** Runs one step; `started` receives the child process of a command step. */
function runStep(
  step: BuildStep,
  env: NodeJS.ProcessEnv,
  started: (child: ChildProcess) => void,
): Promise<Failure | undefined> {
  if ('run' in step) {
    const problems = step.run();
    return Promise.resolve(
      problems.length > 0 ? { ok: false, step: step.name, problems, exitCode: 1 } : undefined,
    );
  }
  return new Promise((done) => {
    const child = spawn(step.command, step.args, { stdio: 'inherit', env });
    started(child);
    const failed = (why: string, exitCode: number) =>
      done({
        ok: false,
        step: step.name,
        problems: [`${step.command} ${step.args.join(' ')} failed (${why})`],
        exitCode,
      });
    child.on('error', (error) => failed(error.message, 1));
    child.on('close', (status, signal) => {
      if (status === 0) done(undefined);
      else failed(`exit code ${status ?? signal}`, status || 1);
    });
  });
}

/**
 * Runs steps at the same time and waits for all of them. When one fails, the steps after it in
 * the group are stopped (their work is wasted), and the failure reported is the first in the
 * group's order: a content check that fails while Astro runs is what the user needs to read.
 */
async function runTogether(
  group: readonly BuildStep[],
  env: NodeJS.ProcessEnv,
  seconds: Record<string, number>,
): Promise<Failure | undefined> {
  const started = performance.now();
  const children: (ChildProcess | undefined)[] = [];
  const failures = await Promise.all(
    group.map(async (step, i) => {
      const failure = await runStep(step, env, (child) => (children[i] = child));
      if (failure) for (const later of children.slice(i + 1)) later?.kill();
      else seconds[step.name] = (performance.now() - started) / 1000;
      return failure;
    }),
  );
  return failures.find((f) => f !== undefined);
}

/**
 * Runs the steps in order (they write into `staging`), checks the staged site, and only then puts
 * it in place of `out`: the old output is moved aside, the staged one renamed in, the old removed.
 * A list of steps in place of one runs them at the same time (runTogether). On any failure `out`
 * is left exactly as it was and the staging folder is removed.
 */
export async function buildAtomically(options: {
  out: string;
  staging: string;
  steps: readonly (BuildStep | readonly BuildStep[])[];
  env?: NodeJS.ProcessEnv;
  check?: (staging: string) => string[];
}): Promise<BuildResult> {
  const { out, staging, steps } = options;
  const check = options.check ?? stagedSiteProblems;
  const seconds: Record<string, number> = {};
  rmSync(staging, { recursive: true, force: true });
  for (const step of steps) {
    const group = 'name' in step ? [step] : step;
    const failure = await runTogether(group, options.env ?? process.env, seconds);
    if (failure) {
      rmSync(staging, { recursive: true, force: true });
      return failure;
    }
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
