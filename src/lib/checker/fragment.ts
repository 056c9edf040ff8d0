/**
 * The checker's state outside the page: the URL fragment (shareable, never sent to a server by
 * the browser) and the same text in localStorage. The fragment is `#facts=<base64url JSON>`,
 * the JSON being a draft in the `PatientFacts` shape. Everything read back is treated as hostile:
 * size-limited, parsed as data only, and filtered down to values a form field can show as text.
 */
import { facts, itemFields, type FactKey, type ItemKind } from '../facts/catalog.ts';
import { parseJson } from '../facts/json.ts';
import { oneLine } from '../facts/one-line.ts';
import { factControl, type ScalarControl } from './controls.ts';
import type { DraftRow, DraftScalar, FactDraft } from './draft.ts';
import { echo, fieldMessage, type IssueLike } from './messages.ts';

/** Longest fragment read (a full chart encodes to about 3,000 characters). */
export const maxFragmentLength = 32_000;
/** Longest text kept in one field; anything longer cannot be a fact and is rejected. */
export const maxFieldText = 200;
/** At most this many messages are listed about one link; the rest are counted. */
const maxMessages = 8;

/** The fragment key that carries the facts. */
export const factsParam = 'facts';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new Error('not base64url');
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Removes undocumented entries so that the stored text is as short as the facts. */
export function compactDraft(draft: FactDraft): FactDraft {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== ''));
}

/** True when the draft documents nothing (empty values and rows left out). */
export const isEmptyDraft = (draft: FactDraft): boolean =>
  Object.keys(compactDraft(draft)).length === 0;

/** The draft as JSON text (the localStorage value). */
export function draftJson(draft: FactDraft): string {
  return JSON.stringify(compactDraft(draft));
}

/** The fragment for a draft, without the leading `#`; empty when nothing is documented. */
export function encodeFragment(draft: FactDraft, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  const compact = compactDraft(draft);
  if (Object.keys(compact).length > 0) params.set(factsParam, toBase64Url(JSON.stringify(compact)));
  return params.toString();
}

/** What reading a fragment (or the stored copy) found. */
export type ReadResult =
  /** No facts in it: empty, or a plain in-page anchor such as `#main`. */
  | { status: 'none'; params: URLSearchParams }
  /** Facts read; `messages` lists what was left out or looks wrong. */
  | { status: 'read'; draft: FactDraft; messages: string[]; params: URLSearchParams }
  /** Nothing could be read; `message` says why. */
  | { status: 'rejected'; message: string; params: URLSearchParams };

/** Reads `#…` (with or without the `#`). Never throws, never evaluates anything it reads. */
export function decodeFragment(hash: string): ReadResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const empty = new URLSearchParams();
  if (text.length > maxFragmentLength)
    return {
      status: 'rejected',
      params: empty,
      message: `The link is too long to be a patient’s facts (${text.length} characters; at most ${maxFragmentLength}). Nothing was read from it.`,
    };
  // A plain anchor (#main, #results) is navigation, not state.
  if (!text.includes('=')) return { status: 'none', params: empty };
  const params = new URLSearchParams(text);
  const encoded = params.get(factsParam);
  if (encoded === null) return { status: 'none', params };
  let json: string;
  try {
    json = fromBase64Url(encoded);
  } catch {
    return {
      status: 'rejected',
      params,
      message:
        'The facts in this link are not in the form BVN Atlas writes (base64url text). Nothing was read from it.',
    };
  }
  return readDraftJson(json, params, 'link');
}

/**
 * The saved copy kept in localStorage: the draft and the address (`#…`) the page had when it was
 * saved. The address is written to the fragment a moment after typing pauses, so a reload right
 * after typing comes back to an older address; the saved copy then knows it is the newer state.
 */
export function savedCopyText(draft: FactDraft, address: string): string {
  return JSON.stringify({ v: 2, address, facts: compactDraft(draft) });
}

/** A saved copy read back; `address` is absent for copies saved before it was recorded. */
export type SavedRead = ReadResult & { address?: string };

/** Reads the saved copy (this format, or the earlier plain draft). Never throws. */
export function readSavedCopy(text: string): SavedRead {
  if (text.length > 2 * maxFragmentLength)
    return {
      status: 'rejected',
      params: new URLSearchParams(),
      message: `The facts saved in this browser are too long to be a patient’s facts (${text.length} characters).`,
    };
  const parsed = parseJson(text);
  const value = parsed.ok ? parsed.value : undefined;
  if (isRecord(value) && value.v === 2 && isRecord(value.facts)) {
    const result = readDraftValue(value.facts, new URLSearchParams(), 'saved copy');
    return typeof value.address === 'string' ? { ...result, address: value.address } : result;
  }
  return readDraftJson(text);
}

/** Reads the JSON text of a draft (from a fragment or localStorage). */
export function readDraftJson(
  json: string,
  params = new URLSearchParams(),
  origin: 'link' | 'saved copy' = 'saved copy',
): ReadResult {
  const parsed = parseJson(json);
  if (!parsed.ok)
    return {
      status: 'rejected',
      params,
      message: `${factsIn(origin)} are ${parsed.reason}. Nothing was read from it.`,
    };
  return readDraftValue(parsed.value, params, origin);
}

