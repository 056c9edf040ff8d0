/**
 * The checker's facts file, written for export. Reading one (import) goes through
 * `readFactsText` in src/lib/facts/read.ts, the command line's own reader, so the checker and the
 * CLI accept exactly the same files.
 */
import type { PatientFacts } from '../facts/schema.ts';

/** A facts file's text for export: the valid facts only, with the schema's address for editors. */
export function exportFactsFile(facts: PatientFacts, schemaUrl?: string): string {
  const { $schema: _drop, ...rest } = facts;
  return `${JSON.stringify(schemaUrl ? { $schema: schemaUrl, ...rest } : rest, null, 2)}\n`;
}
