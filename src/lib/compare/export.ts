/**
 * The criteria matrix for download. Long: one row per concept × line, with the status, the rule
 * in words, and each citation's source, locator and verification label. Wide: one row per
 * concept, one column per line, each cell holding the same status, rule and citations as one
 * text. CSV follows RFC 4180.
 */
import { effectiveVerification, formatLocator } from '../citations/locator.ts';
import type { Citation, Verification } from '../schema/common.ts';
import { cellStatusLabel, cellText, type CriteriaMatrix, type MatrixCell } from './matrix.ts';
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

/** A source's own verification label, used when a citation carries none. */
type SourceVerification = (source: string) => Verification | undefined;

/** A cell's citations as exported: source id, locator and effective verification label. */
function cellCitations(cell: MatrixCell, sourceVerification: SourceVerification) {
  const citations: Citation[] = cell.rules.length
    ? cell.rules.flatMap((r) => r.citations)
    : cell.noteCitation
      ? [cell.noteCitation]
      : [];
  return citations.map((c) => ({
    source: c.source,
    locator: formatLocator(c),
    verification: effectiveVerification(c, sourceVerification(c.source) ?? 'unverified'),
  }));
}

/** The long export rows. */
export function matrixExportRows(
  matrix: CriteriaMatrix,
  sourceVerification: SourceVerification,
  provenanceOf: (line: string, concept: string) => RuleProvenance | undefined = () => undefined,
): MatrixExportRow[] {
  const rows: MatrixExportRow[] = [];
  for (const row of matrix.rows)
    matrix.columns.forEach((column, i) => {
      const cell = row.cells[i]!;
      const cites = cellCitations(cell, sourceVerification);
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
        citationSource: cites.map((c) => c.source).join(' | '),
        locator: cites.map((c) => c.locator).join(' | '),
        verification: cites.map((c) => c.verification).join(' | '),
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

/** The long export's columns, in order. */
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
function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The long export as CSV: one row per concept × line. */
export function toCsv(rows: readonly MatrixExportRow[]): string {
  return csv(
    exportColumns,
    rows.map((r) => exportColumns.map((c) => r[c])),
  );
}

/** One wide cell: "Differs B: Excludes … [mgb-097 Exclusions, item 8 (seed-only)]". */
export function wideCellText(cell: MatrixCell, sourceVerification: SourceVerification): string {
  const status = `${cellStatusLabel[cell.status]}${cell.variant ? ` ${cell.variant}` : ''}`;
  const text = cellText(cell);
  const cites = cellCitations(cell, sourceVerification)
    .map((c) => `${c.source} ${c.locator} (${c.verification})`)
    .join('; ');
  return `${status}${text ? `: ${text}` : ''}${cites ? ` [${cites}]` : ''}`;
}

/**
 * The wide export as CSV: one row per concept, one column per line (headed "name [line id]"),
 * each cell its status, rule and citations; what /compare/ shows, in a spreadsheet's shape.
 */
export function toWideCsv(matrix: CriteriaMatrix, sourceVerification: SourceVerification): string {
  return csv(
    ['concept', 'conceptLabel', ...matrix.columns.map((c) => `${c.name} [${c.line.id}]`)],
    matrix.rows.map((row) => [
      row.concept.id,
      row.concept.label,
      ...row.cells.map((cell) => wideCellText(cell, sourceVerification)),
    ]),
  );
}
