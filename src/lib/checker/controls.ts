/**
 * Which form control fits each fact, read from the fact's own zod/mini schema so the form, the
 * validation and the JSON format cannot disagree: booleans become yes / no / not documented,
 * enums a select with a "not documented" option, numbers a field with the schema's range.
 * Shared by the server-rendered form and the browser island (which needs it to turn the text of
 * a control back into a typed value).
 */
import { facts, itemFields, type FactKey, type ItemKind } from '../facts/catalog.ts';
import { unreachable } from '../unreachable.ts';

/** A scalar control. `choice` options keep their JSON type (Modic type 1 is the number 1). */
export type ScalarControl =
  | { kind: 'boolean' }
  | { kind: 'choice'; options: readonly (string | number)[] }
  | { kind: 'number'; min?: number; max?: number; integer: boolean }
  | { kind: 'text'; maxLength?: number };

/** A list-valued fact: repeatable rows of item fields. */
export interface ListControl {
  kind: 'list';
  item: ItemKind;
  maxItems?: number;
  fields: { key: string; control: ScalarControl }[];
}

export type Control = ScalarControl | ListControl;

/** The zod internals read here: stable in zod 4 (`_zod.def`), and typed loosely on purpose. */
interface Def {
  type: string;
  entries?: Record<string, string>;
  options?: { _zod: { def: Def } }[];
  values?: unknown[];
  format?: string;
  checks?: {
    _zod: { def: { check: string; value?: number; minimum?: number; maximum?: number } };
  }[];
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** The control for one scalar schema. Throws for a schema shape the form does not know, so a new kind of fact is noticed at build time. */
export function scalarControl(schema: unknown, name = 'fact'): ScalarControl {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'choice', options: Object.values(def.entries ?? {}) };
    case 'union': {
      const options = (def.options ?? []).flatMap((o) =>
        o._zod.def.type === 'literal' ? (o._zod.def.values as (string | number)[]) : [],
      );
      if (options.length !== (def.options ?? []).length)
        throw new Error(`controls: ${name} is a union of something other than literals`);
      return { kind: 'choice', options };
    }
    case 'literal':
      return { kind: 'choice', options: (def.values ?? []) as (string | number)[] };
    case 'number':
      return {
        kind: 'number',
        integer: def.format === 'safeint' || def.format === 'int32',
        min: checks.find((c) => c.check === 'greater_than')?.value,
        max: checks.find((c) => c.check === 'less_than')?.value,
      };
    case 'string':
      return { kind: 'text', maxLength: checks.find((c) => c.check === 'max_length')?.maximum };
    default:
      throw new Error(`controls: no form control for ${name} (schema type ${def.type})`);
  }
}

/** The control for a top-level fact. */
export function factControl(key: FactKey): Control {
  const spec = facts[key] as { schema: unknown; item?: ItemKind };
  if (spec.item) {
    const def = defOf(spec.schema);
    const fields = Object.entries(itemFields[spec.item]).map(([field, info]) => ({
      key: field,
      control: scalarControl((info as { schema: unknown }).schema, `${key}.${field}`),
    }));
    const maxItems = (def.checks ?? [])
      .map((c) => c._zod.def)
      .find((c) => c.check === 'max_length')?.maximum;
    return { kind: 'list', item: spec.item, maxItems, fields };
  }
  return scalarControl(spec.schema, key);
}

/** Every fact's control, in catalogue order. */
export const factKeys = Object.keys(facts) as FactKey[];

/** A choice option as the DOM holds it (always a string). */
export const optionValue = (option: string | number): string => String(option);

/**
 * The typed value of a control's text, as the form holds it. Empty means undocumented
 * (`undefined`). Text that is not a number stays text, so the field keeps what was typed and
 * validation can say what is wrong with it.
 */
export function valueFromText(control: ScalarControl, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (control.kind) {
    case 'boolean':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
    case 'choice':
      return control.options.find((o) => optionValue(o) === trimmed) ?? trimmed;
    case 'number': {
      // Accept a typographic minus and a decimal comma, as people type T-scores (−2,5); "1,200"
      // could be a thousand and two hundred or 1.2, so it stays text and is questioned.
      if (/^[-+\u2212\u2013]?\d{1,3},\d{3}$/.test(trimmed)) return trimmed;
      const normalised = trimmed.replace(/^[\u2212\u2013]/, '-').replace(',', '.');
      // Exponents too: the form writes 1e-7 back as it reads it (String(1e-7) is "1e-7").
      const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised) ? Number(normalised) : NaN;
      return Number.isFinite(n) ? n : trimmed;
    }
    case 'text':
      return text;
    default:
      return unreachable(control, 'form control');
  }
}

/** The text a control shows for a value (the inverse of `valueFromText`). */
export function textFromValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/** An option in words for a select: `local-mild-sedation` → "Local mild sedation". */
export function optionWords(option: string | number): string {
  const text = String(option);
  if (/^[A-Z]{2}$/.test(text)) return text; // state codes stay codes
  const spaced = text.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The plausible range of a number control in words, e.g. "0 to 120". */
export function rangeWords(control: ScalarControl): string | undefined {
  if (control.kind !== 'number') return undefined;
  const { min, max } = control;
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return undefined;
}

/** The element id of a field: `f-ageYears`, `f-modicChanges-0-level`. */
export function fieldId(fact: string, row?: number | string, field?: string): string {
  return ['f', fact, ...(row === undefined ? [] : [String(row)]), ...(field ? [field] : [])].join(
    '-',
  );
}

/** The form control name of a field: `ageYears`, `modicChanges.0.level`. */
export function fieldName(fact: string, row?: number | string, field?: string): string {
  return [fact, ...(row === undefined ? [] : [String(row)]), ...(field ? [field] : [])].join('.');
}
