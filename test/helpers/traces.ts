/**
 * Resolving the `data-trace` marks of the summary-of-findings and harms pages back to the content
 * files, independently of the code that built the pages: a study path gives the text the entry
 * holds; a computed mark is recomputed from its inputs with the (separately tested) arithmetic.
 * A trace that names no entry throws, so an untraceable figure fails the test that meets it.
 */
import type { ValidContent } from '../../src/lib/content/validate.ts';
import {
  absoluteFromRelativeRisk,
  numberNeededToTreat,
  percentageDifference,
  proportionPer100,
  riskDifferencePer100,
  zeroEventUpperLimitPer100,
} from '../../src/lib/evidence/absolute.ts';
import {
  formatNnt,
  formatPer100,
  formatProportion,
  formatUpperLimit,
} from '../../src/lib/evidence/computed.ts';
import { formatReportedNumber } from '../../src/lib/evidence/numbers.ts';
import { lowerFirst } from '../../src/lib/format/appraisal.ts';
import { timepointLabel } from '../../src/lib/format/studies.ts';
import type { ReportedNumber, Study } from '../../src/lib/schema/study.ts';

const shown = (n: ReportedNumber) =>
  n.value === null && n.range === undefined ? 'unknown' : formatReportedNumber(n);

function study(content: ValidContent, id: string): Study {
  const found = content.studies.get(id);
  if (!found) throw new Error(`trace names no study "${id}"`);
  return found;
}

function outcomeOf(s: Study, id: string, trace: string) {
  const found = s.outcomes.find((o) => o.id === id);
  if (!found) throw new Error(`trace ${trace}: no outcome "${id}"`);
  return found;
}

function harmOf(s: Study, id: string, trace: string) {
  const harm = s.harms.find((h) => h.id === id);
  if (!harm) throw new Error(`trace ${trace}: no harm figure "${id}"`);
  const row = harm.outcome ? outcomeOf(s, harm.outcome, trace) : undefined;
  return {
    events: harm.events ?? row!.result,
    denominator: harm.denominator,
    timepoint: row
      ? timepointLabel(row)
      : timepointLabel({ timepointMonths: harm.timepointMonths! }),
    label: harm.label ?? row!.label,
  };
}

/** The number a study path holds (for computed inputs). */
export function numberAt(content: ValidContent, trace: string): ReportedNumber {
  const [id, kind, part, field] = trace.split('/') as [string, string, string, string?];
  const s = study(content, id);
  if (kind === 'outcomes') return outcomeOf(s, part, trace).result;
  if (kind === 'harms') {
    const h = harmOf(s, part, trace);
    if (field === 'denominator') {
      if (!h.denominator) throw new Error(`trace ${trace}: the figure has no denominator`);
      return h.denominator;
    }
    return h.events;
  }
  if (kind === 'arms') {
    const arm = s.arms.find((a) => a.id === part);
    if (!arm) throw new Error(`trace ${trace}: no arm "${part}"`);
    return arm.n;
  }
  throw new Error(`trace ${trace} does not name a number`);
}

/** The text an element marked with `trace` (and `inputs`, for computed figures) must show. */
export function expectedText(content: ValidContent, trace: string, inputs: string[] = []): string {
  if (trace.startsWith('computed:'))
    return recompute(content, trace.slice('computed:'.length), inputs);
  if (trace.startsWith('findings/')) {
    const [, findingId, , mcidId] = trace.split('/');
    const mcid = content.findings.get(findingId!)?.mcids.find((m) => m.id === mcidId);
    if (!mcid) throw new Error(`trace ${trace} names no MCID`);
    return formatReportedNumber(mcid.threshold);
  }
  const [id, kind, part, field] = trace.split('/') as [string, string, string?, string?];
  const s = study(content, id);
  if (kind === 'shortName') return s.shortName;
  if (kind === 'outcomes') {
    const o = outcomeOf(s, part!, trace);
    if (field === 'timepoint') return timepointLabel(o);
    if (field === 'responderDefinition') return o.responderDefinition ?? '';
    if (field === 'label') return lowerFirst(o.label);
    if (field === undefined) return shown(o.result);
  }
  if (kind === 'harms' && field === 'timepoint') return harmOf(s, part!, trace).timepoint;
  if (kind === 'harms' && field === 'label') return lowerFirst(harmOf(s, part!, trace).label);
  return shown(numberAt(content, trace));
}

function recompute(content: ValidContent, method: string, inputs: string[]): string {
  const [a, b] = inputs.map((t) => numberAt(content, t)) as [ReportedNumber, ReportedNumber];
  const countsOf = (t: string) => {
    const [id, , oid] = t.split('/') as [string, string, string];
    return outcomeOf(study(content, id), oid, t).counts;
  };
  const difference = () => {
    const ca = countsOf(inputs[0]!);
    const cb = countsOf(inputs[1]!);
    // A ratio has no unit; proportions are percentages.
    return a.unit !== '%'
      ? absoluteFromRelativeRisk(b.value!, a.value!, a.ci95)
      : ca && cb
        ? riskDifferencePer100(ca, cb)
        : percentageDifference(a.value!, b.value!);
  };
  switch (method) {
    case 'risk-difference':
    case 'percentage-difference':
    case 'absolute-from-relative-risk':
      return formatPer100(difference(), 'responders');
    case 'number-needed-to-treat':
      return formatNnt(numberNeededToTreat(difference()));
    case 'zero-event-upper-limit':
      return formatUpperLimit(zeroEventUpperLimitPer100(b.value!));
    case 'proportion':
      return formatProportion(proportionPer100(a.value!, b.value!));
    default:
      throw new Error(`unknown computation "${method}"`);
  }
}
