/**
 * The catalogue of patient facts: every fact any encoded policy can ask about, with its schema,
 * unit, plain-language label and the words used when it is missing. What each fact means, in a
 * sentence, is in descriptions.ts: the form and the JSON Schema need it at build time, the
 * browser does not (keeping it out keeps the checker's script within its budget). `PatientFacts` (schema.ts) is
 * built from this table, so a fact's meaning, validation and form field are written once.
 *
 * Facts use `zod/mini` because the browser checker validates imported and shared facts with
 * this same schema, and zod/mini keeps that bundle small (classic zod with its locales is ~90 KB).
 *
 * Every fact is optional: absent means *undocumented*, which is not the same as false.
 */
import * as z from 'zod/mini';
import { withoutBreaks } from './one-line.ts';
import { discLevels, productLines, stateCodes, vertebralLevels } from './vocabulary.ts';

/** Form sections: the member's plan first (it decides which policies apply), then the chart in reading order. */
export const factGroups = {
  plan: 'Health plan',
  patient: 'Patient',
  pain: 'Pain and function',
  conservative: 'Conservative care',
  imaging: 'Imaging',
  procedure: 'Planned procedure',
  history: 'History and exclusions',
  evidence: 'Trial and guideline selection (not asked by payer policies)',
} as const;
export type FactGroup = keyof typeof factGroups;

/**
 * Groups whose facts no encoded payer policy asks about: only the trials' eligibility and the
 * guidelines' selection criteria read them, so the checker can fold them away.
 */
export const evidenceOnlyGroups: readonly FactGroup[] = ['evidence'];

/** How a modality of conservative care is documented. */
export const modalityStatus = ['tried', 'contraindicated', 'not-tried'] as const;

const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
/** Free text is one line: a line break in it could forge a heading or a checklist item in a copy. */
const oneLine = (max: number) =>
  z.string().check(z.minLength(1), z.maxLength(max), z.regex(withoutBreaks));
const measure = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const listOf = <T extends z.core.$ZodType>(item: T) => z.array(item).check(z.maxLength(12));

/** Presentation and documentation details for one field. */
interface FieldInfo {
  /** Short label for forms and tables. */
  label: string;
  /** Unit of a number, when it has one. */
  unit?: string;
  /** Plain words for the missing-documentation checklist. */
  document: string;
}

function field<S extends z.core.$ZodType>(schema: S, info: FieldInfo) {
  return { schema, ...info };
}

