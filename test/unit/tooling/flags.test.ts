import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../../scripts/lib/flags.ts';

describe('script flags', () => {
  it('reads values, repeated values, positionals and --no-<flag>', () => {
    const { values, positionals } = parseFlags(
      'test',
      {
        policy: { type: 'string', multiple: true, default: [] },
        write: { type: 'boolean', default: true },
        runs: { type: 'string', default: '3' },
      },
      {
        allowPositionals: true,
        args: ['facts.json', '--policy', 'a', '--policy', 'b', '--no-write', '--runs=5'],
      },
    );
    expect(values).toEqual({ policy: ['a', 'b'], write: false, runs: '5' });
    expect(positionals).toEqual(['facts.json']);
  });

  it('exits 2 naming the script and the flag for an unknown flag or a bad count', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['scripts/bench-engine.ts', ...args], { encoding: 'utf8' });
    const unknown = run(['--patient', '10']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("bench:engine: Unknown option '--patient'");
    const notANumber = run(['--rounds', 'five']);
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr).toContain('bench:engine: --rounds needs a whole number of 1 or more');
  });
});
