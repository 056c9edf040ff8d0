/**
 * Reading `npm audit --json` output: findings, a clean report, or an audit service that did not
 * answer. The three must never be confused: "no findings" is only ever said when the registry
 * returned an audit report.
 */

export type AuditSeverity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export type AuditOutcome =
  | { kind: 'report'; counts: Record<AuditSeverity, number>; blocking: number; packages: string[] }
  | { kind: 'unavailable'; status?: number; reason: string }
  | { kind: 'unreadable'; reason: string };

/** Severities that fail the gate. */
export const blockingSeverities: readonly AuditSeverity[] = ['high', 'critical'];

/** Classifies the JSON that `npm audit --json` printed (whatever its exit code). */
export function readAudit(stdout: string): AuditOutcome {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return {
      kind: 'unreadable',
      reason: `npm audit printed no JSON: ${stdout.trim().slice(0, 200) || '(nothing)'}`,
    };
  }
  const metadata = report.metadata as
    { vulnerabilities?: Partial<Record<AuditSeverity, number>> } | undefined;
  if (metadata?.vulnerabilities) {
    const v = metadata.vulnerabilities;
    const counts = {
      info: v.info ?? 0,
      low: v.low ?? 0,
      moderate: v.moderate ?? 0,
      high: v.high ?? 0,
      critical: v.critical ?? 0,
    };
    const vulnerabilities = (report.vulnerabilities ?? {}) as Record<
      string,
      { severity?: AuditSeverity }
    >;
    const packages = Object.entries(vulnerabilities)
      .filter(([, entry]) => entry.severity && blockingSeverities.includes(entry.severity))
      .map(([name, entry]) => `${name} (${entry.severity})`)
      .sort();
    return { kind: 'report', counts, blocking: counts.high + counts.critical, packages };
  }
  // npm ≥ 7 prints the failed request (message, statusCode); older npm prints { error: { code, summary } }.
  const status = typeof report.statusCode === 'number' ? report.statusCode : undefined;
  const error = report.error as { code?: string; summary?: string; detail?: string } | undefined;
  const message = typeof report.message === 'string' ? report.message : undefined;
  if (status !== undefined || message || error) {
    const reason =
      message ??
      ([error?.code, error?.summary, error?.detail].filter(Boolean).join(': ') ||
        'the audit request failed');
    return { kind: 'unavailable', status, reason };
  }
  return {
    kind: 'unreadable',
    reason: 'npm audit printed JSON without an audit report or an error',
  };
}
