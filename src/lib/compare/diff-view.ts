/**
 * A pairwise diff's body as view nodes (see view-nodes.ts): the rules in both but different, only
 * in A, only in B, and the same, each with its citations, how it differs, and the example patients
 * that show who is affected. Pair pages, version diffs and the browser pair page all render it.
 */
import type { Verification } from '../schema/common.ts';
import type { ExampleOutcome, Witness } from './examples.ts';
import { cellStatusLabel, lcdName, type MatrixCell } from './matrix.ts';
import type { LineDiff, PairStatus } from './pairs.ts';
import { ruleCitationNodes, type SourceLookup } from './citation-nodes.ts';
import { el, headRow, tableScrollNode, type ViewNode } from './view-nodes.ts';

/** The engine's outcome for an example patient under one line: the outcome, why, and the outcome per LCD when the state decides. */
export function exampleOutcomeNodes(result: ExampleOutcome): ViewNode[] {
  const branchName = (line: string) =>
    line === result.line ? 'where no LCD applies' : `under ${lcdName(line)}`;
  const nodes: ViewNode[] = [el('span', { class: `outcome ${result.outcome}` }, result.label)];
  if (result.reasons.length > 0)
    nodes.push(
      el(
        'ul',
        { class: 'outcome-reasons' },
        result.reasons.map((r) =>
          el('li', {}, r.href ? el('a', { href: r.href }, r.text) : r.text),
        ),
      ),
    );
  if (result.branches)
    nodes.push(
      el(
        'p',
        { class: 'outcome-branches' },
        'By state of care: ',
        result.branches.map(
          (b, i) => `${i > 0 ? '; ' : ''}${branchName(b.line)}: ${b.label.toLowerCase()}`,
        ),
        '.',
      ),
    );
  return nodes;
}

/** One witness of a difference: example patients (the baseline with some facts changed) and the engine's outcome under each line. */
export function exampleTableNodes(
  witness: Witness,
  nameA: string,
  nameB: string,
  /** Unique id for the sentence that names the table. */
  id: string,
): ViewNode[] {
  return [
    el('p', { class: 'witness-sentence', id }, witness.sentence),
    tableScrollNode(
      id,
      el(
        'table',
        { class: 'example-table' },
        el('caption', {}, 'Example patients and the engine’s outcome under each policy'),
        headRow('Example patient: the baseline with …', nameA, nameB),
        el(
          'tbody',
          {},
          witness.patients.map((p, i) =>
            el(
              'tr',
              { class: i === witness.witness && 'witness' },
              el(
                'th',
                { scope: 'row' },
                p.changes,
                p.differs &&
                  el(
                    'span',
                    { class: 'example-disagree' },
                    ' The two rules treat this patient differently.',
                  ),
              ),
              el('td', {}, exampleOutcomeNodes(p.a)),
              el('td', {}, exampleOutcomeNodes(p.b)),
            ),
          ),
        ),
      ),
    ),
  ];
}

/** A matrix cell's status as text (never colour alone). */
export function cellStatusNodes(status: MatrixCell['status']): ViewNode[] {
  return [el('span', { class: `cell-status ${status}` }, cellStatusLabel[status])];
}

/** One line's rules for a concept in a pairwise diff: the rules with where they are stated, or why there are none. */
export function conceptRulesNodes(
  cell: MatrixCell,
  shownVerification: Verification,
  sourceOf: SourceLookup,
): ViewNode[] {
  return [
    cell.status === 'follows-lcd' && cellStatusNodes('follows-lcd'),
    cell.note && el('p', { class: 'cell-note' }, cell.note),
    cell.rules.map((rule) =>
      el(
        'p',
        { class: 'cell-rule' },
        rule.words,
        rule.alternative && ' (one alternative among others)',
        ' ',
        ruleCitationNodes(rule.places, sourceOf, shownVerification),
      ),
    ),
    cell.rules.length === 0 &&
      cell.status !== 'follows-lcd' &&
      cell.noteCitation &&
      el(
        'p',
        { class: 'cell-note' },
        ruleCitationNodes([{ citation: cell.noteCitation }], sourceOf, shownVerification),
      ),
  ].flatMap((n) => (n ? n : []));
}

