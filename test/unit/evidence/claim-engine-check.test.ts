/**
 * Claims that a patient meets some criteria are checked by the engine: the patient the claimant's
 * page describes (the claim's engineCheck facts) is judged against the trials' criteria sets, and
 * the editors' verdict must agree with what the engine finds. Bad engineCheck content fails the
 * content check naming the field.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/lib/engine/evaluate.ts';
import { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { checkContent, loadContent } from '../../helpers/content.ts';

const claimId = 's000-patient-meets-trial-criteria';

describe('the engine check of seed 000’s "meets the trial criteria" claim', () => {
  it('finds the patient excluded from INTRACEPT by the Modic changes at L1-2, and SMART undecided', async () => {
    const { content, evidenceById } = await loadContent();
    const claim = content.claims.get(claimId)!;
    expect(claim.engineCheck?.against).toEqual(['smart-eligibility', 'intracept-eligibility']);
    const facts = PatientFacts.parse(claim.engineCheck!.facts);
    const [smart, intracept] = claim.engineCheck!.against.map((id) =>
      evaluatePolicy(evidenceById.get(id)!, facts),
    );
    expect(intracept!.outcome).toBe('fails');
    expect(intracept!.failed.map((f) => f.reason).join(' ')).toMatch(/L1|L2/);
    expect(smart!.outcome).toBe('needs-documentation');
    // The verdict the page shows is the one the engine supports: a failed trial criterion contradicts the claim.
    expect(claim.verdict).toBe('contradicted');
  });

  it('moving the L1-2 changes to L3-4 leaves INTRACEPT undecided rather than failed', async () => {
    const { content, evidenceById } = await loadContent();
    const facts = PatientFacts.parse(content.claims.get(claimId)!.engineCheck!.facts);
    facts.modicChanges = facts.modicChanges!.map((m) =>
      m.level === 'L1' ? { ...m, level: 'L3' } : m.level === 'L2' ? { ...m, level: 'L4' } : m,
    );
    const result = evaluatePolicy(evidenceById.get('intracept-eligibility')!, facts);
    expect(result.failed).toEqual([]);
    expect(result.outcome).toBe('needs-documentation');
  });
});

describe('engineCheck content errors', () => {
  async function withClaim(change: (claim: Record<string, unknown>) => void) {
    const { files } = await checkContent();
    const changed = files.map((f) => {
      if (f.collection !== 'claims' || f.id !== claimId) return f;
      const data = structuredClone(f.data) as Record<string, unknown>;
      change(data);
      return { ...f, data };
    });
    return validateContent(changed).errors;
  }

  it('names an unknown or unread criteria set', async () => {
    const errors = await withClaim((c) => {
      (c.engineCheck as { against: string[] }).against = [
        'smart-eligibility',
        'aspn-2022-selection',
      ];
    });
    const error = errors.find((e) => e.field === 'engineCheck.against[1]');
    expect(error?.path).toContain(claimId);
    expect(error?.message).toContain('"aspn-2022-selection" is not an encoded criteria set');
  });

  it('names a fact the catalogue does not know or a value out of range', async () => {
    const errors = await withClaim((c) => {
      (c.engineCheck as { facts: Record<string, unknown> }).facts.ageYears = -3;
    });
    expect(errors.map((e) => e.field)).toContain('engineCheck.facts.ageYears');
  });
});
