/** Formatting reported numbers: the value with its unit, SD, CI, range and p, or "unknown" when not found. */
import type { ReportedNumber } from '../schema/study.ts';

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
  if (n.ci95) text += ` (95% CI ${formatNumber(n.ci95[0])} to ${formatNumber(n.ci95[1])})`;
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

/** A number with a true minus sign and no trailing zeros beyond what the source printed. */
export function formatNumber(value: number): string {
  return String(value).replace('-', '−');
}

/** True when the number is known, or at least its range is. */
export function isReported(n: Pick<ReportedNumber, 'value' | 'range'>): boolean {
  return n.value !== null || n.range !== undefined;
}
