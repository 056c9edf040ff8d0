/**
 * Absolute effects computed from the figures the studies report: risk differences per 100 patients
 * with Newcombe's interval, the number needed to treat, an absolute effect from a relative risk and
 * the comparator arm's risk, proportions with Wilson's interval, and the exact upper limit when no
 * event occurred. Pure arithmetic: every input comes from a study entry, every output is shown as
 * computed. Hand-worked examples are in test/unit/evidence/absolute.test.ts.
 */

/** The normal quantile for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** A value with an optional 95% interval [lower, upper], in the unit the function names. */
export interface Estimate {
  value: number;
  ci?: [number, number];
}

/** Wilson's score interval for a proportion, as fractions (0–1). */
export function wilsonInterval(events: number, total: number): [number, number] {
  if (total <= 0 || events < 0 || events > total)
    throw new Error(
      `wilsonInterval: expected 0 ≤ events ≤ total and total > 0, got ${events} of ${total}`,
    );
  const p = events / total;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half =
    (Z95 * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A proportion per 100 patients with Wilson's interval. */
export function proportionPer100(events: number, total: number): Estimate {
  const [lower, upper] = wilsonInterval(events, total);
  return { value: (100 * events) / total, ci: [100 * lower, 100 * upper] };
}

/**
 * The difference in proportions, treatment minus comparator, per 100 patients, with Newcombe's
 * hybrid score interval (his method 10), built from each arm's Wilson interval.
 */
export function riskDifferencePer100(
  treatment: { events: number; total: number },
  comparator: { events: number; total: number },
): Estimate {
  const p1 = treatment.events / treatment.total;
  const p2 = comparator.events / comparator.total;
  const [l1, u1] = wilsonInterval(treatment.events, treatment.total);
  const [l2, u2] = wilsonInterval(comparator.events, comparator.total);
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { value: 100 * d, ci: [100 * lower, 100 * upper] };
}

/** The difference of two percentages, per 100 patients, when only the percentages are known (no interval). */
export function percentageDifference(
  treatmentPercent: number,
  comparatorPercent: number,
): Estimate {
  return { value: treatmentPercent - comparatorPercent };
}

/**
 * The absolute effect of a relative risk, per 100 patients: the comparator risk (a percentage) times
 * the ratio minus one, with the interval carried through from the ratio's interval (GRADE's method
 * for a summary-of-findings table).
 */
export function absoluteFromRelativeRisk(
  comparatorPercent: number,
  ratio: number,
  ratioCi?: [number, number],
): Estimate {
  const effect = (rr: number) => comparatorPercent * (rr - 1);
  return ratioCi
    ? { value: effect(ratio), ci: [effect(ratioCi[0]), effect(ratioCi[1])] }
    : { value: effect(ratio) };
}

/** A number needed to treat: how many patients for one more to benefit (NNTB) or be harmed (NNTH). */
export interface NumberNeeded {
  /** Patients treated for one more to benefit, rounded up; undefined when there is no difference. */
  value?: number;
  /** `benefit` when the difference favours treatment, `harm` when it favours the comparator. */
  direction: 'benefit' | 'harm' | 'none';
  /**
   * The interval: both limits in the same direction as [low, high]; or, when the difference's
   * interval includes zero, the NNTB and NNTH limits with infinity between them (Altman's notation).
   */
  ci?:
    | { kind: 'same-side'; limits: [number, number] }
    | { kind: 'spans-zero'; benefit: number; harm: number };
}

/**
 * The number needed to treat from a difference per 100 in the share of patients with a good
 * outcome (positive favours treatment). Rounded up to a whole patient, as is conventional.
 */
export function numberNeededToTreat(differencePer100: Estimate): NumberNeeded {
  const toNnt = (d: number) => Math.ceil(100 / Math.abs(d));
  const d = differencePer100.value;
  const direction = d > 0 ? 'benefit' : d < 0 ? 'harm' : 'none';
  const result: NumberNeeded = { direction, ...(d !== 0 && { value: toNnt(d) }) };
  const ci = differencePer100.ci;
  if (!ci) return result;
  const [lower, upper] = ci;
  if (lower > 0 || upper < 0) {
    const limits = [toNnt(upper), toNnt(lower)].sort((a, b) => a - b) as [number, number];
    return { ...result, ci: { kind: 'same-side', limits } };
  }
  const limit = (d: number) => (d === 0 ? Number.POSITIVE_INFINITY : toNnt(d));
  return { ...result, ci: { kind: 'spans-zero', benefit: limit(upper), harm: limit(lower) } };
}

/**
 * The exact (Clopper–Pearson) upper 95% limit per 100 patients when no event occurred among
 * `total`: 1 − 0.025^(1/total). Close to the "rule of three" (3/total) for large totals.
 */
export function zeroEventUpperLimitPer100(total: number): number {
  if (!Number.isInteger(total) || total <= 0)
    throw new Error(
      `zeroEventUpperLimitPer100: expected a positive whole number of patients, got ${total}`,
    );
  return 100 * (1 - 0.025 ** (1 / total));
}

/** A computed value rounded to one decimal place, as the tables show it. */
export function roundComputed(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}