/** Fields of an item in a list-valued fact (e.g. one Modic change). Each is optional: undocumented. */
export const itemFields = {
  modicChange: {
    /** Vertebral body whose endplate shows the change. */
    level: field(z.enum(vertebralLevels), {
      label: 'Vertebral body',
      document: 'the vertebral body of the Modic change',
    }),
    /** Which endplate of that body. */
    endplate: field(z.enum(['superior', 'inferior']), {
      label: 'Endplate',
      document: 'which endplate shows the Modic change',
    }),
    /** Modic type as read by the radiologist (1 oedema/inflammation, 2 fatty marrow, 3 sclerosis). */
    type: field(z.literal([1, 2, 3]), {
      label: 'Modic type',
      document: 'the Modic type in the radiology report',
    }),
  },
  discFinding: {
    /** Disc level of the finding. */
    level: field(z.enum(discLevels), {
      label: 'Disc level',
      document: 'the level of the disc finding',
    }),
    /** Morphology per the radiology report. */
    kind: field(z.enum(['bulge', 'protrusion', 'extrusion']), {
      label: 'Kind',
      document: 'whether the disc finding is a bulge, protrusion or extrusion',
    }),
    /** Size of the finding in millimetres. */
    sizeMm: field(measure(0, 50), {
      label: 'Size',
      unit: 'mm',
      document: 'the size of the disc finding in millimetres',
    }),
    /** Whether the finding correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      document: 'whether the disc finding correlates with the predominant complaint',
    }),
  },
  spondylolisthesis: {
    /** Vertebra that has slipped. */
    level: field(z.enum(vertebralLevels), {
      label: 'Slipped vertebra',
      document: 'the level of the spondylolisthesis',
    }),
    /** Amount of slip in millimetres. */
    mm: field(measure(0, 50), {
      label: 'Slip',
      unit: 'mm',
      document: 'the amount of slip in millimetres',
    }),
    /** Whether it correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      document: 'whether the spondylolisthesis correlates with the predominant complaint',
    }),
  },
  spondylolysis: {
    /** Vertebra with the pars defect. */
    level: field(z.enum(vertebralLevels), {
      label: 'Vertebra',
      document: 'the level of the spondylolysis',
    }),
    /** Whether it correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      document: 'whether the spondylolysis correlates with the predominant complaint',
    }),
  },
  facetArthropathy: {
    /** Segment of the facet joints. */
    level: field(z.enum(discLevels), {
      label: 'Segment',
      document: 'the segment of the facet arthropathy',
    }),
    /** Whether facet-mediated pain is documented. */
    facetMediatedPain: field(z.boolean(), {
      label: 'Facet-mediated pain',
      document: 'whether the facet arthropathy is accompanied by facet-mediated pain',
    }),
    /** Whether it correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      document: 'whether the facet arthropathy correlates with the predominant complaint',
    }),
  },
  plannedLevel: {
    /** A vertebral body planned for ablation. */
    level: field(z.enum(vertebralLevels), {
      label: 'Vertebral body',
      document: 'which vertebral bodies are planned',
    }),
    /** Whether this body's basivertebral nerve was ablated before. */
    ablatedBefore: field(z.boolean(), {
      label: 'Ablated before',
      document: 'whether each planned vertebral body was ablated before',
    }),
  },
  lumbarSurgery: {
    /** Kind of operation. */
    type: field(
      z.enum(['discectomy', 'laminectomy', 'laminotomy', 'fusion', 'disc-replacement', 'other']),
      {
        label: 'Operation',
        document: 'the kind of prior lumbar surgery',
      },
    ),
    /** Whether the operated segment includes a planned vertebral body. */
    atPlannedLevel: field(z.boolean(), {
      label: 'At a planned level',
      document: 'whether the prior surgery was at a level planned for ablation',
    }),
    /** Time since the operation. */
    monthsAgo: field(measure(0, 1200), {
      label: 'Months ago',
      unit: 'months',
      document: 'how many months ago the prior surgery was',
    }),
    /** Whether radicular pain resolved after it. */
    radicularPainResolved: field(z.boolean(), {
      label: 'Radicular pain resolved',
      document: 'whether radicular pain resolved after the prior surgery',
    }),
  },
  vertebralFracture: {
    /** Whether the fractured body is a planned level. */
    atPlannedLevel: field(z.boolean(), {
      label: 'At a planned level',
      document: 'whether the vertebral fracture is at a planned level',
    }),
    /** Time since the fracture. */
    monthsAgo: field(measure(0, 1200), {
      label: 'Months ago',
      unit: 'months',
      document: 'when the vertebral fracture happened',
    }),
    /** Fragility (low-energy) fracture. */
    fragility: field(z.boolean(), {
      label: 'Fragility fracture',
      document: 'whether the vertebral fracture was a fragility fracture',
    }),
  },
} as const;

type ItemInfo = Record<string, ReturnType<typeof field>>;
function itemSchema<T extends ItemInfo>(fields: T) {
  const shape = {} as { [K in keyof T]: z.ZodMiniOptional<T[K]['schema']> };
  for (const [key, info] of Object.entries(fields)) shape[key as keyof T] = z.optional(info.schema);
  return z.strictObject(shape);
}

interface FactInfo extends FieldInfo {
  /** Form section. */
  group: FactGroup;
  /** For list facts: the catalogue of the list item's fields. */
  item?: keyof typeof itemFields;
  /**
   * Asked only when another fact has one of these values (device precautions only when a device
   * is implanted): until then the fact is neither shown in the form nor listed as missing.
   */
  askWhen?: { fact: string; in: readonly unknown[] };
}
function fact<S extends z.core.$ZodType>(schema: S, info: FactInfo) {
  return { schema, ...info };
}

const modality = (label: string) =>
  fact(z.enum(modalityStatus), {
    group: 'conservative',
    label,
    document: `whether ${label.toLowerCase()} was tried or is contraindicated`,
  });

