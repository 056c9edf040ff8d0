/**
 * The verification labels and their plain-language names, as the site shows them. A module of its
 * own, without zod, so that browser code (the pair island's badges) can show them without loading
 * the content schemas; common.ts builds the schema from the same list.
 */

/** The labels, from best established to looked for and not found (see `verification` in common.ts). */
export const verificationLevels = [
  'verified',
  'secondary',
  'seed-only',
  'unverified',
  'inference',
  'not-found',
] as const;

export const verificationLabel: Record<(typeof verificationLevels)[number], string> = {
  verified: 'verified',
  secondary: 'secondary source only',
  'seed-only': 'seed document only',
  unverified: 'unverified',
  inference: 'editors’ inference',
  'not-found': 'not found',
};
