/** Plain words for policy positions and product lines. */
import type { PolicyPosition, ProductLine } from '../schema/policy.ts';

export const positionLabel: Record<PolicyPosition, string> = {
  'covered-with-criteria': 'Covered with criteria',
  'not-medically-necessary': 'Not medically necessary',
  'experimental-investigational': 'Experimental or investigational',
  'not-payable': 'Not payable',
  'defers-to-lcd': 'Follows a Medicare LCD',
  'defers-to-non-public': 'Non-public criteria (with public exclusions)',
  unknown: 'Position not established',
};

export const productLineLabel: Record<ProductLine, string> = {
  commercial: 'Commercial',
  qhp: 'Qualified Health Plan',
  medicaid: 'Medicaid',
  'medicare-advantage': 'Medicare Advantage',
  'medicare-medicaid': 'Medicare–Medicaid plan',
  'medicare-ffs': 'Original Medicare',
};

/** Guideline stances in words. */
export const stanceLabel = {
  recommends: 'Recommends',
  'recommends-with-criteria': 'Recommends with criteria',
  conditional: 'Conditional',
  'insufficient-evidence': 'Insufficient evidence',
  'recommends-against': 'Recommends against',
  'not-addressed': 'Does not address BVNA',
  'predates-bvna': 'Predates BVNA',
  'rates-evidence': 'Rates the evidence only',
  'not-established': 'Position not established',
} as const;

/** Claim verdicts in words. */
export const verdictLabel = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  contradicted: 'Contradicted',
  unverifiable: 'Unverifiable',
} as const;
