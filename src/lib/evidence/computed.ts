/**
 * Figures the editors' code computes from figures read in the study entries, and how the tables
 * print them: differences per 100, numbers needed to treat, proportions per 100 with Wilson's
 * interval and the exact upper limit when no event occurred. Each carries its method and the
 * traces of its inputs, so the page can mark it as computed and a test can recompute it.
 */
import {
  proportionPer100,
  roundComputed,
  zeroEventUpperLimitPer100,
  type Estimate,
  type NumberNeeded,
} from './absolute.ts';
import type { ResolvedHarm } from './harms.ts';

/** How a computed figure was obtained; the page shows the method's name beside the value. */
export type ComputedMethod =
  | 'risk-difference'
  | 'percentage-difference'
  | 'absolute-from-relative-risk'
  | 'number-needed-to-treat'
  | 'zero-event-upper-limit'
  | 'proportion';

/** A figure the editors' code computed from traced figures. */
export interface ComputedFigure {
  method: ComputedMethod;
  /** Traces of the figures it was computed from. */
  inputs: string[];
  /** The value and interval, unrounded; `text` is what the table prints. */
  estimate?: Estimate;
  nnt?: NumberNeeded;
  text: string;
}

/** A computed value per 100, rounded to one decimal, with "more" or "fewer". */
export function formatPer100(estimate: Estimate, noun: string): string {
  const word = (v: number) => (roundComputed(v) < 0 ? 'fewer' : 'more');
  const num = (v: number) => Math.abs(roundComputed(v)).toFixed(1);
  let text = `${num(estimate.value)} ${word(estimate.value)} ${noun} per 100`;
  if (estimate.ci) {
    const [lo, hi] = estimate.ci;
    text += ` (95% CI ${num(lo)} ${word(lo)} to ${num(hi)} ${word(hi)})`;
  }
  return text;
}

/** A number needed to treat as the table prints it. */
export function formatNnt(nnt: NumberNeeded): string {
  if (nnt.direction === 'none' || nnt.value === undefined) return 'no difference';
  const name = nnt.direction === 'benefit' ? 'NNT' : 'NNH';
  let text = `${name} ${nnt.value}`;
  if (nnt.ci?.kind === 'same-side') text += ` (95% CI ${nnt.ci.limits[0]} to ${nnt.ci.limits[1]})`;
  if (nnt.ci?.kind === 'spans-zero') {
    const limit = (v: number) => (Number.isFinite(v) ? String(v) : '∞');
    text += ` (95% CI NNT ${limit(nnt.ci.benefit)} to ∞ to NNH ${limit(nnt.ci.harm)})`;
  }
  return text;
}

/** The zero-event upper limit as the table prints it. */
export function formatUpperLimit(per100: number): string {
  return `upper 95% limit ${roundComputed(per100).toFixed(1)} per 100`;
}

/** A proportion per 100 with its interval, as the table prints it. */
export function formatProportion(estimate: Estimate): string {
  const num = (v: number) => roundComputed(v).toFixed(1);
  const ci = estimate.ci ? ` (95% CI ${num(estimate.ci[0])} to ${num(estimate.ci[1])})` : '';
  return `${num(estimate.value)} per 100${ci}`;
}

/**
 * A harm counted among a known number of patients, per 100: the exact upper limit when none
 * occurred, otherwise the proportion with Wilson's interval. Shares already given as a percentage,
 * or counts without a denominator, are shown as reported only.
 */
export function withPerHundred(harm: ResolvedHarm): ResolvedHarm & { perHundred?: ComputedFigure } {
  const total = harm.denominator?.value;
  const events = harm.events.value;
  if (events === null || harm.events.unit !== 'patients' || !total || !Number.isInteger(total))
    return harm;
  const inputs = [harm.trace, `${harm.trace}/denominator`];
  if (events === 0) {
    const per100 = zeroEventUpperLimitPer100(total);
    return {
      ...harm,
      perHundred: {
        method: 'zero-event-upper-limit',
        inputs,
        estimate: { value: per100 },
        text: formatUpperLimit(per100),
      },
    };
  }
  const estimate = proportionPer100(events, total);
  return {
    ...harm,
    perHundred: { method: 'proportion', inputs, estimate, text: formatProportion(estimate) },
  };
}
