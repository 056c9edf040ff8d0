import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../scripts/lib/audit.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/npm-audit/${name}`, 'utf8');

describe('reading npm audit --json', () => {
  it('reports a high finding as blocking, naming the package', () => {
    const outcome = readAudit(fixture('high-and-moderate.json'));
    expect(outcome).toMatchObject({
      kind: 'report',
      blocking: 1,
      packages: ['example-parser (high)'],
    });
  });

  it('does not block on moderate findings alone', () => {
    const report = JSON.parse(fixture('high-and-moderate.json')) as {
      metadata: { vulnerabilities: Record<string, number> };
      vulnerabilities: Record<string, { severity: string }>;
    };
    report.metadata.vulnerabilities.high = 0;
    report.vulnerabilities['example-parser']!.severity = 'moderate';
    expect(readAudit(JSON.stringify(report))).toMatchObject({
      kind: 'report',
      blocking: 0,
      packages: [],
    });
  });

  it('reads a clean report as a report with nothing blocking', () => {
    expect(readAudit(fixture('clean.json'))).toMatchObject({ kind: 'report', blocking: 0 });
  });

  it('reads the registry’s HTTP 405 as an unavailable service, never as a clean audit', () => {
    const outcome = readAudit(fixture('registry-405.json'));
    expect(outcome).toMatchObject({ kind: 'unavailable', status: 405 });
    expect(outcome.kind === 'unavailable' && outcome.reason).toContain('405 Method Not Allowed');
  });

  it('reads an older npm’s ENOAUDIT error as unavailable', () => {
    expect(readAudit(fixture('legacy-error.json'))).toMatchObject({
      kind: 'unavailable',
      status: undefined,
    });
  });

  it('calls output that is not JSON unreadable', () => {
    expect(readAudit('npm ERR! something else')).toMatchObject({ kind: 'unreadable' });
    expect(readAudit('{"auditReportVersion": 2}')).toMatchObject({ kind: 'unreadable' });
  });
});
