/**
 * The checker's form state ("draft"): what the user has entered, field by field, before it is
 * validated. It has the shape of `PatientFacts` (the CLI's JSON format) so that a draft with no
 * mistakes *is* a facts file; a value that breaks its fact's schema stays in the draft (nothing
 * typed is lost) but is left out of the facts, so the engine reads it as undocumented.
 */
import { facts, itemFields, type FactKey, type ItemKind } from '../facts/catalog.ts';
import { contradictions } from '../facts/implications.ts';
import type { PatientFacts } from '../facts/schema.ts';
import { fieldMessage, type IssueLike } from './messages.ts';

/** A value as a form field holds it: typed when it parses, text when it does not. */
export type DraftScalar = string | number | boolean;
/** One row of a list-valued fact. */
export type DraftRow = Record<string, DraftScalar>;
/** The form's state: absent keys are undocumented. */
export type FactDraft = { [K in FactKey]?: DraftScalar | DraftRow[] };

/** A field whose value breaks its schema. `path` uses the engine's notation: `modicChanges[0].type`. */
export interface FieldProblem {
  path: string;
  message: string;
}

interface Schemaish {
  safeParse(
    value: unknown,
  ): { success: true; data: unknown } | { success: false; error: { issues: IssueLike[] } };
}
type FieldSpec = { schema: unknown; label: string; unit?: string; item?: ItemKind };

function check(
  spec: FieldSpec,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = (spec.schema as Schemaish).safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: fieldMessage(result.error.issues[0]!, spec, value) };
}

/**
 * Splits a draft into the facts the engine may read and the problems to show. Each field is
 * checked on its own, so one invalid field never hides the others; then facts that contradict
 * each other (src/lib/facts/implications.ts) are reported on both fields and left out.
 */
export function validateDraft(draft: FactDraft): { facts: PatientFacts; problems: FieldProblem[] } {
  const out: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [key, raw] of Object.entries(draft)) {
    const spec = (facts as Record<string, FieldSpec>)[key];
    if (!spec || raw === undefined) continue;
    if (spec.item) {
      if (!Array.isArray(raw)) {
        problems.push({ path: key, message: `${spec.label}: expected a list of rows.` });
        continue;
      }
      const fields = itemFields[spec.item] as Record<string, FieldSpec>;
      out[key] = raw.map((row, i) => {
        const item: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(row)) {
          const info = fields[field];
          if (!info || value === undefined) continue;
          const result = check(
            { ...info, label: `${spec.label}, row ${i + 1}: ${info.label}` },
            value,
          );
          if (result.ok) item[field] = result.value;
          else problems.push({ path: `${key}[${i}].${field}`, message: result.message });
        }
        return item;
      });
      // The list as a whole has limits too (at most 12 rows).
      const whole = check(spec, out[key]);
      if (!whole.ok) {
        problems.push({ path: key, message: whole.message });
        delete out[key];
      }
      continue;
    }
    const result = check(spec, raw);
    if (result.ok) out[key] = result.value;
    else problems.push({ path: key, message: result.message });
  }
  // Facts that contradict each other: the message goes on both fields, and neither is read until
  // one is changed (the engine cannot know which of the two the chart got wrong).
  for (const conflict of contradictions(out)) {
    const message = `${conflict.message} Both are treated as not documented until one is changed.`;
    for (const path of conflict.paths) problems.push({ path, message });
    for (const path of conflict.paths) forget(out, path);
  }
  return { facts: out, problems };
}

/** Removes `fact` or `list[i].field` from validated facts. */
function forget(out: Record<string, unknown>, path: string): void {
  const match = /^(\w+)(?:\[(\d+)\]\.(\w+))?$/.exec(path);
  if (!match) return;
  const [, fact, index, field] = match;
  if (index === undefined) return void delete out[fact!];
  const item = (out[fact!] as Record<string, unknown>[] | undefined)?.[Number(index)];
  if (item) delete item[field!];
}

/** A facts file's content as a draft (facts are always a valid draft). */
export function draftFromFacts(value: PatientFacts): FactDraft {
  const { $schema: _ignored, ...rest } = value;
  return structuredClone(rest);
}
