/** Formatting reported numbers: the value with its unit, SD, CI, range and p, or "unknown" when not found. */
import { decimalPlaces, type ReportedNumber } from '../schema/study.ts';

/** A number as printed on the site; every digit shown comes from the entry's data. */
export function formatReportedNumber(
  n: Pick<ReportedNumber, 'value' | 'unit' | 'sd' | 'ci95' | 'p' | 'range'>,
): string {
  const unit = n.unit === '%' ? '%' : n.unit ? ` ${unitFor(n.unit, n.value)}` : '';
  const range =
    n.range && `range ${formatNumber(n.range[0])} to ${formatNumber(n.range[1])}${unit}`;
  // A review may report only the spread across its studies: that is known, not unknown.
  if (n.value === null) return range ?? 'unknown';
  let text = `${formatNumber(n.value)}${unit}`;
  if (n.sd !== undefined) text = `${formatNumber(n.value)} ± ${formatNumber(n.sd)}${unit}`;
  if (n.ci95) text += ` (95% CI ${formatInterval(n.ci95, n.value)})`;
  if (range) text += ` (${range})`;
  if (n.p) text += `, p ${/^[<>=]/.test(n.p) ? n.p.replace(/^([<>=])\s?/, '$1 ') : `= ${n.p}`}`;
  return text;
}

/** Counted units agree with their number: "1 patient", "2 patients". */
const singular: Record<string, string> = {
  patients: 'patient',
  participants: 'participant',
  events: 'event',
};
function unitFor(unit: string, value: number | null): string {
  return value === 1 && singular[unit] ? singular[unit] : unit;
}

/**
 * A number with a true minus sign. Without `decimals`, as stored (no trailing zeros beyond what
 * the source printed); with it, at that many decimals.
 */
export function formatNumber(value: number, decimals?: number): string {
  return (decimals === undefined ? String(value) : value.toFixed(decimals)).replace('-', '−');
}

/**
 * A confidence interval "1.10 to 1.73": both ends at one precision, the finest of the ends and the
 * estimate they belong to (a stored 1.1 lost the trailing zero the source printed as 1.10).
 */
export function formatInterval(
  interval: readonly [number, number],
  estimate?: number | null,
): string {
  const decimals = Math.max(
    ...interval.map(decimalPlaces),
    estimate === null || estimate === undefined ? 0 : decimalPlaces(estimate),
  );
  return `${formatNumber(interval[0], decimals)} to ${formatNumber(interval[1], decimals)}`;
}

/** True when the number is known, or at least its range is. */
export function isReported(n: Pick<ReportedNumber, 'value' | 'range'>): boolean {
  return n.value !== null || n.range !== undefined;
}
