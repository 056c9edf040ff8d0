/**
 * Words for trials' and guidelines' criteria sets: whose criteria they are, and what the engine's
 * outcome means for them (a trial does not pay, so "covered" words never apply).
 */
import type { LineOwnerKind, Outcome } from '../engine/types.ts';
import { unreachable } from '../unreachable.ts';

/** Whose criteria a line holds, in words. */
export const ownerKindLabel: Record<LineOwnerKind, string> = {
  'payer-line': 'Payer policy line',
  'trial-eligibility': 'Trial eligibility',
  'guideline-selection': 'Guideline selection criteria',
};

/** What an outcome means for a patient judged against a trial's or guideline's criteria. */
export function evidenceOutcomeLabel(outcome: Outcome): string {
  switch (outcome) {
    case 'meets':
      return 'Meets every criterion';
    case 'fails':
      return 'Does not meet the criteria';
    case 'needs-documentation':
      return 'Needs documentation to tell';
    case 'needs-proprietary-review':
      return 'Meets every criterion read; the rest could not be read';
    case 'depends-on-lcd':
    case 'not-covered':
      return 'Not applicable';
    default:
      return unreachable(outcome, 'outcome');
  }
}
