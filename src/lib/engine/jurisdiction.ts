/**
 * Which BVNA LCD applies in a state, as far as the LCDs' recorded jurisdictions tell: known,
 * inferred, or unknown. An LCD whose states could not be read might apply anywhere no other list
 * claims, so for those states the answer is unknown rather than "no LCD".
 */
import type { LcdCandidate, StateJurisdiction } from './types.ts';

/** The jurisdiction status of `state` among a line's candidate LCDs. */
export function stateJurisdiction(
  state: string,
  candidates: readonly LcdCandidate[],
): StateJurisdiction {
  const listing = candidates.filter((c) => c.states.includes(state));
  const verified = listing.find((c) => c.verification === 'verified');
  if (verified) return { status: 'known', lcd: verified, possible: [] };
  if (listing[0]) return { status: 'inferred', lcd: listing[0], possible: [] };
  const possible = candidates.filter((c) => c.states.length === 0);
  if (possible.length > 0) return { status: 'unknown', possible };
  // Every candidate's states are listed and none names this state.
  const allVerified = candidates.every((c) => c.verification === 'verified');
  return { status: allVerified ? 'known' : 'inferred', possible: [] };
}

/** "lcd-l39642" → "L39642". */
export function lcdLabel(lineId: string): string {
  return lineId.replace(/^lcd-/, '').toUpperCase();
}
