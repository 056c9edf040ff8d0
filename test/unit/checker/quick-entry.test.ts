/** Entering Modic changes by disc level and planned bodies by body, as ordinary rows. */
import { describe, expect, it } from 'vitest';
import {
  applyQuick,
  modicByDisc,
  plannedByBody,
  quickState,
} from '../../../src/lib/checker/quick-entry.ts';

describe('Modic changes by disc level', () => {
  it('fills the two endplates facing the disc: "L4-5, type 1" is L4 inferior and L5 superior', () => {
    expect(applyQuick(modicByDisc, [], 'L4-L5', '1')).toEqual([
      { level: 'L4', endplate: 'inferior', type: 1 },
      { level: 'L5', endplate: 'superior', type: 1 },
    ]);
    expect(applyQuick(modicByDisc, [], 'L5-S1', '2')).toEqual([
      { level: 'L5', endplate: 'inferior', type: 2 },
      { level: 'S1', endplate: 'superior', type: 2 },
    ]);
  });

  it('replaces the disc’s rows in place, keeps other rows, and removes them on "—"', () => {
    const other = { level: 'L1', endplate: 'inferior' as const, type: 1 };
    const rows = applyQuick(modicByDisc, [other], 'L4-L5', '1');
    expect(applyQuick(modicByDisc, rows, 'L4-L5', '2').map((r) => r.type)).toEqual([1, 2, 2]);
    expect(applyQuick(modicByDisc, rows, 'L4-L5', '')).toEqual([other]);
  });

  it('reads its state back from the rows, "mixed" when one endplate was edited on its own', () => {
    const rows = applyQuick(modicByDisc, [], 'L4-L5', '1');
    expect(quickState(modicByDisc, rows, 'L4-L5')).toBe('1');
    expect(quickState(modicByDisc, rows, 'L3-L4')).toBe('');
    expect(quickState(modicByDisc, [{ ...rows[0]!, type: 2 }, rows[1]!], 'L4-L5')).toBe('mixed');
    expect(quickState(modicByDisc, [rows[0]!], 'L4-L5')).toBe('mixed');
  });

  it('shares the upper disc’s lower body with the next disc without mixing them', () => {
    const rows = applyQuick(modicByDisc, applyQuick(modicByDisc, [], 'L3-L4', '1'), 'L4-L5', '2');
    // L4 inferior belongs to L4-L5, L4 superior to L3-L4.
    expect(quickState(modicByDisc, rows, 'L3-L4')).toBe('1');
    expect(quickState(modicByDisc, rows, 'L4-L5')).toBe('2');
  });
});

describe('planned vertebral bodies by body', () => {
  it('writes one row per body with whether it was ablated before, or leaves that undocumented', () => {
    expect(applyQuick(plannedByBody, [], 'L4', 'first')).toEqual([
      { level: 'L4', ablatedBefore: false },
    ]);
    expect(applyQuick(plannedByBody, [], 'L4', 'again')).toEqual([
      { level: 'L4', ablatedBefore: true },
    ]);
    expect(applyQuick(plannedByBody, [], 'L4', 'unknown')).toEqual([{ level: 'L4' }]);
    expect(quickState(plannedByBody, [{ level: 'L4' }], 'L4')).toBe('unknown');
  });
});