/** The facts, keyed by the name used in criteria (`fact:` in policy files) and in the JSON facts format. */
export const facts = {
  // Patient
  /** Age in whole years on the date of the request. */
  ageYears: fact(count(120), {
    group: 'patient',
    label: 'Age',
    unit: 'years',
    document: 'the patient’s age',
  }),
  /** Skeletally mature (growth plates closed), as documented by the clinician. */
  skeletallyMature: fact(z.boolean(), {
    group: 'patient',
    label: 'Skeletally mature',
    document: 'whether the patient is skeletally mature',
  }),
  /** Currently pregnant. */
  pregnant: fact(z.boolean(), {
    // Every policy excludes it, so it sits with the exclusions ("none of these documented as present").
    group: 'history',
    label: 'Pregnant',
    document: 'whether the patient is pregnant',
  }),
  /** Body mass index. */
  bmi: fact(measure(10, 90), {
    group: 'patient',
    label: 'BMI',
    unit: 'kg/m²',
    document: 'the patient’s body mass index',
  }),

  // Pain and function
  /** How long the low back pain has lasted. */
  painDurationMonths: fact(measure(0, 1200), {
    group: 'pain',
    label: 'Duration of low back pain',
    unit: 'months',
    document: 'how long the low back pain has lasted',
  }),
  /** Pain severity as assessed and recorded by the treating clinician. */
  painSeverity: fact(z.enum(['none', 'mild', 'moderate', 'severe']), {
    group: 'pain',
    label: 'Pain severity (clinician’s assessment)',
    document: 'the clinician’s assessment of pain severity',
  }),
  /** The pain causes a functional deficit. */
  functionalDeficit: fact(z.boolean(), {
    group: 'pain',
    label: 'Functional deficit',
    document: 'whether the pain causes a functional deficit',
  }),
  /** Oswestry Disability Index score. */
  odi: fact(measure(0, 100), {
    group: 'pain',
    label: 'ODI',
    unit: 'points',
    document: 'the Oswestry Disability Index score',
  }),
  /** The predominant (primary) pain pattern. */
  predominantPain: fact(z.enum(['axial', 'radicular', 'neurogenic-claudication']), {
    group: 'pain',
    label: 'Predominant pain pattern',
    document: 'the predominant pain pattern (axial, radicular or neurogenic claudication)',
  }),
  /** The back/leg split as the chart states it; no policy reads it, so it is shown, never interpreted. */
  painDistribution: fact(oneLine(80), {
    group: 'pain',
    label: 'Back and leg pain, as charted',
    document: 'how the pain divides between back and leg',
  }),
  /** Radicular pain or radiculopathy is present at all, even if not predominant. */
  radicularPain: fact(z.boolean(), {
    group: 'pain',
    label: 'Radicular pain present',
    document: 'whether any radicular pain is present',
  }),
  /** Neurogenic claudication is present. */
  neurogenicClaudication: fact(z.boolean(), {
    group: 'pain',
    label: 'Neurogenic claudication',
    document: 'whether neurogenic claudication is present',
  }),

  // Conservative care
  /** Total duration of documented non-surgical management. */
  conservativeCareWeeks: fact(measure(0, 5200), {
    group: 'conservative',
    label: 'Duration of non-surgical management',
    unit: 'weeks',
    document: 'how many weeks of non-surgical management are documented',
  }),
  /** Avoiding activities that aggravate the pain. */
  activityModification: modality('Activity modification'),
  /** Physical therapy or a professionally directed exercise programme. */
  physicalTherapy: modality('Physical therapy'),
  /** Exercise including core stabilisation (named separately by some policies). */
  coreStabilization: modality('Core stabilisation exercise'),
  /** Chiropractic manipulation. */
  chiropractic: modality('Chiropractic manipulation'),
  /** Cognitive therapy, including cognitive behavioural therapy. */
  cognitiveTherapy: modality('Cognitive therapy'),
  /** Number of cognitive behavioural therapy sessions attended. */
  cognitiveTherapySessions: fact(count(500), {
    group: 'conservative',
    label: 'Cognitive therapy sessions',
    unit: 'sessions',
    document: 'how many cognitive therapy sessions were attended',
    askWhen: { fact: 'cognitiveTherapy', in: ['tried'] },
  }),
  /** Analgesics, muscle relaxants, neuroleptics or anti-inflammatory drugs. */
  pharmacotherapy: modality('Pharmacotherapy'),
  /** Epidural or facet injections at the region of concern. */
  injections: modality('Injection therapy'),
  /** Other conservative care the chart names (massage, acupuncture…); shown, never interpreted. */
  otherConservativeCare: fact(oneLine(200), {
    group: 'conservative',
    label: 'Other conservative care',
    document: 'any other conservative care',
  }),
  /** Significant improvement in pain or disability despite the management. */
  significantImprovement: fact(z.boolean(), {
    group: 'conservative',
    label: 'Significant improvement with conservative care',
    document: 'whether non-surgical management brought significant improvement',
  }),

  // Imaging
  /** An MRI with a radiologist's written report is in the chart. */
  mriReport: fact(z.boolean(), {
    group: 'imaging',
    label: 'MRI with radiologist’s report',
    document: 'whether an MRI with a radiologist’s report is in the chart',
  }),
  /** Modic changes by vertebral body and endplate. */
  modicChanges: fact(listOf(itemSchema(itemFields.modicChange)), {
    group: 'imaging',
    item: 'modicChange',
    label: 'Modic changes',
    document: 'the Modic changes on MRI (level, endplate, type)',
  }),
  /** Disc bulges, protrusions and extrusions. */
  discFindings: fact(listOf(itemSchema(itemFields.discFinding)), {
    group: 'imaging',
    item: 'discFinding',
    label: 'Disc findings',
    document: 'disc findings on imaging (level, kind, size, correlation)',
  }),
  /** Spondylolisthesis at any level. */
  spondylolisthesis: fact(listOf(itemSchema(itemFields.spondylolisthesis)), {
    group: 'imaging',
    item: 'spondylolisthesis',
    label: 'Spondylolisthesis',
    document: 'whether there is spondylolisthesis, and its size and level',
  }),
  /** Spondylolysis at any level. */
  spondylolysis: fact(listOf(itemSchema(itemFields.spondylolysis)), {
    group: 'imaging',
    item: 'spondylolysis',
    label: 'Spondylolysis',
    document: 'whether there is spondylolysis, and at which level',
  }),
  /** Facet arthrosis or effusion. */
  facetArthropathy: fact(listOf(itemSchema(itemFields.facetArthropathy)), {
    group: 'imaging',
    item: 'facetArthropathy',
    label: 'Facet arthrosis or effusion',
    document: 'whether there is facet arthropathy, and whether it is painful',
  }),
  /** Spinal stenosis confirmed on imaging that causes symptoms (neurogenic claudication). */
  symptomaticStenosis: fact(z.boolean(), {
    group: 'imaging',
    label: 'Symptomatic spinal stenosis',
    document: 'whether there is symptomatic spinal stenosis',
  }),
  /** Imaging suggests another obvious cause of the low back pain. */
  otherObviousEtiology: fact(z.boolean(), {
    group: 'imaging',
    label: 'Another obvious cause on imaging',
    document: 'whether imaging suggests another obvious cause of the pain',
  }),
  /** Other vertebral pathology that could cause the symptoms or complicate the procedure. */
  otherVertebralPathology: fact(z.boolean(), {
    group: 'imaging',
    label: 'Other vertebral pathology',
    document:
      'whether other vertebral pathology that could explain or complicate the case has been excluded',
  }),
  /** A non-vertebrogenic source that could explain the pain. */
  nonVertebrogenicSource: fact(z.boolean(), {
    group: 'imaging',
    label: 'Non-vertebrogenic source',
    document: 'whether a non-vertebrogenic source of the pain has been ruled out',
  }),

  // Planned procedure
  /** Vertebral bodies planned for ablation in this procedure. */
  plannedLevels: fact(listOf(itemSchema(itemFields.plannedLevel)), {
    group: 'procedure',
    item: 'plannedLevel',
    label: 'Planned vertebral bodies',
    document: 'which vertebral bodies are planned for ablation',
  }),
  /** Other procedures planned in the same session. */
  concurrentProcedures: fact(z.boolean(), {
    group: 'procedure',
    label: 'Other procedures in the same session',
    document: 'whether any other procedure is planned in the same session',
  }),
  /** Planned anaesthesia. */
  anesthesia: fact(z.enum(['local', 'local-mild-sedation', 'moderate-sedation', 'general']), {
    group: 'procedure',
    label: 'Planned anaesthesia',
    document: 'the planned anaesthesia',
  }),
  /** Medical necessity of anaesthesia beyond local with mild sedation is documented. */
  anesthesiaNecessityDocumented: fact(z.boolean(), {
    group: 'procedure',
    label: 'Need for deeper anaesthesia documented',
    document: 'why anaesthesia beyond local with mild sedation is needed',
    askWhen: { fact: 'anesthesia', in: ['moderate-sedation', 'general'] },
  }),

  // History and exclusions
  /** Prior lumbar or lumbosacral spine operations. */
  priorLumbarSurgery: fact(listOf(itemSchema(itemFields.lumbarSurgery)), {
    group: 'history',
    item: 'lumbarSurgery',
    label: 'Prior lumbar surgery',
    document: 'any prior lumbar spine surgery (kind, level, when, outcome)',
  }),
  /** Diagnosed osteoporosis. */
  osteoporosis: fact(z.boolean(), {
    group: 'history',
    label: 'Osteoporosis',
    document: 'whether osteoporosis has been diagnosed',
  }),
  /** Lowest DEXA T-score. */
  tScore: fact(measure(-6, 4), {
    group: 'history',
    label: 'DEXA T-score',
    unit: 'SD',
    document: 'the DEXA T-score',
  }),
  /** Metabolic bone disease other than osteoporosis. */
  metabolicBoneDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Metabolic bone disease',
    document: 'whether there is metabolic bone disease',
  }),
  /** Vertebral fractures, past or present. */
  vertebralFractures: fact(listOf(itemSchema(itemFields.vertebralFracture)), {
    group: 'history',
    item: 'vertebralFracture',
    label: 'Vertebral fractures',
    document: 'any vertebral fractures (when, where, fragility)',
  }),
  /** Trauma at a planned level. */
  traumaAtPlannedLevel: fact(z.boolean(), {
    group: 'history',
    label: 'Trauma at a planned level',
    document: 'whether there was trauma at a planned level',
  }),
  /** Malignancy in the spine. */
  spinalMalignancy: fact(z.boolean(), {
    group: 'history',
    label: 'Spinal malignancy',
    document: 'whether there is spinal malignancy',
  }),
  /** Active systemic infection. */
  systemicInfection: fact(z.boolean(), {
    group: 'history',
    label: 'Active systemic infection',
    document: 'whether there is an active systemic infection',
  }),
  /** Active infection in the spine and where. */
  spineInfection: fact(z.enum(['none', 'at-planned-level', 'elsewhere-in-spine']), {
    group: 'history',
    label: 'Spine infection',
    document: 'whether there is an active spine infection, and where',
  }),
  /** Bleeding diathesis. */
  bleedingDiathesis: fact(z.boolean(), {
    group: 'history',
    label: 'Bleeding diathesis',
    document: 'whether there is a bleeding diathesis',
  }),
  /** Severe cardiac or pulmonary disease or compromise. */
  severeCardiopulmonaryDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Severe cardiac or pulmonary disease',
    document: 'whether there is severe cardiac or pulmonary disease',
  }),
  /** Advanced generalised systemic disease limiting quality-of-life gains. */
  advancedSystemicDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Advanced systemic disease',
    document: 'whether there is advanced systemic disease',
  }),
  /** A statement of the objective of treatment is recorded. */
  treatmentObjectiveStated: fact(z.boolean(), {
    group: 'history',
    label: 'Objective of treatment stated',
    document: 'a statement of the objective of treatment',
    askWhen: { fact: 'advancedSystemicDisease', in: [true] },
  }),
  /** Substance use disorder status. */
  substanceUseDisorder: fact(
    z.enum(['none', 'active-untreated', 'active-treated', 'in-remission']),
    {
      group: 'history',
      label: 'Substance use disorder',
      document: 'whether there is a substance use disorder, and whether it is treated',
    },
  ),
  /** A major psychiatric disease is diagnosed. */
  majorPsychiatricDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Major psychiatric disease',
    document: 'whether there is major psychiatric disease',
  }),
  /** The psychiatric disease is poorly controlled. */
  psychiatricPoorlyControlled: fact(z.boolean(), {
    group: 'history',
    label: 'Psychiatric disease poorly controlled',
    document: 'whether the psychiatric disease is well controlled',
    askWhen: { fact: 'majorPsychiatricDisease', in: [true] },
  }),
  /** The psychiatric disease is suspected to contribute substantially to the back pain. */
  psychiatricContributionSuspected: fact(z.boolean(), {
    group: 'history',
    label: 'Psychiatric contribution suspected',
    document: 'whether the psychiatric disease is suspected to drive the back pain',
    askWhen: { fact: 'majorPsychiatricDisease', in: [true] },
  }),
  /** A behavioural health assessment (formal or informal), with its risk-reduction details, is recorded. */
  behavioralHealthAssessment: fact(z.boolean(), {
    group: 'history',
    label: 'Behavioural health assessment recorded',
    document:
      'a behavioural health assessment (formal or informal) in the chart, with details or resources on interventions to reduce the risks it finds',
  }),
  /** Bedbound. */
  bedbound: fact(z.boolean(), {
    group: 'history',
    label: 'Bedbound',
    document: 'whether the patient is bedbound',
  }),
  /** A neurologic condition prevents early mobility. */
  neurologicMobilityLimit: fact(z.boolean(), {
    group: 'history',
    label: 'Neurologic condition limiting mobility',
    document: 'whether a neurologic condition prevents early mobility',
  }),
  /** An implanted pulse generator or other electronic implant. */
  implantedDevice: fact(z.boolean(), {
    group: 'history',
    label: 'Implanted electronic device',
    document: 'whether there is an implanted electronic device',
  }),
  /** Safety precautions for the implant are documented. */
  devicePrecautionsDocumented: fact(z.boolean(), {
    group: 'history',
    label: 'Device precautions documented',
    document: 'the precautions planned for the implanted device',
    askWhen: { fact: 'implantedDevice', in: [true] },
  }),

  // Trial and guideline selection (read only by the trials' and guidelines' criteria sets)
  /** Back pain intensity on a 10 cm visual analogue scale. */
  vasBackPain: fact(measure(0, 10), {
    group: 'evidence',
    label: 'Back pain on a visual analogue scale (VAS)',
    unit: 'cm',
    document: 'the back pain score on a 10 cm visual analogue scale',
  }),
  /** Number of Waddell's non-organic signs present (of the five categories). */
  waddellSigns: fact(count(5), {
    group: 'evidence',
    label: 'Waddell’s non-organic signs',
    unit: 'signs',
    document: 'how many Waddell’s non-organic signs were positive',
  }),
  /** Beck Depression Inventory total score. */
  beckDepressionInventory: fact(count(63), {
    group: 'evidence',
    label: 'Beck Depression Inventory (BDI)',
    unit: 'points',
    document: 'the Beck Depression Inventory score',
  }),
  /** Involved in litigation related to the back pain or an injury. */
  backPainLitigation: fact(z.boolean(), {
    group: 'evidence',
    label: 'Litigation about the back pain or an injury',
    document: 'whether the patient is involved in litigation about the back pain or an injury',
  }),
  /** Receiving disability or injury compensation (e.g. workers' compensation) for the back pain. */
  injuryCompensation: fact(z.boolean(), {
    group: 'evidence',
    label: 'Disability or injury compensation',
    document: 'whether the patient receives disability or injury compensation',
  }),
  /** Currently taking extended-release opioids. */
  extendedReleaseOpioids: fact(z.boolean(), {
    group: 'evidence',
    label: 'Extended-release opioids',
    document: 'whether the patient currently takes extended-release opioids',
  }),
  /** Addiction behaviours are documented. */
  opioidAddictionBehaviors: fact(z.boolean(), {
    group: 'evidence',
    label: 'Addiction behaviours documented',
    document: 'whether addiction behaviours are documented',
  }),
  /** Number of levels with Modic type 1 or 2 changes, as the radiology report counts them. */
  modicLevelCount: fact(count(12), {
    group: 'evidence',
    label: 'Levels with Modic type 1 or 2 changes',
    unit: 'levels',
    document: 'how many levels show Modic type 1 or 2 changes',
  }),
  /** The levels with Modic changes are next to one another. */
  modicLevelsContiguous: fact(z.boolean(), {
    group: 'evidence',
    label: 'Modic levels contiguous',
    document: 'whether the levels with Modic changes are contiguous',
  }),

  // Health plan
  /** Name of the member's health plan, as free text (shown back, never interpreted). */
  healthPlan: fact(oneLine(80), {
    group: 'plan',
    label: 'Health plan',
    document: 'the member’s health plan',
  }),
  /** The member's product line. */
  productLine: fact(z.enum(productLines), {
    group: 'plan',
    label: 'Product line',
    document: 'the member’s product line',
  }),
  /** State where the care is received (decides which Medicare contractor's LCD applies). */
  state: fact(z.enum(stateCodes), {
    group: 'plan',
    label: 'State of care',
    document: 'the state where the procedure will be done',
  }),
} as const;

export type FactKey = keyof typeof facts;

/** Whether a fact is asked about given the other facts: always, unless its `askWhen` condition does not hold. */
export function isAsked(key: string, known: Readonly<Record<string, unknown>>): boolean {
  const when = (facts as Record<string, { askWhen?: FactInfo['askWhen'] }>)[key]?.askWhen;
  return !when || when.in.includes(known[when.fact]);
}
export type ItemKind = keyof typeof itemFields;
