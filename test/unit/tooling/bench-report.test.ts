import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { benchReport, replaceSection } from '../../../scripts/lib/bench-report.ts';

describe('the generated benchmark figures', () => {
  it('adds a section to an empty file, with the note that it is generated', () => {
    const doc = replaceSection('', 'bench:site', '## bench:site\n\nfigures');
    expect(doc).toMatch(/^# Benchmark figures \(generated\)/);
    expect(doc).toContain('Do not edit by hand');
    expect(doc).toContain(
      '<!-- bench:site: start -->\n## bench:site\n\nfigures\n<!-- bench:site: end -->',
    );
  });

  it('replaces only its own section and keeps the others, in a fixed order', () => {
    let doc = replaceSection('', 'bench:scale', 'scale v1');
    doc = replaceSection(doc, 'bench:engine', 'engine v1');
    doc = replaceSection(doc, 'bench:scale', 'scale v2');
    expect(doc).toContain('engine v1');
    expect(doc).toContain('scale v2');
    expect(doc).not.toContain('scale v1');
    expect(doc.indexOf('engine v1')).toBeLessThan(doc.indexOf('scale v2'));
    expect(replaceSection(doc, 'bench:scale', 'scale v2')).toBe(doc);
  });

  it('writes what the script printed, with when and on what it ran, unless told not to', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'figures.md');
    writeFileSync(file, replaceSection('', 'bench:site', 'site figures'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const report = benchReport('bench:engine', { preformatted: true });
      report.line('evaluations per second  123,456');
      report.save(false, file);
      expect(readFileSync(file, 'utf8')).not.toContain('123,456');
      report.save(true, file);
      const doc = readFileSync(file, 'utf8');
      expect(doc).toContain('## bench:engine\n\nMeasured ');
      expect(doc).toMatch(/on Node v\d+/);
      expect(doc).toContain('```text\nevaluations per second  123,456\n```');
      expect(doc).toContain('site figures');
      expect(log).toHaveBeenCalledWith('evaluations per second  123,456');
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
