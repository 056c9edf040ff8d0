/**
 * Free text is one line: a line break or another control character in a health plan's name
 * could forge a heading or a checklist item in the packet's copies. Shared by the fact schema
 * (which refuses such text), links (whose line breaks become spaces) and every output.
 */

// Control characters are the point of these two patterns.
// eslint-disable-next-line no-control-regex
const breaks = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** Text without line breaks or control characters (the schema's pattern for free text). */
// eslint-disable-next-line no-control-regex
export const withoutBreaks = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;

/** The text on one line: each run of line breaks and control characters becomes one space. */
export function oneLine(text: string): string {
  return text.replace(breaks, ' ');
}
