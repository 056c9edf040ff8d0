/**
 * Reading a patient facts file: the one reader behind the command line and the checker's import,
 * so both accept exactly the same files. The file must fit the schema; when it does not, at most
 * `maxProblems` lines name the field, what was expected and (briefly) what was found.
 */
import { countFactIssues, describeFactIssues } from './errors.ts';
import { contradictions } from './implications.ts';
import { parseJson, shownValue } from './json.ts';
import { PatientFacts } from './schema.ts';

/** Largest file read (a full chart is about 3 KB). */
export const maxFactsBytes = 200_000;
/** At most this many problems are listed; the rest are counted. */
export const maxProblems = 12;

/**
 * A refused file: `kind` says whether the file as a whole is wrong (`file`), its fields break
 * the schema (`schema`) or some facts contradict each other (`contradiction`).
 */
export type FactsRead =
  | { ok: true; facts: PatientFacts }
  | { ok: false; kind: 'file' | 'schema' | 'contradiction'; errors: string[] };

/** Parses and validates a facts file's text; `name` names it in messages ("chart.json", "stdin"). */
export function readFactsText(text: string, name: string): FactsRead {
  // Length in UTF-16 units is at most the UTF-8 length, so only long texts need encoding.
  const bytes = text.length > maxFactsBytes / 3 ? new TextEncoder().encode(text).length : 0;
  if (bytes > maxFactsBytes)
    return {
      ok: false,
      kind: 'file',
      errors: [
        `${name} is ${Math.round(bytes / 1000)} KB; a patient facts file is at most ${maxFactsBytes / 1000} KB.`,
      ],
    };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, kind: 'file', errors: [`${name} is ${parsed.reason}.`] };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      kind: 'file',
      errors: [
        `${name}: expected a JSON object of patient facts (see /schema/patient-facts.json), got ${shownValue(value)}.`,
      ],
    };
  const result = PatientFacts.safeParse(value);
  if (result.success) {
    // Facts that contradict each other (src/lib/facts/implications.ts): both fields of each pair named.
    const conflicts = contradictions(result.data);
    if (conflicts.length === 0) return { ok: true, facts: result.data };
    return {
      ok: false,
      kind: 'contradiction',
      errors: conflicts.slice(0, maxProblems).map((c) => `${c.paths.join(' / ')}: ${c.message}`),
    };
  }
  const issues = result.error.issues;
  const errors = describeFactIssues(issues, value, maxProblems).map(
    (p) => `${p.path}${p.label ? ` (${p.label})` : ''}: ${p.message}.`,
  );
  const total = countFactIssues(issues);
  if (total > errors.length) errors.push(`…and ${total - errors.length} more problems.`);
  return { ok: false, kind: 'schema', errors };
}
