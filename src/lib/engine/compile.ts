/**
 * Compiling policy entries into evaluable lines: resolve `criteriaFrom`, link LCD candidates with
 * the states they apply in, and attach the caveats every result must carry.
 */
import type { Policy } from '../schema/policy.ts';
import type { Verification } from '../schema/common.ts';
import { borrowSpec, pruneCriteria } from '../criteria/prune.ts';
import type { EvaluablePolicy, LcdCandidate } from './types.ts';

/** A policy entry with its id (the file name). */
export interface PolicyEntry {
  id: string;
  data: Policy;
}

/** Line id used for a superseded version's line: `mgb-commercial@mgb-097-2025-10`. */
export function versionedLineId(lineId: string, policyId: string): string {
  return `${lineId}@${policyId}`;
}

/**
 * Every evaluable line. Lines of current versions keep their own id; lines of superseded
 * versions are addressed as `line@policy` so versions can be compared with the same engine.
 */
export function compilePolicies(entries: readonly PolicyEntry[]): EvaluablePolicy[] {
  const current = entries.filter((e) => e.data.status === 'current');
  const lineById = new Map(
    current.flatMap((e) => e.data.lines.map((line) => [line.id, { entry: e, line }] as const)),
  );
  const compiled: EvaluablePolicy[] = [];
  for (const entry of entries) {
    const policy = entry.data;
    for (const line of policy.lines) {
      const id = policy.status === 'current' ? line.id : versionedLineId(line.id, entry.id);
      let criteria = line.criteria;
      let advisories = line.advisories ?? [];
      let criteriaCaveats = (line.caveats ?? []).map((c) => c.text);
      if (line.criteriaFrom) {
        const spec = borrowSpec(line.criteriaFrom);
        const lender = lineById.get(spec.line)?.line;
        if (!lender?.criteria)
          throw new Error(
            `${entry.id}: line ${line.id} borrows criteria from unknown line ${spec.line}`,
          );
        criteria = pruneCriteria(lender.criteria, spec.without);
        // Borrowed advisories come first, in the lender's order; the line's own follow.
        advisories = [
          ...(lender.advisories ?? []).filter((a) => !spec.without.has(a.id)),
          ...advisories,
        ];
        criteriaCaveats = [...(lender.caveats ?? []).map((c) => c.text), ...criteriaCaveats];
      }
      const candidates: LcdCandidate[] = (line.lcd?.candidates ?? []).map((candidateId) => {
        const lcd = lineById.get(candidateId);
        if (!lcd)
          throw new Error(`${entry.id}: line ${line.id} names unknown LCD line ${candidateId}`);
        const j = lcd.entry.data.jurisdiction;
        return {
          id: candidateId,
          states: j?.states ?? [],
          verification: j?.verification ?? 'not-found',
          contractor: j?.contractor,
        };
      });
      compiled.push({
        id,
        policyId: entry.id,
        owner: { kind: 'payer-line', payer: policy.payer },
        policyName: policy.shortName,
        label: line.label,
        productLines: line.productLines,
        position: line.position,
        citation: line.citation,
        criteria,
        nonPublic: line.nonPublic
          ? { name: line.nonPublic.name, citation: line.nonPublic.citation }
          : undefined,
        lcd: line.lcd
          ? { choose: line.lcd.choose, candidates, citation: line.lcd.citation }
          : undefined,
        completeness: line.completeness,
        advisories,
        caveats: caveatsFor(policy, line),
        criteriaCaveats,
      });
    }
  }
  return compiled;
}

/** How far a policy's text could be read, as a clause. */
const textStatus: Record<Exclude<Verification, 'verified'>, string> = {
  secondary: 'the policy is known only from a third party’s summary',
  'seed-only': 'the policy text is known only from a seed document',
  unverified: 'the policy text is unverified',
  inference: 'this version is the editors’ reconstruction',
  'not-found': 'the policy text was not found',
};

function caveatsFor(policy: Policy, line: Policy['lines'][number]): string[] {
  const caveats: string[] = [];
  if (policy.verification !== 'verified')
    caveats.push(
      `${policy.shortName}: ${textStatus[policy.verification]}; check it before relying on this result.`,
    );
  if (line.completeness === 'partial')
    caveats.push(
      `Only part of ${policy.shortName}’s criteria could be read: ${(line.gaps ?? []).join('; ')}.`,
    );
  if (policy.status !== 'current')
    caveats.push(`${policy.shortName} version ${policy.version} is superseded.`);
  return caveats;
}
