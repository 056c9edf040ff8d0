import { describe, expect, it } from 'vitest';
import { unreachable } from '../../src/lib/unreachable.ts';

describe('unreachable', () => {
  it('throws naming what was not handled, for input that got past the types', () => {
    const op = 'approximately' as never;
    expect(() => unreachable(op, 'comparison operator')).toThrow(
      'unhandled comparison operator: "approximately"',
    );
  });
});
