/**
 * The set-up step a fresh machine runs before the tests (scripts/ensure-browser.sh, called by
 * `npm test` and .ci/run), driven with stub `apt-get`, `id` and `npm` on PATH and a Chromium
 * that does not exist, so the install path is proven without installing anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const stubs = resolve('test/fixtures/shell-stubs');

/** A PATH holding only the stubs given plus `env` (the script needs nothing else from outside bash). */
function sandbox(names: string[]): { path: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), 'bvn-stubs-'));
  for (const name of names) symlinkSync(join(stubs, name), join(bin, name));
  symlinkSync('/usr/bin/env', join(bin, 'env'));
  return { path: bin, log: join(bin, 'calls.log') };
}

function ensure(names: string[], env: Record<string, string>) {
  const box = sandbox(names);
  writeFileSync(box.log, '');
  const run = spawnSync('/bin/bash', ['scripts/ensure-browser.sh'], {
    env: { PATH: box.path, CHROME_PATH: '/nonexistent/chromium', STUB_LOG: box.log, ...env },
    encoding: 'utf8',
  });
  return {
    ...run,
    calls: readFileSync(box.log, 'utf8').trim().split('\n').filter(Boolean),
    bin: box.path,
  };
}

describe('the browser set-up step (scripts/ensure-browser.sh)', () => {
  it('installs Debian chromium non-interactively as root when the browser is missing, and exits 0', () => {
    const run = ensure(['apt-get', 'id'], { STUB_UID: '0' });
    expect(run.status).toBe(0);
    expect(run.calls[0]).toMatch(/^update /);
    expect(run.calls[1]).toMatch(/^install -y .*\bchromium\b.* DEBIAN_FRONTEND=noninteractive$/);
    expect(run.stdout).toMatch(/^Installing chromium/);
    expect(run.stderr).not.toMatch(/command not found/);
  });

  it('stops with one line saying what to run when it cannot install (not root, no sudo)', () => {
    const run = ensure(['apt-get', 'id'], { STUB_UID: '1000' });
    expect(run.status).toBe(1);
    expect(run.calls).toEqual([]);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/run `sudo apt-get install -y chromium/);
  });

  it('does nothing when Chromium and shellcheck are there', () => {
    const box = sandbox(['apt-get', 'id']);
    const fake = join(box.path, 'chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    writeFileSync(join(box.path, 'shellcheck'), '#!/bin/sh\n');
    chmodSync(join(box.path, 'shellcheck'), 0o755);
    writeFileSync(box.log, '');
    const run = spawnSync('/bin/bash', ['scripts/ensure-browser.sh'], {
      env: { PATH: box.path, CHROME_PATH: fake, STUB_LOG: box.log, STUB_UID: '0' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(readFileSync(box.log, 'utf8')).toBe('');
  });

  it('.ci/run gets past the install on a machine without Chromium and calls npm test', () => {
    const box = sandbox(['apt-get', 'id', 'npm']);
    writeFileSync(box.log, '');
    const run = spawnSync('/bin/bash', ['.ci/run'], {
      env: {
        PATH: `${box.path}:/usr/bin:/bin`,
        CHROME_PATH: '/nonexistent/chromium',
        STUB_LOG: box.log,
        STUB_UID: '0',
      },
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/command not found/);
    expect(run.status).toBe(0);
    const calls = readFileSync(box.log, 'utf8');
    expect(calls).toMatch(/install -y .*chromium/);
    expect(calls.trim().split('\n').at(-1)).toBe('npm test');
  });
});

describe('shell scripts', () => {
  it('pass shellcheck (.ci/run, scripts/*.sh and the test stubs)', () => {
    const files = [
      '.ci/run',
      'scripts/ensure-browser.sh',
      ...['apt-get', 'id', 'npm'].map((n) => join('test/fixtures/shell-stubs', n)),
    ];
    const run = spawnSync('shellcheck', files, { encoding: 'utf8' });
    expect(run.error, 'shellcheck is not installed: run scripts/ensure-browser.sh').toBeUndefined();
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
