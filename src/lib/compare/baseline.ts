/**
 * The baseline patient: a fully documented ideal candidate under Cohere (vignette V01). The
 * comparison's example patients start from it, and the engine tests, the checker benchmark and
 * the CLI examples use it too, so it lives here rather than among the test fixtures.
 */
import raw from './baseline-patient.json' with { type: 'json' };
import { PatientFacts } from '../facts/schema.ts';

/** How the pages name the baseline. */
export const baselineName = 'vignette V01 (baseline: an ideal candidate under Cohere)';

/** Where the baseline's facts file is, for tools that take a file. */
export const baselinePath = 'src/lib/compare/baseline-patient.json';

/** A fresh copy of the baseline's facts (callers may change it). */
export function baselinePatient(): PatientFacts {
  const parsed = PatientFacts.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${baselinePath}: not valid patient facts: ${parsed.error.message}`);
  return structuredClone(parsed.data);
}
