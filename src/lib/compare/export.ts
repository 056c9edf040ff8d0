/**
 * The criteria matrix as rows for download: one row per concept × line, with the status, the
 * rule in words, and each citation's source, locator and verification label. CSV follows RFC 4180.
 */
import { effectiveVerification, formatLocator } from '../citations/locator.ts';
import type { Citation, Verification } from '../schema/common.ts';
import { cellStatusLabel, cellText, type CriteriaMatrix } from './matrix.ts';
import { provenanceLabelText, type RuleProvenance } from './provenance.ts';

export interface MatrixExportRow {
  concept: string;
  conceptLabel: string;
  line: string;
  lineName: string;
  policy: string;
  status: string;
  statusLabel: string;
  /** Variant letter within the row (rules with the same letter behave identically). */
  variant: string;
  /** The rule in words, or why there is none. */
  rule: string;
  /** Source ids, locators and verification labels of the citations, in the same order, joined with " | ". */
  citationSource: string;
  locator: string;
  verification: string;
  /**
   * The rule against the trials' and guidelines' criteria read, computed by the engine: "Same as
   * the evidence: same as SMART (eligibility); …", or empty for a cell with no rule.
   */
  provenance: string;
}

/** The export rows; `sourceVerification` gives a source's own label, used when a citation has none. */
export function matrixExportRows(
  matrix: CriteriaMatrix,
  sourceVerification: (source: string) => Verification | undefined,
  provenanceOf: (line: string, concept: string) => RuleProvenance | undefined = () => undefined,
): MatrixExportRow[] {
  const rows: MatrixExportRow[] = [];
  for (const row of matrix.rows)
    matrix.columns.forEach((column, i) => {
      const cell = row.cells[i]!;
      const citations: Citation[] = cell.rules.length
        ? cell.rules.flatMap((r) => r.citations)
        : cell.noteCitation
          ? [cell.noteCitation]
          : [];
      rows.push({
        concept: row.concept.id,
        conceptLabel: row.concept.label,
        line: column.line.id,
        lineName: column.name,
        policy: column.line.policyId,
        status: cell.status,
        statusLabel: cellStatusLabel[cell.status],
        variant: cell.variant ?? '',
        rule: cellText(cell),
        citationSource: citations.map((c) => c.source).join(' | '),
        locator: citations.map((c) => formatLocator(c)).join(' | '),
        verification: citations
          .map((c) => effectiveVerification(c, sourceVerification(c.source) ?? 'unverified'))
          .join(' | '),
        provenance: provenanceWords(provenanceOf(column.line.id, row.concept.id)),
      });
    });
  return rows;
}

function provenanceWords(p: RuleProvenance | undefined): string {
  if (!p) return '';
  return p.label === 'no-basis'
    ? `${provenanceLabelText[p.label]}.`
    : `${provenanceLabelText[p.label]}: ${p.summary}`;
}

/** The export's columns, in order. */
export const exportColumns: (keyof MatrixExportRow)[] = [
  'concept',
  'conceptLabel',
  'line',
  'lineName',
  'policy',
  'status',
  'statusLabel',
  'variant',
  'rule',
  'citationSource',
  'locator',
  'verification',
  'provenance',
];

/**
 * RFC 4180 CSV with a header row and CRLF line ends, preceded by a UTF-8 byte-order mark so
 * that spreadsheet programs read "≥" and "–" as such rather than guessing a legacy encoding.
 */
export function toCsv(rows: readonly MatrixExportRow[]): string {
  const field = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return (
    '\uFEFF' +
    [
      exportColumns.join(','),
      ...rows.map((r) => exportColumns.map((c) => field(r[c])).join(',')),
    ].join('\r\n') +
    '\r\n'
  );
}
