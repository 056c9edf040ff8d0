/**
 * Parsing JSON that a person or another program sent (a facts file, a link, the saved copy)
 * without letting its shape hurt the reader: nesting is measured before parsing, and a number
 * too large for a double keeps the text it was written as, so messages can name it.
 */

/** The deepest nesting a facts file needs is 3 (facts → list → row); well past that is refused unparsed. */
export const maxJsonDepth = 8;

/** A number JSON can write but JavaScript cannot hold (`1e309`); `source` is the text as written. */
export class UnreadableNumber {
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }
}

/** How deeply arrays and objects nest in JSON text, counted up to `limit + 1` (strings are skipped). */
export function jsonDepth(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** `reason` completes "… is " or "… are ": "not valid JSON (…)". */
export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Parses JSON text: a leading byte-order mark is ignored, nesting deeper than `maxJsonDepth` is
 * refused before parsing, and numbers that overflow become `UnreadableNumber`s.
 */
export function parseJson(text: string): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const depth = jsonDepth(body);
  if (depth > maxJsonDepth)
    return {
      ok: false,
      reason: `nested more than ${maxJsonDepth} levels deep (patient facts need 3)`,
    };
  try {
    return {
      ok: true,
      value: JSON.parse(body, (_key, value: unknown, context?: { source?: string }) =>
        typeof value === 'number' && !Number.isFinite(value)
          ? new UnreadableNumber(context?.source ?? String(value))
          : value,
      ),
    };
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${brief((error as Error).message, 120)})` };
  }
}

/** At most `max` characters of `text`, with an ellipsis when cut. */
export function brief(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A short, inert rendering of any received value for messages; never walks into lists or objects. */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof UnreadableNumber)
    return `${brief(value.source)}, a number too large to read`;
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.slice(0, 60));
    return quoted.length > 40 ? `${quoted.slice(0, 37)}…` : quoted;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'an object';
  const text =
    typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
