/**
 * The editors' own appraisal of a study's risk of bias: the Cochrane RoB 2 domains for a randomised
 * comparison, and a simpler five-item appraisal for single-arm studies and follow-ups of treated
 * patients. Every judgement carries its reason and the citations the reason rests on; the site
 * labels all of it as the editors' appraisal, not as a finding of the sources.
 */
import { z } from 'astro/zod';
import { citation, entryId, isoDate } from './common.ts';

/**
 * A judgement, from least to most concern: `low`, `some-concerns`, `high`; `no-information` when
 * what was read says nothing either way (it counts as some concerns when the overall is checked).
 */
export const biasJudgement = z.enum(['low', 'some-concerns', 'high', 'no-information']);
export type BiasJudgement = z.infer<typeof biasJudgement>;

/** How much concern a judgement expresses, for ordering: no information weighs as some concerns. */
export const concernLevel: Record<BiasJudgement, number> = {
  low: 0,
  'some-concerns': 1,
  'no-information': 1,
  high: 2,
};

/** One domain's judgement with its reason (the editors' words) and what it rests on. */
export const domainJudgement = z
  .object({
    /** The editors' judgement for this domain. */
    judgement: biasJudgement,
    /** Why, in a sentence or two of the editors' own words. */
    reason: z.string().min(1),
    /** The sources the reason rests on; at least one. */
    citations: z.array(citation).min(1, 'a judgement needs at least one citation'),
  })
  .strict();
export type DomainJudgement = z.infer<typeof domainJudgement>;

/** The five RoB 2 domains, in the tool's order. */
export const rob2Domains = z
  .object({
    /** Domain 1: bias arising from the randomisation process. */
    randomisation: domainJudgement,
    /** Domain 2: bias due to deviations from the intended interventions (effect of assignment). */
    deviations: domainJudgement,
    /** Domain 3: bias due to missing outcome data. */
    missingData: domainJudgement,
    /** Domain 4: bias in measurement of the outcome. */
    measurement: domainJudgement,
    /** Domain 5: bias in selection of the reported result. */
    reporting: domainJudgement,
  })
  .strict();

/** The five items of the single-arm appraisal. */
export const singleArmItems = z
  .object({
    /** Who was treated: consecutive or all eligible patients, or a selected group. */
    selection: domainJudgement,
    /** How many treated patients were followed to the timepoint reported. */
    followUp: domainJudgement,
    /** How the outcome was measured: patient-reported, unblinded, validated scale. */
    measurement: domainJudgement,
    /** Whether the analysis and report cover all treated patients and the outcomes planned. */
    reporting: domainJudgement,
    /** Funding and the authors' ties to the maker, as far as they were read. */
    sponsorship: domainJudgement,
  })
  .strict();

const common = {
  /** The result appraised, e.g. "Change in ODI at 3 months, ablation against sham". */
  result: z.string().min(1),
  /** Outcome rows of this study that the appraisal covers. */
  outcomes: z.array(entryId).min(1),
  /** The overall judgement; it may not be lower than the most concerning domain. */
  overall: domainJudgement,
  /** Date the editors made the appraisal. */
  date: isoDate,
};

/** A RoB 2 appraisal of one randomised comparison. */
export const rob2Appraisal = z
  .object({ tool: z.literal('rob2'), domains: rob2Domains, ...common })
  .strict();

/** The single-arm appraisal of a study or follow-up without a comparator. */
export const singleArmAppraisal = z
  .object({ tool: z.literal('single-arm'), items: singleArmItems, ...common })
  .strict();

/** An appraisal, told apart by its tool. */
export const appraisal = z
  .discriminatedUnion('tool', [rob2Appraisal, singleArmAppraisal])
  .superRefine((a, ctx) => {
    const parts = Object.values(a.tool === 'rob2' ? a.domains : a.items);
    const worst = Math.max(...parts.map((p) => concernLevel[p.judgement]));
    if (concernLevel[a.overall.judgement] < worst)
      ctx.addIssue({
        code: 'custom',
        path: ['overall', 'judgement'],
        message: `the overall judgement "${a.overall.judgement}" is lower than the most concerning ${a.tool === 'rob2' ? 'domain' : 'item'}: an overall judgement is at least as severe as its worst part`,
      });
  });
export type Appraisal = z.infer<typeof appraisal>;
export type Rob2Appraisal = z.infer<typeof rob2Appraisal>;
export type SingleArmAppraisal = z.infer<typeof singleArmAppraisal>;
