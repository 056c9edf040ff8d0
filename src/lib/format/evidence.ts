/**
 * Words for trials' and guidelines' criteria sets: whose criteria they are, and what the engine's
 * outcome means for them (a trial does not pay, so "covered" words never apply).
 */
import type { LineOwnerKind, Outcome } from '../engine/types.ts';

/** Whose criteria a line holds, in words. */
export const ownerKindLabel: Record<LineOwnerKind, string> = {
  'payer-line': 'Payer policy line',
  'trial-eligibility': 'Trial eligibility',
  'guideline-selection': 'Guideline selection criteria',
};

/** What each outcome means for a patient judged against a trial's or guideline's criteria (a record, so every outcome has words). */
const evidenceOutcomeWords: Record<Outcome, string> = {
  meets: 'Meets every criterion',
  fails: 'Does not meet the criteria',
  'needs-documentation': 'Needs documentation to tell',
  'needs-proprietary-review': 'Meets every criterion read; the rest could not be read',
  'depends-on-lcd': 'Not applicable',
  'not-covered': 'Not applicable',
};

/** What an outcome means for a patient judged against a trial's or guideline's criteria. */
export function evidenceOutcomeLabel(outcome: Outcome): string {
  return evidenceOutcomeWords[outcome];
}
