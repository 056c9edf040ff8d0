/**
 * The catalogue of patient facts: every fact any encoded policy can ask about, with its schema,
 * unit, plain-language label and the words used when it is missing. `PatientFacts` (schema.ts) is
 * built from this table, so a fact's meaning, validation and form field are written once.
 *
 * Facts use `zod/mini` because the browser checker validates imported and shared facts with
 * this same schema, and zod/mini keeps that bundle small (classic zod with its locales is ~90 KB).
 *
 * Every fact is optional: absent means *undocumented*, which is not the same as false.
 */
import * as z from 'zod/mini';
import { discLevels, productLines, stateCodes, vertebralLevels } from './vocabulary.ts';

/** Form sections, in the order a chart is read. */
export const factGroups = {
  patient: 'Patient',
  pain: 'Pain and function',
  conservative: 'Conservative care',
  imaging: 'Imaging',
  procedure: 'Planned procedure',
  history: 'History and exclusions',
  plan: 'Health plan',
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
const measure = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const listOf = <T extends z.core.$ZodType>(item: T) => z.array(item).check(z.maxLength(12));

/** Presentation and documentation details for one field. */
interface FieldInfo {
  /** Short label for forms and tables. */
  label: string;
  /** What the field means, one sentence. */
  description: string;
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
      description: 'Vertebral body whose endplate shows the Modic change.',
      document: 'the vertebral body of the Modic change',
    }),
    /** Which endplate of that body. */
    endplate: field(z.enum(['superior', 'inferior']), {
      label: 'Endplate',
      description: 'Superior or inferior endplate of that vertebral body.',
      document: 'which endplate shows the Modic change',
    }),
    /** Modic type as read by the radiologist (1 oedema/inflammation, 2 fatty marrow, 3 sclerosis). */
    type: field(z.literal([1, 2, 3]), {
      label: 'Modic type',
      description:
        'Modic type 1 (oedema, inflammation), 2 (fatty marrow replacement) or 3 (sclerosis), per the radiology report.',
      document: 'the Modic type in the radiology report',
    }),
  },
  discFinding: {
    /** Disc level of the finding. */
    level: field(z.enum(discLevels), {
      label: 'Disc level',
      description: 'Disc level of the bulge, protrusion or extrusion.',
      document: 'the level of the disc finding',
    }),
    /** Morphology per the radiology report. */
    kind: field(z.enum(['bulge', 'protrusion', 'extrusion']), {
      label: 'Kind',
      description: 'Bulge, protrusion or extrusion, as the report calls it.',
      document: 'whether the disc finding is a bulge, protrusion or extrusion',
    }),
    /** Size of the finding in millimetres. */
    sizeMm: field(measure(0, 50), {
      label: 'Size',
      unit: 'mm',
      description: 'Size of the disc finding in millimetres.',
      document: 'the size of the disc finding in millimetres',
    }),
    /** Whether the finding correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      description:
        'The treating clinician documents that this finding correlates with the predominant physical complaint.',
      document: 'whether the disc finding correlates with the predominant complaint',
    }),
  },
  spondylolisthesis: {
    /** Vertebra that has slipped. */
    level: field(z.enum(vertebralLevels), {
      label: 'Slipped vertebra',
      description: 'The vertebra that has slipped relative to the one below.',
      document: 'the level of the spondylolisthesis',
    }),
    /** Amount of slip in millimetres. */
    mm: field(measure(0, 50), {
      label: 'Slip',
      unit: 'mm',
      description: 'Translation of the vertebra in millimetres.',
      document: 'the amount of slip in millimetres',
    }),
    /** Whether it correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      description:
        'The treating clinician documents that the slip correlates with the predominant physical complaint.',
      document: 'whether the spondylolisthesis correlates with the predominant complaint',
    }),
  },
  spondylolysis: {
    /** Vertebra with the pars defect. */
    level: field(z.enum(vertebralLevels), {
      label: 'Vertebra',
      description: 'Vertebra with the pars interarticularis defect.',
      document: 'the level of the spondylolysis',
    }),
    /** Whether it correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      description:
        'The treating clinician documents that the defect correlates with the predominant physical complaint.',
      document: 'whether the spondylolysis correlates with the predominant complaint',
    }),
  },
  facetArthropathy: {
    /** Segment of the facet joints. */
    level: field(z.enum(discLevels), {
      label: 'Segment',
      description: 'Motion segment of the affected facet joints.',
      document: 'the segment of the facet arthropathy',
    }),
    /** Whether facet-mediated pain is documented. */
    facetMediatedPain: field(z.boolean(), {
      label: 'Facet-mediated pain',
      description:
        'Facet-mediated pain is documented at this segment (by examination or diagnostic block).',
      document: 'whether the facet arthropathy is accompanied by facet-mediated pain',
    }),
    /** Whether it correlates with the predominant complaint. */
    correlates: field(z.boolean(), {
      label: 'Correlates with the predominant complaint',
      description:
        'The treating clinician documents that the facet finding correlates with the predominant physical complaint.',
      document: 'whether the facet arthropathy correlates with the predominant complaint',
    }),
  },
  plannedLevel: {
    /** A vertebral body planned for ablation. */
    level: field(z.enum(vertebralLevels), {
      label: 'Vertebral body',
      description: 'A vertebral body planned for basivertebral nerve ablation.',
      document: 'which vertebral bodies are planned',
    }),
    /** Whether this body's basivertebral nerve was ablated before. */
    ablatedBefore: field(z.boolean(), {
      label: 'Ablated before',
      description: 'The basivertebral nerve of this vertebral body has been ablated before.',
      document: 'whether each planned vertebral body was ablated before',
    }),
  },
  lumbarSurgery: {
    /** Kind of operation. */
    type: field(
      z.enum(['discectomy', 'laminectomy', 'laminotomy', 'fusion', 'disc-replacement', 'other']),
      {
        label: 'Operation',
        description: 'Kind of prior lumbar or lumbosacral operation.',
        document: 'the kind of prior lumbar surgery',
      },
    ),
    /** Whether the operated segment includes a planned vertebral body. */
    atPlannedLevel: field(z.boolean(), {
      label: 'At a planned level',
      description: 'The operated segment includes a vertebral body planned for ablation.',
      document: 'whether the prior surgery was at a level planned for ablation',
    }),
    /** Time since the operation. */
    monthsAgo: field(measure(0, 1200), {
      label: 'Months ago',
      unit: 'months',
      description: 'Months between the operation and the planned ablation.',
      document: 'how many months ago the prior surgery was',
    }),
    /** Whether radicular pain resolved after it. */
    radicularPainResolved: field(z.boolean(), {
      label: 'Radicular pain resolved',
      description: 'Radicular pain present before the operation has resolved.',
      document: 'whether radicular pain resolved after the prior surgery',
    }),
  },
  vertebralFracture: {
    /** Whether the fractured body is a planned level. */
    atPlannedLevel: field(z.boolean(), {
      label: 'At a planned level',
      description: 'The fractured vertebral body is one planned for ablation.',
      document: 'whether the vertebral fracture is at a planned level',
    }),
    /** Time since the fracture. */
    monthsAgo: field(measure(0, 1200), {
      label: 'Months ago',
      unit: 'months',
      description: 'Months since the fracture.',
      document: 'when the vertebral fracture happened',
    }),
    /** Fragility (low-energy) fracture. */
    fragility: field(z.boolean(), {
      label: 'Fragility fracture',
      description: 'A low-energy (fragility) fracture rather than a traumatic one.',
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
}
function fact<S extends z.core.$ZodType>(schema: S, info: FactInfo) {
  return { schema, ...info };
}

const modality = (label: string, description: string) =>
  fact(z.enum(modalityStatus), {
    group: 'conservative',
    label,
    description: `${description} Tried, medically contraindicated, or not tried.`,
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
    description: 'Age in whole years on the date of the request.',
    document: 'the patient’s age',
  }),
  /** Skeletally mature (growth plates closed), as documented by the clinician. */
  skeletallyMature: fact(z.boolean(), {
    group: 'patient',
    label: 'Skeletally mature',
    description:
      'The patient is skeletally mature (growth complete), as documented by the clinician.',
    document: 'whether the patient is skeletally mature',
  }),
  /** Currently pregnant. */
  pregnant: fact(z.boolean(), {
    group: 'patient',
    label: 'Pregnant',
    description: 'The patient is currently pregnant.',
    document: 'whether the patient is pregnant',
  }),
  /** Body mass index. */
  bmi: fact(measure(10, 90), {
    group: 'patient',
    label: 'BMI',
    unit: 'kg/m²',
    description: 'Body mass index in kg/m².',
    document: 'the patient’s body mass index',
  }),

  // Pain and function
  /** How long the low back pain has lasted. */
  painDurationMonths: fact(measure(0, 1200), {
    group: 'pain',
    label: 'Duration of low back pain',
    unit: 'months',
    description: 'How long the chronic low back pain has lasted, in months.',
    document: 'how long the low back pain has lasted',
  }),
  /** Pain severity as assessed and recorded by the treating clinician. */
  painSeverity: fact(z.enum(['none', 'mild', 'moderate', 'severe']), {
    group: 'pain',
    label: 'Pain severity (clinician’s assessment)',
    description: 'Pain severity as categorised by the treating clinician.',
    document: 'the clinician’s assessment of pain severity',
  }),
  /** The pain causes a functional deficit. */
  functionalDeficit: fact(z.boolean(), {
    group: 'pain',
    label: 'Functional deficit',
    description:
      'The pain causes a documented functional deficit (difficulty with physical tasks or daily life).',
    document: 'whether the pain causes a functional deficit',
  }),
  /** Oswestry Disability Index score. */
  odi: fact(measure(0, 100), {
    group: 'pain',
    label: 'ODI',
    unit: 'points',
    description: 'Oswestry Disability Index, 0 (no disability) to 100.',
    document: 'the Oswestry Disability Index score',
  }),
  /** The predominant (primary) pain pattern. */
  predominantPain: fact(z.enum(['axial', 'radicular', 'neurogenic-claudication']), {
    group: 'pain',
    label: 'Predominant pain pattern',
    description:
      'The primary symptom: axial low back pain, radicular pain, or neurogenic claudication.',
    document: 'the predominant pain pattern (axial, radicular or neurogenic claudication)',
  }),
  /** Radicular pain or radiculopathy is present at all, even if not predominant. */
  radicularPain: fact(z.boolean(), {
    group: 'pain',
    label: 'Radicular pain present',
    description:
      'Any radicular pain or radiculopathy (pain in the distribution of a spinal nerve), predominant or not.',
    document: 'whether any radicular pain is present',
  }),
  /** Neurogenic claudication is present. */
  neurogenicClaudication: fact(z.boolean(), {
    group: 'pain',
    label: 'Neurogenic claudication',
    description: 'Neurogenic claudication is present.',
    document: 'whether neurogenic claudication is present',
  }),

  // Conservative care
  /** Total duration of documented non-surgical management. */
  conservativeCareWeeks: fact(measure(0, 5200), {
    group: 'conservative',
    label: 'Duration of non-surgical management',
    unit: 'weeks',
    description: 'How long documented non-surgical management has gone on, in weeks.',
    document: 'how many weeks of non-surgical management are documented',
  }),
  /** Avoiding activities that aggravate the pain. */
  activityModification: modality(
    'Activity modification',
    'Avoidance of activities that aggravate the pain.',
  ),
  /** Physical therapy or a professionally directed exercise programme. */
  physicalTherapy: modality(
    'Physical therapy',
    'Physical therapy or a professionally directed therapeutic exercise programme.',
  ),
  /** Exercise including core stabilisation (named separately by some policies). */
  coreStabilization: modality(
    'Core stabilisation exercise',
    'An exercise programme that includes core stabilisation.',
  ),
  /** Chiropractic manipulation. */
  chiropractic: modality('Chiropractic manipulation', 'Chiropractic manipulation.'),
  /** Cognitive therapy, including cognitive behavioural therapy. */
  cognitiveTherapy: modality(
    'Cognitive therapy',
    'Cognitive therapy, including cognitive behavioural therapy.',
  ),
  /** Number of cognitive behavioural therapy sessions attended. */
  cognitiveTherapySessions: fact(count(500), {
    group: 'conservative',
    label: 'Cognitive therapy sessions',
    unit: 'sessions',
    description: 'Number of cognitive behavioural therapy sessions attended.',
    document: 'how many cognitive therapy sessions were attended',
  }),
  /** Analgesics, muscle relaxants, neuroleptics or anti-inflammatory drugs. */
  pharmacotherapy: modality(
    'Pharmacotherapy',
    'Analgesics (narcotic or not), muscle relaxants, neuroleptics or anti-inflammatory drugs.',
  ),
  /** Epidural or facet injections at the region of concern. */
  injections: modality(
    'Injection therapy',
    'Epidural or facet joint injections for pain sources in the region of concern.',
  ),
  /** Significant improvement in pain or disability despite the management. */
  significantImprovement: fact(z.boolean(), {
    group: 'conservative',
    label: 'Significant improvement with conservative care',
    description:
      'Non-surgical management produced a significant improvement in pain or disability.',
    document: 'whether non-surgical management brought significant improvement',
  }),

  // Imaging
  /** An MRI with a radiologist's written report is in the chart. */
  mriReport: fact(z.boolean(), {
    group: 'imaging',
    label: 'MRI with radiologist’s report',
    description: 'A lumbar MRI with a radiologist’s written interpretation is in the chart.',
    document: 'whether an MRI with a radiologist’s report is in the chart',
  }),
  /** Modic changes by vertebral body and endplate. */
  modicChanges: fact(listOf(itemSchema(itemFields.modicChange)), {
    group: 'imaging',
    item: 'modicChange',
    label: 'Modic changes',
    description: 'Each endplate with a Modic change on MRI; an empty list means none.',
    document: 'the Modic changes on MRI (level, endplate, type)',
  }),
  /** Disc bulges, protrusions and extrusions. */
  discFindings: fact(listOf(itemSchema(itemFields.discFinding)), {
    group: 'imaging',
    item: 'discFinding',
    label: 'Disc findings',
    description: 'Each disc bulge, protrusion or extrusion; an empty list means none.',
    document: 'disc findings on imaging (level, kind, size, correlation)',
  }),
  /** Spondylolisthesis at any level. */
  spondylolisthesis: fact(listOf(itemSchema(itemFields.spondylolisthesis)), {
    group: 'imaging',
    item: 'spondylolisthesis',
    label: 'Spondylolisthesis',
    description: 'Each spondylolisthesis with its slip in mm; an empty list means none.',
    document: 'whether there is spondylolisthesis, and its size and level',
  }),
  /** Spondylolysis at any level. */
  spondylolysis: fact(listOf(itemSchema(itemFields.spondylolysis)), {
    group: 'imaging',
    item: 'spondylolysis',
    label: 'Spondylolysis',
    description: 'Each level with spondylolysis; an empty list means none.',
    document: 'whether there is spondylolysis, and at which level',
  }),
  /** Facet arthrosis or effusion. */
  facetArthropathy: fact(listOf(itemSchema(itemFields.facetArthropathy)), {
    group: 'imaging',
    item: 'facetArthropathy',
    label: 'Facet arthrosis or effusion',
    description: 'Each segment with facet arthrosis or effusion; an empty list means none.',
    document: 'whether there is facet arthropathy, and whether it is painful',
  }),
  /** Spinal stenosis confirmed on imaging that causes symptoms (neurogenic claudication). */
  symptomaticStenosis: fact(z.boolean(), {
    group: 'imaging',
    label: 'Symptomatic spinal stenosis',
    description:
      'Spinal stenosis confirmed on imaging that produces symptoms such as neurogenic claudication.',
    document: 'whether there is symptomatic spinal stenosis',
  }),
  /** Imaging suggests another obvious cause of the low back pain. */
  otherObviousEtiology: fact(z.boolean(), {
    group: 'imaging',
    label: 'Another obvious cause on imaging',
    description:
      'Imaging suggests another obvious cause of the low back pain (e.g. instability, herniation, degenerative scoliosis).',
    document: 'whether imaging suggests another obvious cause of the pain',
  }),
  /** Other vertebral pathology that could cause the symptoms or complicate the procedure. */
  otherVertebralPathology: fact(z.boolean(), {
    group: 'imaging',
    label: 'Other vertebral pathology',
    description:
      'Other vertebral pathology (fracture, tumour, infection, deformity, trauma, post-surgical change) that could cause the symptoms or complicate the procedure.',
    document:
      'whether other vertebral pathology that could explain or complicate the case has been excluded',
  }),
  /** A non-vertebrogenic source that could explain the pain. */
  nonVertebrogenicSource: fact(z.boolean(), {
    group: 'imaging',
    label: 'Non-vertebrogenic source',
    description:
      'Clinical assessment or imaging identifies a non-vertebrogenic pathology that could explain the pain.',
    document: 'whether a non-vertebrogenic source of the pain has been ruled out',
  }),

  // Planned procedure
  /** Vertebral bodies planned for ablation in this procedure. */
  plannedLevels: fact(listOf(itemSchema(itemFields.plannedLevel)), {
    group: 'procedure',
    item: 'plannedLevel',
    label: 'Planned vertebral bodies',
    description: 'Each vertebral body planned for ablation in this procedure.',
    document: 'which vertebral bodies are planned for ablation',
  }),
  /** Other procedures planned in the same session. */
  concurrentProcedures: fact(z.boolean(), {
    group: 'procedure',
    label: 'Other procedures in the same session',
    description:
      'Another procedure (injection, nerve block, other ablation, surgery) is planned in the same session.',
    document: 'whether any other procedure is planned in the same session',
  }),
  /** Planned anaesthesia. */
  anesthesia: fact(z.enum(['local', 'local-mild-sedation', 'moderate-sedation', 'general']), {
    group: 'procedure',
    label: 'Planned anaesthesia',
    description:
      'Local anaesthesia, local with mild sedation, moderate sedation, or general anaesthesia.',
    document: 'the planned anaesthesia',
  }),
  /** Medical necessity of anaesthesia beyond local with mild sedation is documented. */
  anesthesiaNecessityDocumented: fact(z.boolean(), {
    group: 'procedure',
    label: 'Need for deeper anaesthesia documented',
    description:
      'The chart documents why anaesthesia beyond local with mild sedation is medically necessary.',
    document: 'why anaesthesia beyond local with mild sedation is needed',
  }),

  // History and exclusions
  /** Prior lumbar or lumbosacral spine operations. */
  priorLumbarSurgery: fact(listOf(itemSchema(itemFields.lumbarSurgery)), {
    group: 'history',
    item: 'lumbarSurgery',
    label: 'Prior lumbar surgery',
    description: 'Each prior lumbar or lumbosacral operation; an empty list means none.',
    document: 'any prior lumbar spine surgery (kind, level, when, outcome)',
  }),
  /** Diagnosed osteoporosis. */
  osteoporosis: fact(z.boolean(), {
    group: 'history',
    label: 'Osteoporosis',
    description: 'Osteoporosis has been diagnosed.',
    document: 'whether osteoporosis has been diagnosed',
  }),
  /** Lowest DEXA T-score. */
  tScore: fact(measure(-6, 4), {
    group: 'history',
    label: 'DEXA T-score',
    unit: 'SD',
    description: 'Lowest bone-density T-score on DEXA, in standard deviations.',
    document: 'the DEXA T-score',
  }),
  /** Metabolic bone disease other than osteoporosis. */
  metabolicBoneDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Metabolic bone disease',
    description: 'A metabolic bone disease (e.g. osteomalacia, Paget’s disease) is diagnosed.',
    document: 'whether there is metabolic bone disease',
  }),
  /** Vertebral fractures, past or present. */
  vertebralFractures: fact(listOf(itemSchema(itemFields.vertebralFracture)), {
    group: 'history',
    item: 'vertebralFracture',
    label: 'Vertebral fractures',
    description: 'Each vertebral fracture, past or present; an empty list means none.',
    document: 'any vertebral fractures (when, where, fragility)',
  }),
  /** Trauma at a planned level. */
  traumaAtPlannedLevel: fact(z.boolean(), {
    group: 'history',
    label: 'Trauma at a planned level',
    description: 'Trauma affecting a vertebral body planned for ablation.',
    document: 'whether there was trauma at a planned level',
  }),
  /** Malignancy in the spine. */
  spinalMalignancy: fact(z.boolean(), {
    group: 'history',
    label: 'Spinal malignancy',
    description: 'Primary or metastatic cancer in the spine.',
    document: 'whether there is spinal malignancy',
  }),
  /** Active systemic infection. */
  systemicInfection: fact(z.boolean(), {
    group: 'history',
    label: 'Active systemic infection',
    description: 'An active systemic infection.',
    document: 'whether there is an active systemic infection',
  }),
  /** Active infection in the spine and where. */
  spineInfection: fact(z.enum(['none', 'at-planned-level', 'elsewhere-in-spine']), {
    group: 'history',
    label: 'Spine infection',
    description: 'Active spinal infection: none, at a planned level, or elsewhere in the spine.',
    document: 'whether there is an active spine infection, and where',
  }),
  /** Bleeding diathesis. */
  bleedingDiathesis: fact(z.boolean(), {
    group: 'history',
    label: 'Bleeding diathesis',
    description: 'A bleeding disorder or uncorrected coagulopathy.',
    document: 'whether there is a bleeding diathesis',
  }),
  /** Severe cardiac or pulmonary disease or compromise. */
  severeCardiopulmonaryDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Severe cardiac or pulmonary disease',
    description: 'Severe cardiac or pulmonary disease or compromise.',
    document: 'whether there is severe cardiac or pulmonary disease',
  }),
  /** Advanced generalised systemic disease limiting quality-of-life gains. */
  advancedSystemicDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Advanced systemic disease',
    description: 'Advanced generalised systemic disease that limits quality-of-life improvements.',
    document: 'whether there is advanced systemic disease',
  }),
  /** A statement of the objective of treatment is recorded. */
  treatmentObjectiveStated: fact(z.boolean(), {
    group: 'history',
    label: 'Objective of treatment stated',
    description:
      'The chart states the objective of treatment (relevant when advanced systemic disease is present).',
    document: 'a statement of the objective of treatment',
  }),
  /** Substance use disorder status. */
  substanceUseDisorder: fact(
    z.enum(['none', 'active-untreated', 'active-treated', 'in-remission']),
    {
      group: 'history',
      label: 'Substance use disorder',
      description: 'None, active and untreated, active under treatment, or in remission.',
      document: 'whether there is a substance use disorder, and whether it is treated',
    },
  ),
  /** A major psychiatric disease is diagnosed. */
  majorPsychiatricDisease: fact(z.boolean(), {
    group: 'history',
    label: 'Major psychiatric disease',
    description: 'A major psychiatric disease is diagnosed.',
    document: 'whether there is major psychiatric disease',
  }),
  /** The psychiatric disease is poorly controlled. */
  psychiatricPoorlyControlled: fact(z.boolean(), {
    group: 'history',
    label: 'Psychiatric disease poorly controlled',
    description: 'The psychiatric disease is poorly controlled.',
    document: 'whether the psychiatric disease is well controlled',
  }),
  /** The psychiatric disease is suspected to contribute substantially to the back pain. */
  psychiatricContributionSuspected: fact(z.boolean(), {
    group: 'history',
    label: 'Psychiatric contribution suspected',
    description: 'The psychiatric disease is suspected to be a major contributor to the back pain.',
    document: 'whether the psychiatric disease is suspected to drive the back pain',
  }),
  /** A behavioural health assessment (formal or informal), with its risk-reduction details, is recorded. */
  behavioralHealthAssessment: fact(z.boolean(), {
    group: 'history',
    label: 'Behavioural health assessment recorded',
    description:
      'A formal or informal behavioural health assessment for risk factors of a poor outcome is recorded in the chart, with details or resources on interventions to reduce those risks.',
    document:
      'a behavioural health assessment (formal or informal) in the chart, with details or resources on interventions to reduce the risks it finds',
  }),
  /** Bedbound. */
  bedbound: fact(z.boolean(), {
    group: 'history',
    label: 'Bedbound',
    description: 'The patient is bedbound.',
    document: 'whether the patient is bedbound',
  }),
  /** A neurologic condition prevents early mobility. */
  neurologicMobilityLimit: fact(z.boolean(), {
    group: 'history',
    label: 'Neurologic condition limiting mobility',
    description: 'A neurologic condition prevents early mobilisation after the procedure.',
    document: 'whether a neurologic condition prevents early mobility',
  }),
  /** An implanted pulse generator or other electronic implant. */
  implantedDevice: fact(z.boolean(), {
    group: 'history',
    label: 'Implanted electronic device',
    description: 'A pacemaker, defibrillator, neurostimulator or other electronic implant.',
    document: 'whether there is an implanted electronic device',
  }),
  /** Safety precautions for the implant are documented. */
  devicePrecautionsDocumented: fact(z.boolean(), {
    group: 'history',
    label: 'Device precautions documented',
    description:
      'Specific precautions to keep the implanted device safe during ablation are documented.',
    document: 'the precautions planned for the implanted device',
  }),

  // Trial and guideline selection (read only by the trials' and guidelines' criteria sets)
  /** Back pain intensity on a 10 cm visual analogue scale. */
  vasBackPain: fact(measure(0, 10), {
    group: 'evidence',
    label: 'Back pain on a visual analogue scale (VAS)',
    unit: 'cm',
    description:
      'Back pain intensity marked on a 10 cm visual analogue scale, 0 (no pain) to 10 cm (worst imaginable).',
    document: 'the back pain score on a 10 cm visual analogue scale',
  }),
  /** Number of Waddell's non-organic signs present (of the five categories). */
  waddellSigns: fact(count(5), {
    group: 'evidence',
    label: 'Waddell’s non-organic signs',
    unit: 'signs',
    description:
      'How many of the five categories of Waddell’s non-organic (behavioural) signs were positive on examination, 0 to 5.',
    document: 'how many Waddell’s non-organic signs were positive',
  }),
  /** Beck Depression Inventory total score. */
  beckDepressionInventory: fact(count(63), {
    group: 'evidence',
    label: 'Beck Depression Inventory (BDI)',
    unit: 'points',
    description: 'Total score on the Beck Depression Inventory, 0 to 63.',
    document: 'the Beck Depression Inventory score',
  }),
  /** Involved in litigation related to the back pain or an injury. */
  backPainLitigation: fact(z.boolean(), {
    group: 'evidence',
    label: 'Litigation about the back pain or an injury',
    description: 'The patient is involved in litigation related to the back pain or to an injury.',
    document: 'whether the patient is involved in litigation about the back pain or an injury',
  }),
  /** Receiving disability or injury compensation (e.g. workers' compensation) for the back pain. */
  injuryCompensation: fact(z.boolean(), {
    group: 'evidence',
    label: 'Disability or injury compensation',
    description:
      'The patient receives disability or injury compensation (for example workers’ compensation) related to the back pain.',
    document: 'whether the patient receives disability or injury compensation',
  }),
  /** Currently taking extended-release opioids. */
  extendedReleaseOpioids: fact(z.boolean(), {
    group: 'evidence',
    label: 'Extended-release opioids',
    description: 'The patient currently takes extended-release opioid (narcotic) medication.',
    document: 'whether the patient currently takes extended-release opioids',
  }),
  /** Addiction behaviours are documented. */
  opioidAddictionBehaviors: fact(z.boolean(), {
    group: 'evidence',
    label: 'Addiction behaviours documented',
    description: 'The chart documents addiction behaviours (for example with opioid medication).',
    document: 'whether addiction behaviours are documented',
  }),
  /** Number of levels with Modic type 1 or 2 changes, as the radiology report counts them. */
  modicLevelCount: fact(count(12), {
    group: 'evidence',
    label: 'Levels with Modic type 1 or 2 changes',
    unit: 'levels',
    description:
      'How many spinal levels show Modic type 1 or 2 changes, as the radiology report counts levels.',
    document: 'how many levels show Modic type 1 or 2 changes',
  }),
  /** The levels with Modic changes are next to one another. */
  modicLevelsContiguous: fact(z.boolean(), {
    group: 'evidence',
    label: 'Modic levels contiguous',
    description:
      'The levels with Modic type 1 or 2 changes are contiguous (next to one another, with no unaffected level between).',
    document: 'whether the levels with Modic changes are contiguous',
  }),

  // Health plan
  /** Name of the member's health plan, as free text (shown back, never interpreted). */
  healthPlan: fact(z.string().check(z.minLength(1), z.maxLength(80)), {
    group: 'plan',
    label: 'Health plan',
    description: 'Name of the member’s health plan, as written on the card.',
    document: 'the member’s health plan',
  }),
  /** The member's product line. */
  productLine: fact(z.enum(productLines), {
    group: 'plan',
    label: 'Product line',
    description:
      'Commercial, Qualified Health Plan, Medicaid (e.g. MassHealth), Medicare Advantage, a Medicare–Medicaid plan (e.g. OneCare, SCO) or Original Medicare.',
    document: 'the member’s product line',
  }),
  /** State where the care is received (decides which Medicare contractor's LCD applies). */
  state: fact(z.enum(stateCodes), {
    group: 'plan',
    label: 'State of care',
    description:
      'Two-letter code of the state where the procedure is done; it decides which Medicare contractor’s LCD applies.',
    document: 'the state where the procedure will be done',
  }),
} as const;

export type FactKey = keyof typeof facts;
export type ItemKind = keyof typeof itemFields;
