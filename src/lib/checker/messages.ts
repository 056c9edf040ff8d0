/**
 * Plain-language messages for invalid facts, derived from the zod issues of the fact's own schema
 * (zod/mini carries no message text, which keeps the browser bundle small). Each message names
 * the field and says what was expected, so a reader can fix it without reading the schema.
 */
import { shownValue } from '../facts/json.ts';

/** The parts of a zod issue read here (zod/mini issues carry codes and limits, not text). */
export interface IssueLike {
  code: string;
  path?: readonly PropertyKey[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
  keys?: readonly string[];
  errors?: readonly (readonly IssueLike[])[];
}

interface FieldWords {
  label: string;
  unit?: string;
}

const withUnit = (n: number | bigint, unit?: string) =>
  unit && !unit.startsWith('points') ? `${n} ${unit}` : String(n);
const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

const typeWords: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  boolean: 'yes or no',
  string: 'text',
  object: 'a row of fields',
  array: 'a list',
};

/** What the field expected, in words: "a whole number from 0 to 120 years". */
export function expectation(issue: IssueLike, field: FieldWords): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return 'some text';
      if (issue.origin === 'array') return `at least ${issue.minimum} rows`;
      return `${issue.inclusive === false ? 'more than' : 'at least'} ${withUnit(issue.minimum!, field.unit)}`;
    case 'too_big':
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `at most ${issue.maximum} rows`;
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${withUnit(issue.maximum!, field.unit)}`;
    case 'invalid_type':
      return typeWords[issue.expected ?? ''] ?? `a value of type ${issue.expected}`;
    case 'invalid_value':
      return `one of ${list(issue.values ?? [])}`;
    case 'invalid_union': {
      const values = (issue.errors ?? []).flatMap((branch) =>
        branch.flatMap((i) => i.values ?? []),
      );
      return values.length > 0 ? `one of ${list(values)}` : 'a value of another form';
    }
    case 'unrecognized_keys':
      return `only known fields (not ${list((issue.keys ?? []).map((k) => JSON.stringify(k)))})`;
    case 'invalid_format':
      return 'one line of text, without line breaks';
    default:
      return 'a valid value';
  }
}

/** A short, safe echo of a rejected value for messages (never interpreted, only shown as text). */
export const echo = shownValue;

/** The message shown next to a field: "Age: expected at most 120 years (got 150)." */
export function fieldMessage(issue: IssueLike, field: FieldWords, value?: unknown): string {
  const got = value === undefined ? '' : ` (got ${echo(value)})`;
  return `${field.label}: expected ${expectation(issue, field)}${got}.`;
}
