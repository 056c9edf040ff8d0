/**
 * The build replaces dist/ only with a whole site. The steps here are tiny node scripts standing in
 * for Astro and pagefind, so the test reproduces "src/pages/index.astro moved away" (the build
 * writes everything but index.html) in milliseconds instead of a full build.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildAtomically,
  requiredFiles,
  stagedSiteProblems,
  type BuildStep,
} from '../../../scripts/lib/atomic-build.ts';

/** A step that writes the given files (path → content) into `staging`. */
function writes(staging: string, files: Record<string, string>): BuildStep {
  const script = `const fs = require('node:fs'), path = require('node:path');
for (const [file, text] of Object.entries(${JSON.stringify(files)})) {
  const target = path.join(${JSON.stringify(staging)}, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}`;
  return { name: 'site', command: process.execPath, args: ['-e', script] };
}

const whole = Object.fromEntries(requiredFiles.map((f) => [f, `new ${f}`]));

function previousBuild(): { out: string; staging: string } {
  const root = mkdtempSync(join(tmpdir(), 'bvn-build-'));
  const out = join(root, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'previous home page');
  return { out, staging: join(root, 'staging') };
}

describe('the atomic build', () => {
  it('fails when the staged site has no index.html, leaving the previous dist/ untouched', async () => {
    const { out, staging } = previousBuild();
    const { 'index.html': _, ...withoutHome } = whole;
    const result = await buildAtomically({ out, staging, steps: [writes(staging, withoutHome)] });
    expect(result).toEqual({
      ok: false,
      step: 'checking the staged site',
      problems: ['the build produced no index.html'],
      exitCode: 1,
    });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous home page');
    expect(existsSync(join(out, '404.html'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  it('stops at a failing step and leaves the previous dist/ untouched', async () => {
    const { out, staging } = previousBuild();
    const fail: BuildStep = {
      name: 'astro build',
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
    };
    const result = await buildAtomically({ out, staging, steps: [writes(staging, whole), fail] });
    expect(result).toMatchObject({ ok: false, step: 'astro build', exitCode: 3 });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous home page');
    expect(existsSync(staging)).toBe(false);
  });

  it('replaces dist/ with a whole staged site and leaves nothing behind', async () => {
    const { out, staging } = previousBuild();
    const result = await buildAtomically({ out, staging, steps: [writes(staging, whole)] });
    expect(result.ok).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new index.html');
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(`${staging}.old`)).toBe(false);
  });

  it('names every file a staged site lacks', () => {
    const { staging } = previousBuild();
    expect(stagedSiteProblems(staging)).toEqual([`the build wrote no ${staging}/ at all`]);
    mkdirSync(staging);
    writeFileSync(join(staging, 'index.html'), '');
    expect(stagedSiteProblems(staging)).toEqual(
      requiredFiles.filter((f) => f !== 'index.html').map((f) => `the build produced no ${f}`),
    );
  });
});

describe('a function step', () => {
  it('stops the build with the problems it returns, leaving the previous dist/ untouched', async () => {
    const { out, staging } = previousBuild();
    const check: BuildStep = { name: 'carry forward', run: () => ['a page is missing'] };
    const result = await buildAtomically({ out, staging, steps: [writes(staging, whole), check] });
    expect(result).toEqual({
      ok: false,
      step: 'carry forward',
      problems: ['a page is missing'],
      exitCode: 1,
    });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous home page');
    expect(existsSync(staging)).toBe(false);
  });

  it('is timed like a command when it has nothing to report', async () => {
    const { out, staging } = previousBuild();
    const result = await buildAtomically({
      out,
      staging,
      steps: [writes(staging, whole), { name: 'sitemap', run: () => [] }],
    });
    expect(result.ok && Object.keys(result.seconds)).toEqual(['site', 'sitemap']);
  });
});

/** A command step running `script` with node. */
const node = (name: string, script: string): BuildStep => ({
  name,
  command: process.execPath,
  args: ['-e', script],
});

describe('steps run together', () => {
  it('run at the same time, and each is timed', async () => {
    const { out, staging } = previousBuild();
    const flag = `${staging}-started`;
    // The first step waits (up to 20 s) for the second to start: run one after the other, it fails.
    const waits = node(
      'content check',
      `const fs = require('node:fs'); const until = Date.now() + 20000;
const poll = () => fs.existsSync(${JSON.stringify(flag)}) ? process.exit(0)
  : Date.now() > until ? process.exit(4) : setTimeout(poll, 20);
poll();`,
    );
    const starts = node(
      'astro build',
      `require('node:fs').writeFileSync(${JSON.stringify(flag)}, '')`,
    );
    const result = await buildAtomically({
      out,
      staging,
      steps: [[waits, starts], writes(staging, whole)],
    });
    expect(result.ok && Object.keys(result.seconds).sort()).toEqual([
      'astro build',
      'content check',
      'site',
    ]);
  });

  it('stop the later steps when one fails, and report that one', async () => {
    const { out, staging } = previousBuild();
    const marker = `${staging}-late`;
    const fails = node('content check', 'process.exit(2)');
    // Left to run, this step would write its marker after 3 s; stopped, it never does.
    const slow = node(
      'astro build',
      `setTimeout(() => require('node:fs').writeFileSync(${JSON.stringify(marker)}, ''), 3000)`,
    );
    const result = await buildAtomically({ out, staging, steps: [[fails, slow]] });
    expect(result).toMatchObject({ ok: false, step: 'content check', exitCode: 2 });
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous home page');
  });

  it('report the first failure in their order, not in time', async () => {
    const { out, staging } = previousBuild();
    const late = node('content check', 'setTimeout(() => process.exit(2), 300)');
    const early = node('astro build', 'process.exit(3)');
    const result = await buildAtomically({ out, staging, steps: [[late, early]] });
    expect(result).toMatchObject({ ok: false, step: 'content check', exitCode: 2 });
    expect(existsSync(staging)).toBe(false);
  });
});
