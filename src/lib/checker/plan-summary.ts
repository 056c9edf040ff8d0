/**
 * What the checker says when the catalogue is too large to show whole (src/lib/checker/member.ts):
 * how many lines there are, how many apply, and how to narrow them. Loaded only then.
 */
import type { ResultPlan } from './member.ts';

/** Says how many lines are not shown and how to see them, for a catalogue above the limit. */
export function planSummary(plan: ResultPlan, total: number): string {
  if (!plan.member)
    return `BVN Atlas holds ${total} policy lines, too many to list at once. Enter the member’s health plan or coverage type above to see the lines that apply.`;
  if (plan.main.length === 0)
    return `${plan.member.length} of the ${total} policy lines apply to the plan facts entered, too many to list at once. Enter the health plan, and for Original Medicare the state of care, to narrow them.`;
  return `The other ${plan.notShown} of the ${total} policy lines are for other plans or coverage and are not shown; change the plan facts above to see them.`;
}
