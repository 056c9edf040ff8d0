/**
 * The content of a payer pair page as view nodes: its title, summary, the two lines' positions,
 * the baseline patient and the rule-by-rule diff. The pre-rendered /compare/<a>/<b>/ pages and the
 * browser pair page /compare/pair/ both render this one description, so they say the same thing.
 */
import type { EvaluablePolicy } from '../engine/types.ts';
import { positionLabel, productLineLabel } from '../format/positions.ts';
import type { Verification } from '../schema/common.ts';
import { exampleOutcomeNodes, lineDiffNodes } from './diff-view.ts';
import { lcdName } from './matrix.ts';
import type { LineDiff } from './pairs.ts';
import { badgeNodes, citeNodes, type SourceLookup } from './citation-nodes.ts';
import { el, headRow, tableScrollNode, type ViewNode } from './view-nodes.ts';

/** What the page says of each line beyond its compiled rules (from its policy file). */
export interface PairLineInfo {
  /** The line's one-sentence summary in its policy file. */
  summary?: string;
  /** The verification label of the line's policy text. */
  verification: Verification;
}

export interface PairPageView {
  /** The page's title and heading: "A and B compared". */
  title: string;
  /** The first summary sentence, for the page's description. */
  description: string;
  /** Everything under the heading. */
  body: ViewNode[];
}

/** Positions that pay for no one, whose rules are therefore not compared one by one. */
const paysForNoOne: readonly EvaluablePolicy['position'][] = [
  'not-medically-necessary',
  'experimental-investigational',
  'not-payable',
];

/** The content of the pair page of `diff`'s two lines. */
export function pairPageView(
  diff: LineDiff,
  info: { a: PairLineInfo; b: PairLineInfo },
  sourceOf: SourceLookup,
): PairPageView {
  const a = diff.a.line;
  const b = diff.b.line;
  const nameA = diff.a.name;
  const nameB = diff.b.name;
  const lines = [
    { line: a, name: nameA, info: info.a },
    { line: b, name: nameB, info: info.b },
  ];
  const verificationOf = (policyId: string) =>
    policyId === a.policyId ? info.a.verification : info.b.verification;
  const row = (label: string, cell: (l: (typeof lines)[number]) => ViewNode[]) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, label),
      lines.map((l) => el('td', {}, cell(l))),
    );
  const jump = [
    { id: 'differs', label: `Different (${diff.counts.differs})` },
    { id: 'only-a', label: `Only in ${nameA} (${diff.counts['only-a']})` },
    { id: 'only-b', label: `Only in ${nameB} (${diff.counts['only-b']})` },
    { id: 'same', label: `The same (${diff.counts.same})` },
  ];

  const positions = tableScrollNode(
    'positions-caption',
    el(
      'table',
      {},
      el('caption', { id: 'positions-caption' }, 'The two policy lines'),
      headRow(
        '\u00a0',
        ...lines.map((l) =>
          el('a', { href: `/policies/${l.line.policyId}/#line-${l.line.id}` }, l.name),
        ),
      ),
      el(
        'tbody',
        {},
        row('Members', ({ line }) => [
          `${line.label} (${line.productLines.map((p) => productLineLabel[p]).join(', ')})`,
        ]),
        row('Position', ({ line, info }) => [
          `${positionLabel[line.position]}. ${info.summary ?? ''} `,
          ...citeNodes(line.citation, sourceOf),
        ]),
        row('Non-public criteria', ({ line }) =>
          line.nonPublic
            ? [`${line.nonPublic.name} `, ...citeNodes(line.nonPublic.citation, sourceOf)]
            : ['None'],
        ),
        row('Medicare LCD', ({ line }) =>
          line.lcd
            ? [
                `${line.lcd.choose === 'named' ? 'Applies' : 'By state of care, one of'} ${line.lcd.candidates.map((c) => lcdName(c.id)).join(', ')} (`,
                el('a', { href: '/compare/product-lines/#lcd-states' }, 'which applies where'),
                ') ',
                ...citeNodes(line.lcd.citation, sourceOf),
              ]
            : ['None'],
        ),
        row('Encoding', ({ line }) => [
          line.completeness === 'partial'
            ? 'Partly readable: the engine never answers “meets”.'
            : 'Complete as far as the text goes.',
        ]),
        row('Policy text', ({ info }) => badgeNodes(info.verification, true)),
      ),
    ),
  );

  const baseline = el(
    'section',
    { 'aria-labelledby': 'baseline' },
    el('h2', { id: 'baseline' }, 'The example patients'),
    el(
      'p',
      {},
      `Every example starts from ${diff.baseline.name}`,
      diff.baseline.added.length > 0 &&
        `, with what it leaves undocumented but these policies ask about filled in so that their other rules pass: ${diff.baseline.added.join('; ')}`,
      '. Each example changes only the facts it names; the outcomes are the eligibility engine’s.',
    ),
    tableScrollNode(
      'baseline-caption',
      el(
        'table',
        {},
        el('caption', { id: 'baseline-caption' }, 'The baseline patient under each policy'),
        headRow('Patient', nameA, nameB),
        el(
          'tbody',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, 'The baseline'),
            el('td', {}, exampleOutcomeNodes(diff.baseline.a)),
            el('td', {}, exampleOutcomeNodes(diff.baseline.b)),
          ),
        ),
      ),
    ),
  );

  const rules: ViewNode[] =
    diff.kind === 'criteria'
      ? [
          el(
            'nav',
            { 'aria-label': 'Sections of this comparison', class: 'no-print' },
            el(
              'ul',
              { class: 'pair-jump' },
              jump.map((j) => el('li', {}, el('a', { href: `#pair-${j.id}` }, j.label))),
            ),
          ),
          ...lineDiffNodes(diff, { idPrefix: 'pair', verificationOf, sourceOf }),
        ]
      : [
          el(
            'p',
            {},
            `The rules are not compared one by one: ${lines
              .filter((l) => paysForNoOne.includes(l.line.position))
              .map((l) => l.name)
              .join(
                ' and ',
              )} pays for no one, so none of the other policy’s rules changes the outcome. Open the `,
            el('a', { href: `/policies/${a.policyId}/#line-${a.id}` }, nameA),
            ' and ',
            el('a', { href: `/policies/${b.policyId}/#line-${b.id}` }, nameB),
            ' rules on their policy pages.',
          ),
        ];

  return {
    title: `${nameA} and ${nameB} compared`,
    description: diff.summary[0]!,
    body: [
      el(
        'ul',
        { class: 'summary' },
        diff.summary.map((s) => el('li', {}, s)),
      ),
      positions,
      baseline,
      ...rules,
    ],
  };
}
