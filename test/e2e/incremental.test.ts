/**
 * A partial build (`node scripts/build.ts --incremental`, src/data/partial-build.ts) must give the
 * site a full build gives, file by file, while rendering fewer pages. A page whose route forgets
 * something it reads would be carried forward stale, and this test is what catches it: it builds a
 * catalogue of 70 lines (enough for split views, evidence pages and capped pairs), edits it in
 * the ways an editor does, and compares a partial rebuild with a full build of the same content.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAllContent } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import type { CriterionNode } from '../../src/lib/schema/criteria.ts';
import type { Policy } from '../../src/lib/schema/policy.ts';
import { writeCatalogue } from '../../scripts/lib/synthetic-catalogue.ts';

const root = '.tmp/incremental-test';
const content = join(root, 'content');
const site = join(root, 'site');
const full = join(root, 'full');
const env = {
  ...process.env,
  BVN_CONTENT_DIR: content,
  BVN_CACHE_DIR: join(root, 'cache'),
  BVN_MAX_PAIRS: '30',
};

/** Builds into `out` and returns what the build printed; fails the test when the build fails. */
function build(out: string, incremental: boolean): string {
  const result = spawnSync(
    process.execPath,
    ['scripts/build.ts', '--out', out, ...(incremental ? ['--incremental'] : [])],
    { env, encoding: 'utf8' },
  );
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Every file under `dir`, relative to it. */
function files(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else out.push(relative(dir, path));
    }
  };
  visit(dir);
  return out.sort();
}

/** The files that differ between two built sites (missing on one side, or different bytes). */
function differences(a: string, b: string): string[] {
  const left = files(a);
  const right = new Set(files(b));
  const problems = left.filter((f) => !right.has(f)).map((f) => `only in the partial build: ${f}`);
  const leftSet = new Set(left);
  problems.push(
    ...[...right].filter((f) => !leftSet.has(f)).map((f) => `only in the full build: ${f}`),
  );
  for (const file of left)
    if (right.has(file) && !readFileSync(join(a, file)).equals(readFileSync(join(b, file))))
      problems.push(`differs: ${file}`);
  return problems;
}

/** Reads a policy file, lets `change` edit it, writes it back. */
function editPolicy(id: string, change: (policy: Policy) => void) {
  const file = join(content, 'policies', `${id}.yaml`);
  const policy = parse(readFileSync(file, 'utf8')) as Policy;
  change(policy);
  writeFileSync(file, stringify(policy, { aliasDuplicateObjects: false }));
}

/** The first numeric threshold in a tree (a `value` that is a number). */
function firstNumber(node: CriterionNode): { value: number } | undefined {
  if ('value' in node && typeof node.value === 'number') return node as { value: number };
  for (const child of 'children' in node ? node.children : [])
    if (typeof child === 'object') {
      const found = firstNumber(child);
      if (found) return found;
    }
  if ('child' in node && typeof node.child === 'object') return firstNumber(node.child);
  return undefined;
}

const carried = (log: string) => Number(/(\d+) pages carried forward/.exec(log)?.[1] ?? 0);

let synthetic: string[] = [];

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  const real = validateContent(await readAllContent(process.cwd(), 'src/content'));
  const written = writeCatalogue({ content, n: 70, real: real.content }).written;
  synthetic = written.map((file) =>
    file
      .split('/')
      .pop()!
      .replace(/\.yaml$/, ''),
  );
  build(site, false);
});

describe('a partial build', () => {
  it('after edits to policies’ bodies renders only their pages, and equals a full build', () => {
    const [summary, threshold, reviewed] = synthetic;
    editPolicy(summary!, (p) => {
      p.summary = `${p.summary} Edited.`;
    });
    let moved = false;
    editPolicy(threshold!, (p) => {
      for (const line of p.lines) {
        const found = line.criteria && firstNumber(line.criteria);
        if (found && !moved) {
          found.value += 1;
          moved = true;
        }
      }
    });
    expect(moved, 'a synthetic policy with a numeric threshold').toBe(true);
    editPolicy(reviewed!, (p) => {
      p.lastReviewed = '2026-11-30';
    });
    editPolicy('cohere-ma-v3', (p) => {
      p.lines[0]!.summary = `${p.lines[0]!.summary} Edited.`;
    });

    const log = build(site, true);
    expect(carried(log), log).toBeGreaterThan(100);
    // The edit is on the page (entries kept from the last build's data store are only the unchanged ones).
    expect(readFileSync(join(site, 'policies', summary!, 'index.html'), 'utf8')).toMatch(
      /Edited\./,
    );
    expect(log).not.toMatch(/Every page was rendered/);
    build(full, false);
    expect(differences(site, full)).toEqual([]);
  });

  it('after a renamed line, a new policy and a removed one renders every page, and equals a full build', () => {
    const [, , , , renamed, copied, removed] = synthetic;
    editPolicy(renamed!, (p) => {
      p.lines[0]!.label = `${p.lines[0]!.label} (renamed)`;
    });
    // A copy under a new id (its lines' and rules' ids are made from the policy's).
    const copy = readFileSync(join(content, 'policies', `${copied!}.yaml`), 'utf8');
    writeFileSync(
      join(content, 'policies', 'synthetic-9999.yaml'),
      copy.replaceAll(copied!, 'synthetic-9999'),
    );
    rmSync(join(content, 'policies', `${removed!}.yaml`));

    const log = build(site, true);
    expect(log).toMatch(
      /Every page was rendered: changed since the last build: .*policies outside their bodies/,
    );
    expect(files(site)).toContain('policies/synthetic-9999/index.html');
    expect(files(site)).not.toContain(`policies/${removed!}/index.html`);
    build(full, false);
    expect(differences(site, full)).toEqual([]);
  });
});
