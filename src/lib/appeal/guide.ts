/**
 * What an appeal letter needs besides the policy's criteria, as cited data: where each LCD's text
 * is known from, the Medicare Advantage rule on internal coverage criteria, what the New York
 * external-appeal reviewers weighed, and the appeal levels with their usual deadlines per kind of
 * plan. Every statement carries its citation and how far the research could confirm it; a
 * deadline the research could not read in its source is `unverified` and the letter says so.
 */
import type { Citation, Verification } from '../schema/common.ts';
import type { ProductLine } from '../schema/policy.ts';
import type { Source } from '../schema/source.ts';
import type { SourceSummary } from '../checker/data.ts';

/** A statement in the editors' words, with its sources and how far they were checked. */
export interface GuideStatement {
  text: string;
  citations: Citation[];
  verification: Verification;
}

/** The Medicare LCD a line's criteria stand for, and how its text is known. */
export interface LcdAuthority {
  /** The LCD's own source record and the section its criteria belong to. */
  citation: Citation;
  /** A sentence said where the LCD is named as the authority, when its text was not read. */
  knownThrough?: string;
}

/** One point an external-appeal reviewer weighed, cited to the decision. */
export interface ReviewerPoint {
  /** Lines of the payer whose denial the decision upheld (its points are listed first for them). */
  lines: string[];
  payer: string;
  text: string;
  /** What the letter or its enclosures can do about it. */
  answer: string;
  citation: Citation;
}

/** One level of appeal for a kind of plan. */
export interface AppealLevel {
  name: string;
  /** Who decides, and the usual deadline to ask, in words. */
  text: string;
  citation: Citation;
  verification: Verification;
}

export interface AppealRoute {
  productLines: ProductLine[];
  title: string;
  levels: AppealLevel[];
}

/** The LCD lines: cite the LCD itself, and say that its criteria are known only as restated. */
export const lcdAuthority: Record<string, LcdAuthority> = Object.fromEntries(
  ['l39420', 'l39642', 'l39644'].map((n) => [
    `lcd-${n}`,
    {
      citation: { source: `cms-lcd-${n}`, section: 'Coverage indications' },
      knownThrough:
        'Its text could not be read; its criteria are known through Cohere’s restatement, cited beside each.',
    },
  ]),
);

const cfr422101 = 'cfr-42-422-101';

/**
 * The Medicare Advantage argument: the plan follows the LCD where one applies (b)(3), and may use
 * its own criteria only where Medicare's are not fully established (b)(6).
 */
export const medicareAdvantageRule: GuideStatement[] = [
  {
    text: 'A Medicare Advantage plan must cover the services Original Medicare covers and follow the local coverage determinations of the Medicare contractor for the area where the care is given.',
    citations: [{ source: cfr422101, section: '(b)(3)' }],
    verification: 'secondary',
  },
  {
    text: 'It may apply coverage criteria of its own (or a vendor’s) only where Medicare’s coverage criteria are not fully established, and must then make those criteria public with the evidence behind them.',
    citations: [{ source: cfr422101, section: '(b)(6)' }],
    verification: 'secondary',
  },
];

const ny = (id: string): Citation => ({
  source: `ny-dfs-appeal-${id}`,
  section: "Reviewer's rationale",
});

/** What New York's external reviewers weighed when they upheld BVNA denials (DOSSIER §2.3). */
export const reviewerPoints: ReviewerPoint[] = [
  {
    lines: ['uhc-commercial'],
    payer: 'UnitedHealthcare of New York',
    text: 'Whether the patient falls inside the device’s FDA-labelled population: chronic low back pain and failed non-surgical care of at least 6 months each, Modic type 1 or 2 from L3 to S1, limited daily activity, other causes ruled out.',
    answer:
      'State each of these with its date and source in the chart; the criteria above carry most of them.',
    citation: ny('202303-160170'),
  },
  {
    lines: ['uhc-commercial'],
    payer: 'UnitedHealthcare of New York',
    text: 'Imaging that raised a possible infection at the treated level, an exclusion.',
    answer: 'Enclose the radiologist’s report and say plainly what it shows at each planned level.',
    citation: ny('202303-160170'),
  },
  {
    lines: ['uhc-commercial'],
    payer: 'UnitedHealthcare of New York',
    text: 'Industry funding and small numbers in the studies, even where a society guideline found level 1 evidence.',
    answer: 'Cite the independent and long-term evidence, not only the manufacturer’s trials.',
    citation: ny('202105-138267'),
  },
  {
    lines: [],
    payer: 'Cigna Healthcare of New York',
    text: 'Company-sponsored studies with methodological flaws, no long-term complication data, and other findings (stenosis, a disc protrusion) that could explain the pain.',
    answer:
      'Show how the other imaging findings were judged not to be the pain source, and cite follow-up data.',
    citation: ny('202307-165788'),
  },
  {
    lines: [],
    payer: 'Empire HealthChoice (an Anthem affiliate)',
    text: 'Heavy crossover from the sham arm after 12 months in one trial, and no sham and short follow-up in the other, behind an experimental label.',
    answer:
      'Address the experimental label with the sham-controlled primary result and the follow-up studies, and name the guidelines that recommend the procedure.',
    citation: ny('202210-154990'),
  },
];

/**
 * Studies a letter cites against an "unproven" label: the sham-controlled trial, the randomised
 * comparison with standard care, and the longest follow-up (reviewers asked for long-term data).
 * Their summaries state the weaknesses too; the letter quotes them as they are.
 */
export const experimentalEvidence = ['smart-2018', 'intracept-2021-12-month', 'smart-2020-5-year'];

