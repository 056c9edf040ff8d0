/**
 * Product lines and jurisdictions: prior-authorization tables by product with the rules each
 * product's line applies, and which Medicare LCD applies where, from the LCD entries'
 * jurisdiction data (contractor, states and how they were established).
 */
import type { PolicyEntry } from '../engine/compile.ts';
import type { EvaluablePolicy } from '../engine/types.ts';
import type { Citation, Verification } from '../schema/common.ts';
import type { Policy } from '../schema/policy.ts';
import { positionPhrase } from './names.ts';
import { conceptOccurrences } from './rules.ts';

export interface ProductRow {
  row: NonNullable<Policy['priorAuthorization']>[number];
  /** The lines the row concerns, with what each applies. */
  lines: { line: EvaluablePolicy; applies: string; publicRules: number }[];
}

export interface PriorAuthorizationTable {
  policy: PolicyEntry;
  rows: ProductRow[];
}

/** Every current policy's prior-authorization table, with the rules behind each product. */
export function priorAuthorizationTables(
  entries: readonly PolicyEntry[],
  lines: readonly EvaluablePolicy[],
): PriorAuthorizationTable[] {
  return entries
    .filter((e) => e.data.status === 'current' && e.data.priorAuthorization?.length)
    .map((policy) => ({
      policy,
      rows: policy.data.priorAuthorization!.map((row) => ({
        row,
        lines: row.lines.flatMap((id) => {
          const line = lines.find((l) => l.id === id);
          if (!line) return [];
          const publicRules = new Set(conceptOccurrences(line.criteria).map((o) => o.concept)).size;
          return [{ line, applies: positionPhrase(line), publicRules }];
        }),
      })),
    }));
}

export interface LcdJurisdiction {
  policy: PolicyEntry;
  /** The LCD's evaluable line id. */
  line: string;
  contractor?: string;
  states: readonly string[];
  verification: Verification;
  note: string;
  citations: readonly Citation[];
}

/** The LCD entries with jurisdiction data, in policy-number order. */
export function lcdJurisdictions(entries: readonly PolicyEntry[]): LcdJurisdiction[] {
  return entries
    .filter((e) => e.data.status === 'current' && e.data.jurisdiction)
    .map((policy) => {
      const j = policy.data.jurisdiction!;
      return {
        policy,
        line: policy.data.lines[0]?.id ?? policy.id,
        contractor: j.contractor,
        states: j.states,
        verification: j.verification,
        note: j.note,
        citations: j.citations,
      };
    })
    .sort((x, y) =>
      (x.policy.data.policyNumber ?? x.policy.id).localeCompare(
        y.policy.data.policyNumber ?? y.policy.id,
      ),
    );
}

/** For each state some LCD is known or inferred to cover, which LCDs and how established; sorted by state. */
export function lcdsByState(
  jurisdictions: readonly LcdJurisdiction[],
): { state: string; lcds: { line: string; name: string; verification: Verification }[] }[] {
  const states = [...new Set(jurisdictions.flatMap((j) => j.states))].sort();
  return states.map((state) => ({
    state,
    lcds: jurisdictions
      .filter((j) => j.states.includes(state))
      .map((j) => ({ line: j.line, name: j.policy.data.shortName, verification: j.verification })),
  }));
}

/** Lines that apply an LCD, with how they choose it. */
export function lcdFollowers(lines: readonly EvaluablePolicy[]): EvaluablePolicy[] {
  return lines.filter((l) => l.position === 'defers-to-lcd' && l.lcd && !l.id.includes('@'));
}
