/**
 * The appeal packet as plain text (for a letter or a portal's text box) and as Markdown (for an
 * email, a ticket or a document editor), from the one packet model (packet.ts). Free text arrives
 * on one line; Markdown escapes what it would otherwise read as markup. Loaded by the packet page
 * only when it copies.
 */
import { verdictLabel, type Packet, type PacketCitation } from './packet.ts';

const citeText = (c: PacketCitation) =>
  `[${c.n}${c.locator ? `, ${c.locator}` : ''}]${c.inherited ? ' (rule cited as a whole)' : ''}`;

/** The packet as plain text, for pasting into a letter or a portal's text box. */
export function packetText(p: Packet, origin = ''): string {
  const out: string[] = [];
  const rule = (s: string) => out.push(s, '='.repeat(Math.min(s.length, 72)));
  rule(p.title.toUpperCase());
  out.push(`Policy: ${p.policyVersion}.`);
  out.push(`Determination under the public criteria: ${p.outcomeLabel}. ${p.summary}`);
  p.notes.forEach((n) => out.push(`Not read from the facts given: ${n}`));
  if (p.appliedName) out.push(`Criteria applied: ${p.appliedName}.`);
  out.push(`Position of the policy: ${citeText(p.positionCitation)}`);
  if (p.nonPublic)
    out.push(`Non-public criteria: ${p.nonPublic.name} ${citeText(p.nonPublic.citation)}`);
  p.branches.forEach((b) => out.push(`  If ${b.policy} applies: ${b.outcome}`));
  p.settle.forEach((s) => out.push(`  To settle it: ${s}`));
  p.advisories.forEach((a) => out.push(`${a.text} ${citeText(a.citation)}`));
  p.caveats.forEach((c) => out.push(`Caution: ${c}`));
  out.push('', 'DOCUMENTED FACTS');
  for (const g of p.facts) {
    out.push(`${g.group}:`);
    g.items.forEach((f) => out.push(`  - ${f.label}: ${f.value}`));
  }
  if (p.facts.length === 0) out.push('  (none documented)');
  out.push('', 'CRITERIA');
  for (const r of p.rows) {
    const pad = '  '.repeat(r.depth);
    out.push(
      `${pad}- [${verdictLabel[r.verdict]}] ${r.label}${r.citation ? ` ${citeText(r.citation)}` : ''}`,
    );
    if (r.rule && r.rule !== r.label) out.push(`${pad}    Rule applied: ${r.rule}`);
    r.facts.forEach((f) => out.push(`${pad}    Fact: ${f}`));
    if (r.evidence)
      out.push(
        `${pad}    Evidence: ${r.evidence.text} ${r.evidence.citations.map(citeText).join(' ')}`,
      );
    out.push(`${pad}    ${origin}${r.href}`);
  }
  if (p.missing.length > 0) {
    out.push('', 'DOCUMENTATION TO ADD');
    p.missing.forEach((m) => out.push(`- ${m}`));
  }
  out.push('', 'EVIDENCE AND GUIDELINES');
  for (const e of p.evidence) {
    out.push(`${e.title} (${e.kind}). ${e.detail}`);
    e.statements.forEach((s) => out.push(`  - ${s.text} ${s.citations.map(citeText).join(' ')}`));
  }
  out.push('', 'REFERENCES');
  p.references.forEach((r) => out.push(`${r.n}. ${r.text}`));
  return `${out.join('\n')}\n`;
}

/** Markdown special characters escaped, so facts and labels read as text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}

const citeMd = (c: PacketCitation) => escapeMarkdown(citeText(c));

/** The packet as Markdown (for an email, a ticket or a document editor). */
export function packetMarkdown(p: Packet, origin = ''): string {
  const e = escapeMarkdown;
  const out: string[] = [
    `# ${e(p.title)}`,
    '',
    `Policy: ${e(p.policyVersion)}.`,
    '',
    `**Determination under the public criteria: ${e(p.outcomeLabel)}.** ${e(p.summary)}`,
    '',
  ];
  p.notes.forEach((n) => out.push(`> Not read from the facts given: ${e(n)}`, ''));
  if (p.appliedName) out.push(`Criteria applied: ${e(p.appliedName)}.`, '');
  out.push(`Position of the policy: ${citeMd(p.positionCitation)}`, '');
  if (p.nonPublic)
    out.push(`Non-public criteria: ${e(p.nonPublic.name)} ${citeMd(p.nonPublic.citation)}`, '');
  p.branches.forEach((b) => out.push(`- If ${e(b.policy)} applies: ${e(b.outcome)}`));
  p.settle.forEach((s) => out.push(`- To settle it: ${e(s)}`));
  p.advisories.forEach((a) => out.push(`> ${e(a.text)} ${citeMd(a.citation)}`, ''));
  p.caveats.forEach((c) => out.push(`> Caution: ${e(c)}`, ''));
  out.push('## Documented facts', '');
  for (const g of p.facts) {
    out.push(`**${e(g.group)}**`, '');
    g.items.forEach((f) => out.push(`- ${e(f.label)}: ${e(f.value)}`));
    out.push('');
  }
  out.push('## Criteria', '');
  for (const r of p.rows) {
    const pad = '  '.repeat(r.depth);
    out.push(
      `${pad}- **${e(verdictLabel[r.verdict])}**: [${e(r.label)}](${origin}${r.href})${r.citation ? ` ${citeMd(r.citation)}` : ''}`,
    );
    if (r.rule && r.rule !== r.label) out.push(`${pad}  Rule applied: ${e(r.rule)}`);
    r.facts.forEach((f) => out.push(`${pad}  Fact: ${e(f)}`));
    if (r.evidence)
      out.push(
        `${pad}  Evidence: ${e(r.evidence.text)} ${r.evidence.citations.map(citeMd).join(' ')}`,
      );
  }
  if (p.missing.length > 0) {
    out.push('', '## Documentation to add', '');
    p.missing.forEach((m) => out.push(`- [ ] ${e(m)}`));
  }
  out.push('', '## Evidence and guidelines', '');
  for (const ev of p.evidence) {
    out.push(`**${e(ev.title)}** (${ev.kind}). ${e(ev.detail)}`, '');
    ev.statements.forEach((s) => out.push(`- ${e(s.text)} ${s.citations.map(citeMd).join(' ')}`));
    out.push('');
  }
  out.push('## References', '');
  p.references.forEach((r) => out.push(`${r.n}. ${e(r.text)}`));
  return `${out.join('\n')}\n`;
}
