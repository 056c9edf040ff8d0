/**
 * The drawing frame shared by the evidence charts: an SVG viewBox with margins, the plot area
 * inside them, and rounding so the generated SVG is stable from build to build. Pure maths.
 */

/** Size of the SVG coordinate system and the margins reserved for axes and labels. */
export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The rectangle the data are drawn in, in SVG units. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** An axis tick: where it sits along its axis, its value and its printed label. */
export interface Tick {
  position: number;
  value: number;
  label: string;
}

export function plotArea(frame: Frame): PlotArea {
  return {
    left: frame.margin.left,
    right: frame.width - frame.margin.right,
    top: frame.margin.top,
    bottom: frame.height - frame.margin.bottom,
  };
}

/** The `viewBox` attribute for a frame. */
export function viewBox(frame: Frame): string {
  return `0 0 ${frame.width} ${frame.height}`;
}

/** Rounds a coordinate to 2 decimals: enough for print, and diff-stable output. */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Each chart is drawn twice at build time: `wide` for screens from about 44rem and for paper,
 * `narrow` for phones, stacking labels above the data so text keeps its size. CSS shows one.
 */
export type ChartWidth = 'wide' | 'narrow';

/** What a piece of chart text is; it sets the font size and weight. */
export type TextKind = 'tick' | 'axis-label' | 'row-label' | 'row-sublabel' | 'value';

/** Font size in SVG units of each kind of text (the narrow drawing is shown at about 1:1 on a phone). */
export const fontSize: Record<TextKind, number> = {
  tick: 13,
  'axis-label': 12,
  'row-label': 13,
  'row-sublabel': 12,
  value: 13,
};

/** Line height in SVG units for wrapped text of each kind. */
export const lineHeight = (kind: TextKind) => Math.round(fontSize[kind] * 1.3);

/** Text placed in the SVG, one or more lines (SVG does not wrap, so wrapping happens here). */
export interface PlacedText {
  kind: TextKind;
  /** Anchor point of the first line's baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  lines: string[];
  /** Degrees to rotate about (x, y), e.g. −90 for a vertical axis label. */
  rotate?: number;
}

// A generous average glyph width (em) for the sans-serif fonts a reader may have, bold a little wider,
// so a wrapped line never overruns the width it was wrapped to.
const glyphWidth = { regular: 0.6, bold: 0.64 };

/** Estimated width of a line of text in SVG units. */
export function textWidth(text: string, kind: TextKind): number {
  const em = kind === 'row-label' ? glyphWidth.bold : glyphWidth.regular;
  return text.length * fontSize[kind] * em;
}

/** Splits text into lines no wider than `maxWidth` (a single over-long word keeps its own line). */
export function wrapText(text: string, kind: TextKind, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, kind) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Text placed at (x, y), wrapped to `maxWidth` when given. */
export function placeText(
  kind: TextKind,
  text: string,
  x: number,
  y: number,
  anchor: PlacedText['anchor'] = 'start',
  maxWidth?: number,
): PlacedText {
  return {
    kind,
    x: px(x),
    y: px(y),
    anchor,
    lines: maxWidth === undefined ? [text] : wrapText(text, kind, maxWidth),
  };
}

/** Height in SVG units that a placed text occupies below its first baseline's line box. */
export function textHeight(text: PlacedText): number {
  return text.lines.length * lineHeight(text.kind);
}
