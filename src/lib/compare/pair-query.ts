/**
 * What the browser pair page (/compare/pair/?a=…&b=…) fetches and how it reads its query: one file
 * per current line (/data/lines/<id>.json: the compiled line, its name, what the page says of it
 * and the sources it cites) and one index (/data/lines.json: every line's id and name, for the
 * form and for checking ids). A diff of A and B needs A, B and the LCD lines they apply, which are
 * line files too, so no file holds another line's data. Kept apart from pair-files.ts (which runs
 * the diff) so that the page's own script stays small.
 */
import type { EvaluablePolicy } from '../engine/types.ts';
import type { PairLineInfo } from './pair-view.ts';
import type { SourceLookup, SourceSummary } from './citation-nodes.ts';

/** URL of the index of lines. */
export const lineIndexUrl = '/data/lines.json';
/** URL of one line's file. */
export function lineFileUrl(id: string): string {
  return `/data/lines/${encodeURIComponent(id)}.json`;
}

/** /data/lines/<id>.json: what the pair page needs of one line. */
export interface LineFile {
  line: EvaluablePolicy;
  /** The line's name in tables and sentences (lineNames over every line). */
  name: string;
  info: PairLineInfo;
  /** Every source the line cites, by id. */
  sources: Record<string, SourceSummary>;
}

/** /data/lines.json: every current line, for the pair form and to check the ids asked for. */
export interface LineIndex {
  /** By payer name, then line name. */
  lines: {
    id: string;
    name: string;
    /** The payer that issued the line's policy. */
    payer: string;
  }[];
}

/**
 * The lines whose name or payer contains `text` (any case, surrounding spaces ignored), plus the
 * lines in `keep` (those already chosen, so narrowing the list never drops a choice).
 */
export function matchingLines(
  index: LineIndex,
  text: string,
  keep: readonly string[] = [],
): LineIndex {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return index;
  return {
    lines: index.lines.filter(
      (line) =>
        keep.includes(line.id) ||
        line.name.toLowerCase().includes(wanted) ||
        line.payer.toLowerCase().includes(wanted),
    ),
  };
}

/**
 * The lines grouped by payer, in the index's order: the pair form lists them under one heading
 * per payer, so a catalogue of thousands of lines is read payer by payer.
 */
export function linesByPayer(index: LineIndex): { payer: string; lines: LineIndex['lines'] }[] {
  const groups = new Map<string, LineIndex['lines']>();
  for (const line of index.lines) {
    const group = groups.get(line.payer);
    if (group) group.push(line);
    else groups.set(line.payer, [line]);
  }
  return [...groups].map(([payer, lines]) => ({ payer, lines }));
}

/** The ids of the sources cited anywhere in a compiled line. */
export function citedSources(line: EvaluablePolicy): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (/citation/i.test(key) && typeof record.source === 'string') found.add(record.source);
      for (const [k, v] of Object.entries(record)) walk(v, k);
    }
  };
  walk(line, '');
  return [...found].sort();
}

/** A line's file. Throws naming the line when it cites a source that does not exist. */
export function lineFile(
  line: EvaluablePolicy,
  name: string,
  info: PairLineInfo,
  sourceOf: SourceLookup,
): LineFile {
  const sources: Record<string, SourceSummary> = {};
  for (const id of citedSources(line)) {
    const source = sourceOf(id);
    if (!source) throw new Error(`line ${line.id}: cites unknown source "${id}"`);
    sources[id] = source;
  }
  return { line, name, info, sources };
}

/** The LCD lines a line applies (their files must be loaded with it). */
export function appliedLines(line: EvaluablePolicy): string[] {
  return line.lcd ? line.lcd.candidates.map((c) => c.id) : [];
}

/**
 * The files of lines A and B and of every line they apply, directly or through an applied line
 * (the lines the diff reads, as diffInputs finds them at build time), loaded with `load`.
 */
export async function loadPairFiles(
  a: string,
  b: string,
  load: (id: string) => Promise<LineFile>,
): Promise<{ a: LineFile; b: LineFile; applied: LineFile[] }> {
  const files = new Map<string, LineFile>();
  let wanted = [...new Set([a, b])];
  while (wanted.length > 0) {
    const loaded = await Promise.all(wanted.map(load));
    for (const file of loaded) files.set(file.line.id, file);
    wanted = [...new Set(loaded.flatMap((f) => appliedLines(f.line)))].filter(
      (id) => !files.has(id),
    );
  }
  return {
    a: files.get(a)!,
    b: files.get(b)!,
    applied: [...files.values()].filter((f) => f.line.id !== a && f.line.id !== b),
  };
}

/** A problem with the query, in words for the page. */
export interface PairQueryProblem {
  /** Which parameter: `a`, `b` or both. */
  field: 'a' | 'b' | 'pair';
  message: string;
}

export type PairQuery =
  | { ok: true; a: string; b: string }
  | { ok: false; a: string; b: string; problems: PairQueryProblem[] };

/**
 * Reads `?a=…&b=…` against the known lines. A missing id is not a problem to report: the page
 * shows the form with the other line chosen (`ok` false, no problems). An id that is not a
 * current line, or the same line twice, is.
 */
export function readPairQuery(search: string, index: LineIndex): PairQuery {
  const params = new URLSearchParams(search);
  const a = (params.get('a') ?? '').trim();
  const b = (params.get('b') ?? '').trim();
  const known = new Set(index.lines.map((l) => l.id));
  const problems: PairQueryProblem[] = [];
  for (const [field, id, which] of [
    ['a', a, 'first'],
    ['b', b, 'second'],
  ] as const)
    if (id !== '' && !known.has(id))
      problems.push({
        field,
        message: `There is no current policy line “${id}” (the ${which} line, ${field}=${id}).`,
      });
  if (problems.length === 0 && a !== '' && a === b)
    problems.push({
      field: 'pair',
      message: `Both lines are “${a}”: choose two different policy lines.`,
    });
  return problems.length === 0 && a !== '' && b !== ''
    ? { ok: true, a, b }
    : { ok: false, a, b, problems };
}
