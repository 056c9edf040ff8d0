/**
 * Plain-language messages for facts that do not fit the schema, naming the field and what was
 * expected: "ageYears: expected a number from 0 to 120 (years), got 130". Shared by the CLI and
 * the browser checker (zod/mini carries no message locale, which keeps the browser bundle small).
 */
import type * as z from 'zod/mini';
import { facts, itemFields, type ItemKind } from './catalog.ts';
import { brief, shownValue } from './json.ts';
import { numericRange } from './ranges.ts';

export interface FactProblem {
  /** Path such as `ageYears` or `modicChanges[0].type`. */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /** The catalogue's words for the path ("Modic changes, row 1, Modic type"); absent for unknown keys. */
  label?: string;
}

interface Spec {
  schema: unknown;
  label: string;
  unit?: string;
  item?: ItemKind;
}

function specAt(path: readonly PropertyKey[]): Spec | undefined {
  const top = (facts as Record<string, Spec>)[String(path[0])];
  if (!top || path.length === 1) return top;
  const field = path[2];
  return top.item && field !== undefined
    ? (itemFields[top.item] as Record<string, Spec>)[String(field)]
    : undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );
}

/** The catalogue label of a path, for messages: "Modic changes, row 1, Modic type". */
export function pathLabel(path: readonly PropertyKey[]): string | undefined {
  const top = (facts as Record<string, Spec>)[String(path[0])];
  if (!top || path.length === 1) return top?.label;
  const row = typeof path[1] === 'number' ? `${top.label}, row ${path[1] + 1}` : top.label;
  const field = path.length > 2 ? specAt(path) : undefined;
  return field ? `${row}, ${field.label}` : row;
}

const typeWords: Record<string, string> = {
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  string: 'text',
};

/** Formats a zod issue path as `modicChanges[0].type`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('') || '(facts)'
  );
}

/** How many problems `describeFactIssues` would list (one per unknown key, one per other issue). */
export function countFactIssues(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
}

/** The problems in `data`, one per issue (one per unknown key), in plain words; at most `max`. */
export function describeFactIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  max = Infinity,
): FactProblem[] {
  const out: FactProblem[] = [];
  for (const issue of issues) {
    if (out.length >= max) break;
    const label = issue.code === 'unrecognized_keys' ? undefined : pathLabel(issue.path);
    for (const problem of describeIssue(issue, data, max - out.length))
      out.push(label ? { ...problem, label } : problem);
  }
  return out;
}

/** One issue in words; an issue about unknown keys gives up to `room` problems, one per key. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown, room: number): FactProblem[] {
  const path = issuePath(issue.path);
  const got = shownValue(valueAt(data, issue.path));
  const spec = specAt(issue.path);
  const unit = spec?.unit ? ` (${spec.unit})` : '';
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'array')
        return [
          {
            path,
            message: `expected at most ${(issue as { maximum: number }).maximum} items, got more`,
          },
        ];
      if (issue.origin === 'string')
        return [
          {
            path,
            message:
              issue.code === 'too_big'
                ? `expected text of at most ${(issue as { maximum: number }).maximum} characters, got ${got}`
                : `expected some text, got ${got}`,
          },
        ];
      const { min, max, integer } = spec
        ? numericRange(spec.schema)
        : { min: undefined, max: undefined, integer: false };
      const range =
        min !== undefined && max !== undefined
          ? `from ${min} to ${max}`
          : issue.code === 'too_big'
            ? `at most ${(issue as { maximum: number }).maximum}`
            : `at least ${(issue as { minimum: number }).minimum}`;
      return [
        {
          path,
          message: `expected ${integer ? 'a whole number' : 'a number'} ${range}${unit}, got ${got}`,
        },
      ];
    }
    case 'invalid_type': {
      if (issue.expected === 'int' || (issue.expected === 'number' && spec)) {
        const { min, max, integer } = spec ? numericRange(spec.schema) : { integer: false };
        const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : '';
        const kind = integer || issue.expected === 'int' ? 'a whole number' : 'a number';
        return [{ path, message: `expected ${kind}${range}${unit}, got ${got}` }];
      }
      return [
        {
          path,
          message: `expected ${typeWords[issue.expected] ?? issue.expected}${unit}, got ${got}`,
        },
      ];
    }
    case 'invalid_value':
      return [
        {
          path,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`,
        },
      ];
    case 'unrecognized_keys':
      return issue.keys.slice(0, room).map((key) => ({
        path: issuePath([...issue.path, brief(key)]),
        message: `unknown fact (not in the patient facts schema, /schema/patient-facts.json)`,
      }));
    case 'invalid_format':
      return [
        {
          path,
          message:
            issue.format === 'regex'
              ? `expected one line of text (no line breaks), got ${got}`
              : `expected ${issue.format} format, got ${got}`,
        },
      ];
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    default: // zod's own vocabulary: a code a later zod adds gets the general message
      return [{ path, message: `not a valid value, got ${got}` }];
  }
}
