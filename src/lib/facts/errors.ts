/**
 * Plain-language messages for facts that do not fit the schema, naming the field and what was
 * expected: "ageYears: expected a number from 0 to 120 (years), got 130". Shared by the CLI and
 * the browser checker (zod/mini carries no message locale, which keeps the browser bundle small).
 */
import type * as z from 'zod/mini';
import { facts, itemFields, type ItemKind } from './catalog.ts';
import { numericRange } from './ranges.ts';

export interface FactProblem {
  /** Path such as `ageYears` or `modicChanges[0].type`. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

interface Spec {
  schema: unknown;
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

/** A short, inert rendering of a received value (never longer than 40 characters). */
function shown(value: unknown): string {
  const text =
    value === undefined
      ? 'nothing'
      : typeof value === 'string'
        ? JSON.stringify(value)
        : (JSON.stringify(value) ?? typeof value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
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

/** Every problem in `data`, one per issue, in plain words. */
export function describeFactIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): FactProblem[] {
  return issues.flatMap((issue): FactProblem[] => {
    const path = issuePath(issue.path);
    const got = shown(valueAt(data, issue.path));
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
          return [{ path, message: `expected text of 1 to 80 characters, got ${got}` }];
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
        const expected = typeWords[issue.expected] ?? issue.expected;
        if (issue.expected === 'int') {
          const { min, max } = spec ? numericRange(spec.schema) : {};
          const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : '';
          return [{ path, message: `expected a whole number${range}${unit}, got ${got}` }];
        }
        return [{ path, message: `expected ${expected}${unit}, got ${got}` }];
      }
      case 'invalid_value':
        return [
          {
            path,
            message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`,
          },
        ];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          path: issuePath([...issue.path, key]),
          message: `unknown fact (not in the patient facts schema, /schema/patient-facts.json)`,
        }));
      case 'invalid_format':
        return [{ path, message: `expected ${issue.format} format, got ${got}` }];
      case 'custom':
      case 'invalid_element':
      case 'invalid_key':
      case 'invalid_union':
      case 'not_multiple_of':
      default: // zod's own vocabulary: a code a later zod adds gets the general message
        return [{ path, message: `not a valid value, got ${got}` }];
    }
  });
}
