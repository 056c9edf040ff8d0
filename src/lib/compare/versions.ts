/**
 * Version diffs: what changed between two encoded versions of one policy, with the same
 * machinery as pairwise diffs. Lines are matched by their id; for lines in both versions the
 * criteria are compared rule by rule, and changes of position, non-public criteria or LCD are
 * stated.
 */
import type { PolicyEntry } from '../engine/compile.ts';
import type { EvaluablePolicy } from '../engine/types.ts';
import { positionLabel } from '../format/positions.ts';
import type { Policy } from '../schema/policy.ts';
import { lineNames } from './names.ts';
import { diffLines, type DiffOptions, type LineDiff } from './pairs.ts';

export interface VersionPair {
  older: PolicyEntry;
  newer: PolicyEntry;
}

/** Every pair of encoded versions where the newer names the older in `supersedes`. */
export function versionPairs(entries: readonly PolicyEntry[]): VersionPair[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries
    .filter((e) => e.data.supersedes && byId.has(e.data.supersedes))
    .map((newer) => ({ older: byId.get(newer.data.supersedes!)!, newer }))
    .sort((x, y) => x.newer.id.localeCompare(y.newer.id));
}

/** URL of a version diff. */
export function versionPath(pair: { older: { id: string }; newer: { id: string } }): string {
  return `/compare/versions/${pair.older.id}/${pair.newer.id}/`;
}

export interface LineChange {
  /** Line id without the version suffix. */
  line: string;
  older: EvaluablePolicy;
  newer: EvaluablePolicy;
  /** Changes outside the criteria, in sentences (position, non-public criteria, LCD, product lines). */
  changes: string[];
  diff: LineDiff;
}

export interface VersionDiff {
  pair: VersionPair;
  added: EvaluablePolicy[];
  removed: EvaluablePolicy[];
  common: LineChange[];
  /** Revision-history entries the newer version lists and the older does not. */
  newRevisions: Policy['revisions'];
  summary: string[];
}

const baseId = (line: EvaluablePolicy) => line.id.split('@')[0]!;

/** What changed from `pair.older` to `pair.newer`. */
export function diffVersions(pair: VersionPair, options: DiffOptions): VersionDiff {
  const linesOf = (entry: PolicyEntry) => options.all.filter((l) => l.policyId === entry.id);
  const older = linesOf(pair.older);
  const newer = linesOf(pair.newer);
  const names = lineNames(options.all);
  const added = newer.filter((n) => !older.some((o) => baseId(o) === baseId(n)));
  const removed = older.filter((o) => !newer.some((n) => baseId(n) === baseId(o)));
  const common: LineChange[] = older.flatMap((o) => {
    const n = newer.find((x) => baseId(x) === baseId(o));
    return n
      ? [
          {
            line: baseId(o),
            older: o,
            newer: n,
            changes: lineChanges(o, n),
            diff: diffLines(o, n, options),
          },
        ]
      : [];
  });
  const seen = new Set(pair.older.data.revisions.map((r) => `${r.version}|${r.date}`));
  const newRevisions = pair.newer.data.revisions.filter((r) => !seen.has(`${r.version}|${r.date}`));

  const label = (e: PolicyEntry) => e.data.shortName;
  const list = (lines: readonly EvaluablePolicy[]) =>
    lines.map((l) => names.get(l.id) ?? l.id).join('; ');
  const summary = [
    `From ${label(pair.older)} to ${label(pair.newer)}: ${added.length ? `${added.length} line${added.length === 1 ? '' : 's'} added (${list(added)})` : 'no line added'}; ${removed.length ? `${removed.length} removed (${list(removed)})` : 'none removed'}.`,
  ];
  const changedRules = common.filter(
    (c) => c.diff.counts.differs + c.diff.counts['only-a'] + c.diff.counts['only-b'] > 0,
  );
  const otherChanges = common.filter((c) => c.changes.length > 0);
  summary.push(
    changedRules.length === 0
      ? `The criteria of the ${common.length} line${common.length === 1 ? '' : 's'} in both versions are unchanged.`
      : `The criteria changed for ${changedRules.length} of the ${common.length} lines in both versions: ${changedRules.map((c) => c.line).join(', ')}.`,
  );
  summary.push(
    otherChanges.length === 0
      ? 'No line changed its position, non-public criteria or LCD.'
      : otherChanges.flatMap((c) => c.changes).join(' '),
  );
  if (pair.older.data.reconstructedFrom)
    summary.push(
      `The older version is reconstructed, not read: ${pair.older.data.reconstructedFrom.note}`,
    );
  return { pair, added, removed, common, newRevisions, summary };
}

/** Changes to a line outside its criteria, in sentences. */
function lineChanges(o: EvaluablePolicy, n: EvaluablePolicy): string[] {
  const out: string[] = [];
  const id = baseId(n);
  if (o.position !== n.position)
    out.push(
      `${id}: position changed from “${positionLabel[o.position]}” to “${positionLabel[n.position]}”.`,
    );
  if ((o.nonPublic?.name ?? '') !== (n.nonPublic?.name ?? ''))
    out.push(
      `${id}: non-public criteria changed from ${o.nonPublic?.name ?? 'none'} to ${n.nonPublic?.name ?? 'none'}.`,
    );
  const lcd = (l: EvaluablePolicy) =>
    l.lcd ? `${l.lcd.choose}: ${l.lcd.candidates.map((c) => c.id).join(', ')}` : 'none';
  if (lcd(o) !== lcd(n)) out.push(`${id}: LCD rule changed from ${lcd(o)} to ${lcd(n)}.`);
  if (o.productLines.join() !== n.productLines.join()) out.push(`${id}: product lines changed.`);
  if (o.completeness !== n.completeness)
    out.push(`${id}: encoding changed from ${o.completeness} to ${n.completeness}.`);
  return out;
}
