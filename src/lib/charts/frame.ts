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
