/**
 * Every adverse-event figure the site holds, resolved from the study entries: a figure either holds
 * its own number or points at an outcome row of its study. The harms page lists them by kind and
 * study, and lists, for each trial report, the kinds of harm it gives no figure for.
 */
import type { ReportedNumber, Study } from '../schema/study.ts';
import { ALL_ARMS, harmKind, type HarmFigure, type HarmKind } from '../schema/trial-report.ts';
import { timepointLabel } from '../format/studies.ts';

/** Plain names of the harm kinds, in the order the harms page shows them. */
export const harmKindLabel: Record<HarmKind, string> = {
  'serious-related': 'Serious adverse events related to the device or procedure',
  serious: 'Serious adverse events of any cause',
  'device-related': 'Adverse events related to the device',
  'procedure-related': 'Adverse events related to the procedure',
  any: 'Adverse events of any kind',
  fracture: 'Vertebral compression fractures',
  neurological: 'Neurological events (radiculitis, nerve injury, deficits)',
  death: 'Deaths',
  retreatment: 'Re-treatment or injections at a treated level',
  'later-surgery': 'Lumbar surgery afterwards',
  'further-intervention': 'Further lumbosacral interventions',
  other: 'Other named adverse events',
};

/** The kinds in display order. */
export const harmKinds: readonly HarmKind[] = Object.keys(harmKindLabel) as HarmKind[];

/** Every kind a trial report should account for, so the page can say which it leaves unreported. */
export const expectedHarmKinds: readonly HarmKind[] = harmKind.options.filter(
  (k) => k !== 'any' && k !== 'other',
);

/** One adverse-event figure with what a reader needs: kind, arm, follow-up, number, denominator. */
export interface ResolvedHarm {
  studyId: string;
  studyShortName: string;
  harmId: string;
  kind: HarmKind;
  label: string;
  armLabel: string;
  /** Follow-up in words, e.g. "24 months". */
  followUp: string;
  events: ReportedNumber;
  denominator?: ReportedNumber;
  /** Where the number lives: `study/harms/id`, for tests that trace each figure. */
  trace: string;
  /** True when the figure is a count of zero events ("none reported"). */
  none: boolean;
}

/** Designs whose reports should account for harms kind by kind (trials and their follow-ups). */
export const trialDesigns: readonly Study['design'][] = [
  'sham-controlled-rct',
  'open-label-rct',
  'single-arm-trial',
  'rct-follow-up',
];

function armLabelOf(study: Study, arm: string): string {
  if (arm === ALL_ARMS) return 'All treated patients';
  return study.arms.find((a) => a.id === arm)?.label ?? arm;
}

/** Resolves one figure of one study; throws naming the study when it points at a missing row. */
export function resolveHarm(studyId: string, study: Study, harm: HarmFigure): ResolvedHarm {
  const trace = `${studyId}/harms/${harm.id}`;
  if (harm.outcome) {
    const row = study.outcomes.find((o) => o.id === harm.outcome);
    if (!row)
      throw new Error(`${studyId}: harm "${harm.id}" points at missing outcome "${harm.outcome}"`);
    return {
      studyId,
      studyShortName: study.shortName,
      harmId: harm.id,
      kind: harm.kind,
      label: harm.label ?? row.label,
      armLabel: armLabelOf(study, harm.arm ?? row.arm),
      followUp: timepointLabel(row),
      events: row.result,
      ...(harm.denominator && { denominator: harm.denominator }),
      trace,
      none: row.result.value === 0,
    };
  }
  const events = harm.events!;
  return {
    studyId,
    studyShortName: study.shortName,
    harmId: harm.id,
    kind: harm.kind,
    label: harm.label!,
    armLabel: armLabelOf(study, harm.arm!),
    followUp: timepointLabel({ timepointMonths: harm.timepointMonths! }),
    events,
    ...(harm.denominator && { denominator: harm.denominator }),
    trace,
    none: events.value === 0,
  };
}

/** Every figure of every study, in study order. */
export function allHarms(studies: ReadonlyMap<string, Study>): ResolvedHarm[] {
  return [...studies].flatMap(([id, study]) => study.harms.map((h) => resolveHarm(id, study, h)));
}

/** Figures grouped by kind, in display order; kinds without any figure are left out. */
export function harmsByKind(
  harms: readonly ResolvedHarm[],
): { kind: HarmKind; harms: ResolvedHarm[] }[] {
  return harmKinds
    .map((kind) => ({ kind, harms: harms.filter((h) => h.kind === kind) }))
    .filter((group) => group.harms.length > 0);
}

/**
 * For each trial report, the kinds of harm it gives no figure for (a figure stored as not found
 * counts as unreported too), so the page can say plainly what remains unknown.
 */
export function unreportedHarms(
  studies: ReadonlyMap<string, Study>,
): { studyId: string; study: Study; kinds: HarmKind[] }[] {
  return [...studies]
    .filter(([, study]) => trialDesigns.includes(study.design))
    .map(([studyId, study]) => {
      const known = new Set(
        study.harms
          .map((h) => resolveHarm(studyId, study, h))
          .filter((h) => h.events.value !== null || h.events.range !== undefined)
          .map((h) => h.kind),
      );
      return { studyId, study, kinds: expectedHarmKinds.filter((k) => !known.has(k)) };
    });
}
