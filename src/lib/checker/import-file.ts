/**
 * Reading a facts file (the CLI's `PatientFacts` JSON) into the checker. The file must fit the
 * schema exactly, like the CLI requires; when it does not, every problem is listed with the
 * field and what was expected, and the form is left as it was.
 */
import { contradictions } from '../facts/implications.ts';
import { PatientFacts } from '../facts/schema.ts';
import { echo, expectation, pathWords, type IssueLike } from './messages.ts';

/** Largest file read (a full chart is about 3 KB). */
export const maxFileBytes = 200_000;
const maxErrors = 12;

export type ImportResult = { ok: true; facts: PatientFacts } | { ok: false; errors: string[] };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** One error line: `ageYears (Age): expected at most 120 years, got 150.` */
export function describeIssue(issue: IssueLike, root: unknown): string {
  const path = issue.path ?? [];
  if (issue.code === 'unrecognized_keys') {
    const where = path.length === 0 ? 'the file' : pathWords(path).where;
    return (issue.keys ?? [])
      .map((k) => `${echo(k)} in ${where} is not a field of the patient facts format.`)
      .join(' ');
  }
  const words = pathWords(path);
  if (path.length === 0)
    return `The file: expected ${expectation(issue, words)} (a JSON object of facts), got ${echo(root)}.`;
  const value = valueAt(root, path);
  return `${words.where} (${words.label}): expected ${expectation(issue, words)}${value === undefined ? '' : `, got ${echo(value)}`}.`;
}

/** Parses and validates a facts file's text. */
export function parseFactsFile(text: string, fileName = 'The file'): ImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxFileBytes)
    return {
      ok: false,
      errors: [
        `${fileName} is ${Math.round(bytes / 1000)} KB; a patient facts file is at most ${maxFileBytes / 1000} KB.`,
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${fileName} is not valid JSON (${(error as Error).message}).`] };
  }
  const result = PatientFacts.safeParse(value);
  if (result.success) {
    const conflicts = contradictions(result.data);
    if (conflicts.length === 0) return { ok: true, facts: result.data };
    return { ok: false, errors: conflicts.map((c) => `${fileName}: ${c.message}`) };
  }
  const issues = result.error.issues as unknown as IssueLike[];
  const errors = issues.slice(0, maxErrors).map((issue) => describeIssue(issue, value));
  if (issues.length > maxErrors) errors.push(`…and ${issues.length - maxErrors} more problems.`);
  return { ok: false, errors };
}

/** A facts file's text for export: the valid facts only, with the schema's address for editors. */
export function exportFactsFile(facts: PatientFacts, schemaUrl?: string): string {
  const { $schema: _drop, ...rest } = facts;
  return `${JSON.stringify(schemaUrl ? { $schema: schemaUrl, ...rest } : rest, null, 2)}\n`;
}