/**
 * Evidence that bears on one criterion: a study statement (found in the study entry by a phrase
 * it contains, so the words and citation stay the study's own) shown beside the criteria of these
 * concepts. Only trial populations that match the criterion are listed; nothing is attached by default.
 */
export interface CriterionEvidence {
  concepts: string[];
  study: string;
  statementContains: string;
}

export const criterionEvidence: CriterionEvidence[] = [
  { concepts: ['modic-changes'], study: 'smart-2018', statementContains: 'Modic type 1 or 2' },
  {
    concepts: ['modic-changes', 'pain-duration', 'treatment-levels'],
    study: 'intracept-2021-12-month',
    statementContains: 'chronic low back pain for at least 6 months',
  },
];

const maSubpartM = 'cfr-42-422-subpart-m';
const ffsSubpartI = 'cfr-42-405-subpart-i';
const medicaidSubpartF = 'cfr-42-438-subpart-f';
const commercialRule = 'cfr-45-147-136';

/** Appeal levels per kind of plan. Deadlines run from the date on the denial notice unless said. */
export const appealRoutes: AppealRoute[] = [
  {
    productLines: ['medicare-advantage', 'medicare-medicaid'],
    title: 'Medicare Advantage',
    levels: [
      {
        name: 'Reconsideration by the plan',
        text: 'The member, or the treating physician for a service not yet given, asks the plan to reconsider, usually within 65 days of the denial notice; the notice itself must state the appeal rights.',
        citation: { source: maSubpartM, section: '422.582' },
        verification: 'unverified',
      },
      {
        name: 'Independent review entity',
        text: 'A reconsideration the plan does not decide fully in the member’s favour goes to Medicare’s independent review entity without a new request.',
        citation: { source: maSubpartM, section: '422.592' },
        verification: 'unverified',
      },
      {
        name: 'Hearing, Medicare Appeals Council, federal court',
        text: 'A hearing is asked for usually within 60 days of the independent review entity’s decision, subject to an amount in controversy; then the Council and the courts.',
        citation: { source: maSubpartM, section: '422.602' },
        verification: 'unverified',
      },
    ],
  },
  {
    productLines: ['medicare-ffs'],
    title: 'Original Medicare',
    levels: [
      {
        name: 'Redetermination by the Medicare contractor',
        text: 'Asked for usually within 120 days of the initial determination on the claim.',
        citation: { source: ffsSubpartI, section: '405.942' },
        verification: 'unverified',
      },
      {
        name: 'Reconsideration by a qualified independent contractor',
        text: 'Asked for within 180 days of receiving the redetermination.',
        citation: { source: ffsSubpartI, section: '405.962' },
        verification: 'secondary',
      },
      {
        name: 'Hearing, Medicare Appeals Council, federal court',
        text: 'A hearing is asked for usually within 60 days of the reconsideration, subject to an amount in controversy.',
        citation: { source: ffsSubpartI, section: '405.1014' },
        verification: 'unverified',
      },
    ],
  },
  {
    productLines: ['commercial', 'qhp'],
    title: 'Commercial and Qualified Health Plans',
    levels: [
      {
        name: 'Internal appeal to the plan',
        text: 'Usually within 180 days of the denial notice, for plans subject to the federal rules (not grandfathered plans).',
        citation: { source: commercialRule, section: '(b)' },
        verification: 'unverified',
      },
      {
        name: 'External review',
        text: 'By an independent reviewer through the state’s process (in New York, the Department of Financial Services) or the federal one, usually within 4 months of the final internal denial.',
        citation: { source: commercialRule, section: '(d)' },
        verification: 'unverified',
      },
    ],
  },
  {
    productLines: ['medicaid'],
    title: 'Medicaid managed care',
    levels: [
      {
        name: 'Appeal to the plan',
        text: 'Usually within 60 days of the denial notice.',
        citation: { source: medicaidSubpartF, section: '438.402' },
        verification: 'unverified',
      },
      {
        name: 'State fair hearing',
        text: 'After the plan’s appeal decision, usually within 120 days of it.',
        citation: { source: medicaidSubpartF, section: '438.408' },
        verification: 'unverified',
      },
    ],
  },
];

/** Every source the guide cites (the build serves their summaries to the letter page). */
export function guideSources(): string[] {
  const ids = new Set<string>();
  Object.values(lcdAuthority).forEach((a) => ids.add(a.citation.source));
  medicareAdvantageRule.forEach((s) => s.citations.forEach((c) => ids.add(c.source)));
  reviewerPoints.forEach((p) => ids.add(p.citation.source));
  appealRoutes.forEach((r) => r.levels.forEach((l) => ids.add(l.citation.source)));
  return [...ids].sort();
}

/** The letter page's data file: the summaries of the sources the guide cites. */
/** What the letter needs of a source: its short title, label and reference (no CSL-JSON). */
export type AppealSource = Omit<SourceSummary, 'csl'>;

export interface AppealData {
  sources: Record<string, AppealSource>;
}

/** Builds /data/appeal.json from the source records (`ama` gives a source's reference text). */
export function buildAppealData(
  sources: ReadonlyMap<string, Source>,
  ama: (id: string) => string,
): AppealData {
  const out: Record<string, AppealSource> = {};
  for (const id of guideSources()) {
    const source = sources.get(id);
    if (!source)
      throw new Error(
        `src/lib/appeal/guide.ts cites "${id}", which is not in src/content/sources.`,
      );
    out[id] = { short: source['title-short'], verification: source.verification, ama: ama(id) };
  }
  return { sources: out };
}
