/** Words for chart labels and summaries, built from the data (so every digit comes from a content file). */
import { formatInterval, formatNumber } from '../evidence/numbers.ts';
import { verificationLabel } from '../schema/common.ts';
import type { ReportedNumber } from '../schema/study.ts';
import { timepointText, type ChartDatum } from './select.ts';

/** "−20.3 (−25.9 to −14.7)", "1.38 (1.10 to 1.73)", "−5.3": the estimate and its interval, compactly. */
export function estimateText(result: Pick<ReportedNumber, 'value' | 'unit' | 'ci95'>): string {
  if (result.value === null) return 'unknown';
  const percent = result.unit === '%' ? '%' : '';
  const ci = result.ci95 ? ` (${formatInterval(result.ci95, result.value)})` : '';
  return `${formatNumber(result.value)}${percent}${ci}`;
}

/** The value with its unit in words: "−20.5 points", "75.6%". */
export function valueWithUnit(result: Pick<ReportedNumber, 'value' | 'unit'>): string {
  if (result.value === null) return 'unknown';
  if (result.unit === '%') return `${formatNumber(result.value)}%`;
  return result.unit ? `${formatNumber(result.value)} ${result.unit}` : formatNumber(result.value);
}

/** A parenthetical naming how the number is established, empty when it was read in the primary source. */
export function provenanceNote(datum: ChartDatum): string {
  if (datum.derived) return ' (derived by the editors from the two arm means)';
  if (datum.result.verification === 'verified') return '';
  return ` (${verificationLabel[datum.result.verification].toLowerCase()})`;
}

/** "3 months" or the source's own timepoint wording. */
export { timepointText };
