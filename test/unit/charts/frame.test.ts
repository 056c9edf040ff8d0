import { describe, expect, it } from 'vitest';
import {
  placeText,
  plotArea,
  px,
  textWidth,
  viewBox,
  wrapText,
} from '../../../src/lib/charts/frame.ts';

describe('chart frame', () => {
  const frame = { width: 700, height: 300, margin: { top: 10, right: 20, bottom: 30, left: 40 } };
  it('derives the plot area from the margins', () => {
    expect(plotArea(frame)).toEqual({ left: 40, right: 680, top: 10, bottom: 270 });
  });
  it('writes the viewBox', () => {
    expect(viewBox(frame)).toBe('0 0 700 300');
  });
  it('rounds coordinates to two decimals for stable output', () => {
    expect(px(1.23456)).toBe(1.23);
    expect(px(12.345678)).toBe(12.35);
  });
  it('wraps text into lines no wider than asked, keeping every word in order', () => {
    const text = 'INTRACEPT vs standard care (open label, no sham)';
    const lines = wrapText(text, 'row-label', 160);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 'row-label')).toBeLessThanOrEqual(160);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('short', 'tick', 160)).toEqual(['short']);
    expect(placeText('value', 'a b', 1.234, 5, 'end').lines).toEqual(['a b']);
  });
});