export interface LineDiffViewOptions {
  /** Prefix for ids, unique on the page. */
  idPrefix: string;
  /** Heading level of the section headings (2 on a pair page, 3 inside a version diff). */
  level?: 2 | 3;
  verificationOf: (policyId: string) => Verification;
  sourceOf: SourceLookup;
  /** Appended to section headings when several diffs share a page, so that their names stay unique. */
  headingSuffix?: string;
}

/** The body of a pairwise diff: a section per status, each concept with its rules, differences and examples. */
export function lineDiffNodes(diff: LineDiff, options: LineDiffViewOptions): ViewNode[] {
  const { idPrefix, level = 2, verificationOf, sourceOf, headingSuffix = '' } = options;
  const nameA = diff.a.name;
  const nameB = diff.b.name;
  const vA = verificationOf(diff.a.line.policyId);
  const vB = verificationOf(diff.b.line.policyId);
  const [H, Sub] = level === 2 ? (['h2', 'h3'] as const) : (['h3', 'h4'] as const);
  const sections: { status: PairStatus; title: string }[] = [
    { status: 'differs', title: 'In both, but different' },
    { status: 'only-a', title: `Only in ${nameA}` },
    { status: 'only-b', title: `Only in ${nameB}` },
  ];
  const same = diff.concepts.filter((c) => c.status === 'same');
  const wordsOf = (cell: MatrixCell) => cell.rules.map((r) => r.words).join('; ');
  const places = (cell: MatrixCell) => cell.rules.flatMap((r) => r.places);
  return [
    ...sections.map(({ status, title }) => {
      const list = diff.concepts.filter((c) => c.status === status);
      return el(
        'section',
        { 'aria-labelledby': `${idPrefix}-${status}` },
        el(H, { id: `${idPrefix}-${status}` }, `${title} (${list.length})${headingSuffix}`),
        list.length === 0 && el('p', {}, 'None.'),
        list.map((c) =>
          el(
            'article',
            {
              class: 'diff-concept',
              id: `${idPrefix}-${c.concept.id}`,
              'aria-labelledby': `${idPrefix}-${c.concept.id}-title`,
            },
            el(Sub, { id: `${idPrefix}-${c.concept.id}-title` }, c.concept.label),
            el(
              'dl',
              { class: 'diff-sides' },
              el('dt', {}, nameA),
              el('dd', {}, conceptRulesNodes(c.a, vA, sourceOf)),
              el('dt', {}, nameB),
              el('dd', {}, conceptRulesNodes(c.b, vB, sourceOf)),
            ),
            c.differences.length > 0 && [
              el('p', { class: 'diff-sub' }, 'How they differ:'),
              el(
                'ul',
                {},
                c.differences.map((d) => el('li', {}, d)),
              ),
            ],
            c.witnesses.length > 0 && el('p', { class: 'diff-sub' }, 'Who is affected:'),
            c.witnesses.flatMap((w, i) =>
              exampleTableNodes(w, nameA, nameB, `${idPrefix}-${c.concept.id}-example-${i + 1}`),
            ),
          ),
        ),
      );
    }),
    el(
      'section',
      { 'aria-labelledby': `${idPrefix}-same` },
      el(H, { id: `${idPrefix}-same` }, `The same in both (${same.length})${headingSuffix}`),
      same.length === 0
        ? el('p', {}, 'None.')
        : tableScrollNode(
            `${idPrefix}-same-caption`,
            el(
              'table',
              {},
              el(
                'caption',
                { id: `${idPrefix}-same-caption` },
                `Rules both apply identically (the same answer for every test patient)${headingSuffix}`,
              ),
              headRow('Criterion', 'Rule', nameA, nameB),
              el(
                'tbody',
                {},
                same.map((c) =>
                  el(
                    'tr',
                    { id: `${idPrefix}-${c.concept.id}` },
                    el('th', { scope: 'row' }, c.concept.label),
                    el(
                      'td',
                      {},
                      wordsOf(c.a) === wordsOf(c.b)
                        ? wordsOf(c.a)
                        : `${nameA}: ${wordsOf(c.a)}. ${nameB}: ${wordsOf(c.b)}.`,
                    ),
                    el('td', {}, ruleCitationNodes(places(c.a), sourceOf, vA)),
                    el('td', {}, ruleCitationNodes(places(c.b), sourceOf, vB)),
                  ),
                ),
              ),
            ),
          ),
    ),
  ];
}