const factsIn = (origin: 'link' | 'saved copy') =>
  origin === 'link' ? 'The facts in this link' : 'The facts saved in this browser';

function readDraftValue(
  value: unknown,
  params: URLSearchParams,
  origin: 'link' | 'saved copy',
): ReadResult {
  const { draft, messages, fatal } = sanitizeDraft(value);
  if (fatal)
    return {
      status: 'rejected',
      params,
      message: `${factsIn(origin)} ${fatal}. Nothing was read from it.`,
    };
  return { status: 'read', draft, messages, params };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface Schemaish {
  safeParse(value: unknown): { success: boolean; error?: { issues: IssueLike[] } };
}

/**
 * A scalar as a field can hold it. Radios and selects can only show valid values, so anything
 * else for them is rejected with the schema's message; text fields keep what could have been
 * typed (text or a number, even out of range) so that the field can show it with its message.
 */
function scalarOrReason(
  value: unknown,
  control: ScalarControl,
  info: { schema: unknown; label: string; unit?: string },
): { ok: true; value: DraftScalar; note?: string } | { ok: false; reason: string } {
  if (control.kind === 'boolean' || control.kind === 'choice') {
    const result = (info.schema as Schemaish).safeParse(value);
    return result.success
      ? { ok: true, value: value as DraftScalar }
      : { ok: false, reason: fieldMessage(result.error!.issues[0]!, info, value) };
  }
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === 'string' && value.length > maxFieldText)
    return {
      ok: false,
      reason: `${info.label}: text of ${value.length} characters cannot be a value of this field (at most ${maxFieldText}).`,
    };
  if (typeof value === 'string') {
    // A one-line field cannot show a line break (the browser would drop it unseen): it becomes a space.
    const line = oneLine(value);
    return line === value
      ? { ok: true, value }
      : { ok: true, value: line, note: `${info.label}: line breaks replaced by spaces.` };
  }
  return { ok: false, reason: `${info.label}: ${echo(value)} cannot be a value of this field.` };
}

/**
 * Keeps only what the form can show: known facts, scalars as scalars, lists of rows of known
 * fields. Values that are the right shape but out of range are kept (the field shows them with
 * its message, and the engine ignores them until fixed); anything else is dropped with a message.
 */
export function sanitizeDraft(value: unknown): {
  draft: FactDraft;
  messages: string[];
  fatal?: string;
} {
  if (!isRecord(value))
    return { draft: {}, messages: [], fatal: `are ${echo(value)}, not a set of named facts` };
  const draft: Record<string, DraftScalar | DraftRow[]> = {};
  const messages: string[] = [];
  const spec = facts as Record<
    string,
    { label: string; unit?: string; item?: ItemKind; schema: unknown }
  >;
  for (const [key, raw] of Object.entries(value)) {
    if (key === '$schema') continue;
    const info = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (!info) {
      messages.push(`Left out ${echo(key)}: not a fact BVN Atlas knows.`);
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const control = factControl(key as FactKey);
    if (control.kind !== 'list') {
      const scalar = scalarOrReason(raw, control, info);
      if (!scalar.ok) messages.push(`Left out ${scalar.reason}`);
      else {
        draft[key] = scalar.value;
        if (scalar.note) messages.push(scalar.note);
      }
      continue;
    }
    if (!Array.isArray(raw)) {
      messages.push(`Left out ${info.label}: expected a list of rows, got ${echo(raw)}.`);
      continue;
    }
    const maxRows = control.maxItems ?? Infinity;
    if (raw.length > maxRows) {
      messages.push(`Left out ${info.label}: ${raw.length} rows (at most ${maxRows}).`);
      continue;
    }
    const fields = itemFields[control.item] as Record<
      string,
      { label: string; unit?: string; schema: unknown }
    >;
    const fieldControls = new Map(control.fields.map((f) => [f.key, f.control]));
    const rows: DraftRow[] = [];
    raw.forEach((item, i) => {
      // An unreadable row still says "there is one": it stays as a row with nothing documented,
      // never dropped (dropping the only row would turn the list into "none").
      if (!isRecord(item)) {
        rows.push({});
        return void messages.push(
          `${info.label}, row ${i + 1}: expected a row of fields, got ${echo(item)}; kept as a row with nothing documented.`,
        );
      }
      const row: DraftRow = {};
      for (const [field, v] of Object.entries(item)) {
        const fieldInfo = Object.hasOwn(fields, field) ? fields[field] : undefined;
        if (!fieldInfo) {
          messages.push(
            `Left out ${info.label}, row ${i + 1}: ${echo(field)} is not one of its fields.`,
          );
          continue;
        }
        if (v === null || v === undefined) continue;
        const scalar = scalarOrReason(v, fieldControls.get(field)!, {
          ...fieldInfo,
          label: `${info.label}, row ${i + 1}, ${fieldInfo.label}`,
        });
        if (!scalar.ok) messages.push(`Left out ${scalar.reason}`);
        else {
          row[field] = scalar.value;
          if (scalar.note) messages.push(scalar.note);
        }
      }
      rows.push(row);
    });
    draft[key] = rows;
  }
  const shown = messages.slice(0, maxMessages);
  if (messages.length > maxMessages)
    shown.push(`…and ${messages.length - maxMessages} more left out.`);
  return { draft: draft, messages: shown };
}
