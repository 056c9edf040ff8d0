/**
 * Compiling trial-eligibility and guideline-selection criteria sets into evaluable lines, so the
 * engine, the comparison and the command line treat them exactly as they treat a payer's line,
 * while `owner` keeps saying whose criteria they are.
 */
import type { CriteriaSet } from '../schema/criteria-set.ts';
import type { Verification } from '../schema/common.ts';
import type { EvaluablePolicy } from './types.ts';

/** A criteria-set entry with its id (the file name). */
export interface CriteriaSetEntry {
  id: string;
  data: CriteriaSet;
}

/** How far a set's text could be read, as a clause. */
const textStatus: Record<Exclude<Verification, 'verified'>, string> = {
  secondary: 'these criteria are known only from a restatement by a third party',
  'seed-only': 'these criteria are known only from a seed document',
  unverified: 'these criteria are unverified',
  inference: 'these criteria are the editors’ reconstruction',
  'not-found': 'the criteria were not found',
};

/** Who the set applies to, as a line label. */
export function criteriaSetLabel(set: CriteriaSet): string {
  return set.owner.kind === 'trial-eligibility'
    ? 'Trial eligibility (who could enrol)'
    : 'Guideline selection criteria (who the procedure is recommended for)';
}

/** Every encoded set as an evaluable line; sets whose criteria were not read are left out. */
export function compileCriteriaSets(entries: readonly CriteriaSetEntry[]): EvaluablePolicy[] {
  return entries.flatMap(({ id, data: set }): EvaluablePolicy[] => {
    if (set.status !== 'encoded' || !set.criteria) return [];
    const caveats: string[] = [];
    if (set.verification !== 'verified')
      caveats.push(
        `${set.shortName}: ${textStatus[set.verification]}; check it before relying on this result.`,
      );
    if (set.completeness === 'partial')
      caveats.push(
        `Only part of ${set.shortName}’s criteria could be read or encoded: ${(set.gaps ?? []).join('; ')}.`,
      );
    return [
      {
        id,
        policyId: id,
        owner: set.owner,
        policyName: set.shortName,
        label: criteriaSetLabel(set),
        productLines: [],
        position: 'covered-with-criteria',
        citation: set.source,
        criteria: set.criteria,
        completeness: set.completeness,
        advisories: [],
        caveats,
        criteriaCaveats: [],
      },
    ];
  });
}
