/**
 * What each fact and list-item field means, one sentence each: the form's help text and the JSON
 * Schema's descriptions. Kept beside the catalogue (catalog.ts) rather than in it because only
 * build-time code needs it; the browser checker loads the catalogue without these sentences.
 * The types make a fact without a description, or a description without a fact, a compile error.
 */
import type { FactKey, ItemKind, itemFields } from './catalog.ts';

/** What each fact means. */
export const factDescriptions: { [K in FactKey]: string } = {
  ageYears: 'Age in whole years on the date of the request.',
  skeletallyMature:
    'The patient is skeletally mature (growth complete), as documented by the clinician.',
  pregnant: 'The patient is currently pregnant.',
  bmi: 'Body mass index in kg/m².',
  painDurationMonths: 'How long the chronic low back pain has lasted, in months.',
  painSeverity: 'Pain severity as categorised by the treating clinician.',
  functionalDeficit:
    'The pain causes a documented functional deficit (difficulty with physical tasks or daily life).',
  odi: 'Oswestry Disability Index, 0 (no disability) to 100.',
  predominantPain:
    'The primary symptom: axial low back pain, radicular pain, or neurogenic claudication.',
  painDistribution:
    'How the pain divides between back and leg in the chart’s words (e.g. 70 % back, 30 % leg). Shown in the packet; no policy reads it.',
  radicularPain:
    'Any radicular pain or radiculopathy (pain in the distribution of a spinal nerve), predominant or not.',
  neurogenicClaudication: 'Neurogenic claudication is present.',
  conservativeCareWeeks: 'How long documented non-surgical management has gone on, in weeks.',
  activityModification:
    'Avoidance of activities that aggravate the pain. Tried, medically contraindicated, or not tried.',
  physicalTherapy:
    'Physical therapy or a professionally directed therapeutic exercise programme. Tried, medically contraindicated, or not tried.',
  coreStabilization:
    'An exercise programme that includes core stabilisation. Tried, medically contraindicated, or not tried.',
  chiropractic: 'Chiropractic manipulation. Tried, medically contraindicated, or not tried.',
  cognitiveTherapy:
    'Cognitive therapy, including cognitive behavioural therapy. Tried, medically contraindicated, or not tried.',
  cognitiveTherapySessions: 'Number of cognitive behavioural therapy sessions attended.',
  pharmacotherapy:
    'Analgesics (narcotic or not), muscle relaxants, neuroleptics or anti-inflammatory drugs. Tried, medically contraindicated, or not tried.',
  injections:
    'Epidural or facet joint injections for pain sources in the region of concern. Tried, medically contraindicated, or not tried.',
  otherConservativeCare:
    'Other treatments the chart names (e.g. massage, acupuncture), in its words. Shown in the packet; no policy counts them.',
  significantImprovement:
    'Non-surgical management produced a significant improvement in pain or disability.',
  mriReport: 'A lumbar MRI with a radiologist’s written interpretation is in the chart.',
  modicChanges: 'Each endplate with a Modic change on MRI; an empty list means none.',
  discFindings: 'Each disc bulge, protrusion or extrusion; an empty list means none.',
  spondylolisthesis: 'Each spondylolisthesis with its slip in mm; an empty list means none.',
  spondylolysis: 'Each level with spondylolysis; an empty list means none.',
  facetArthropathy: 'Each segment with facet arthrosis or effusion; an empty list means none.',
  symptomaticStenosis:
    'Spinal stenosis confirmed on imaging that produces symptoms such as neurogenic claudication.',
  otherObviousEtiology:
    'Imaging suggests another obvious cause of the low back pain (e.g. instability, herniation, degenerative scoliosis).',
  otherVertebralPathology:
    'Other vertebral pathology (fracture, tumour, infection, deformity, trauma, post-surgical change) that could cause the symptoms or complicate the procedure.',
  nonVertebrogenicSource:
    'Clinical assessment or imaging identifies a non-vertebrogenic pathology that could explain the pain.',
  plannedLevels: 'Each vertebral body planned for ablation in this procedure.',
  concurrentProcedures:
    'Another procedure (injection, nerve block, other ablation, surgery) is planned in the same session.',
  anesthesia:
    'Local anaesthesia, local with mild sedation, moderate sedation, or general anaesthesia.',
  anesthesiaNecessityDocumented:
    'The chart documents why anaesthesia beyond local with mild sedation is medically necessary.',
  priorLumbarSurgery: 'Each prior lumbar or lumbosacral operation; an empty list means none.',
  osteoporosis: 'Osteoporosis has been diagnosed.',
  tScore: 'Lowest bone-density T-score on DEXA, in standard deviations.',
  metabolicBoneDisease:
    'A metabolic bone disease (e.g. osteomalacia, Paget’s disease) is diagnosed.',
  vertebralFractures: 'Each vertebral fracture, past or present; an empty list means none.',
  traumaAtPlannedLevel: 'Trauma affecting a vertebral body planned for ablation.',
  spinalMalignancy: 'Primary or metastatic cancer in the spine.',
  systemicInfection: 'An active systemic infection.',
  spineInfection: 'Active spinal infection: none, at a planned level, or elsewhere in the spine.',
  bleedingDiathesis: 'A bleeding disorder or uncorrected coagulopathy.',
  severeCardiopulmonaryDisease: 'Severe cardiac or pulmonary disease or compromise.',
  advancedSystemicDisease:
    'Advanced generalised systemic disease that limits quality-of-life improvements.',
  treatmentObjectiveStated:
    'The chart states the objective of treatment (relevant when advanced systemic disease is present).',
  substanceUseDisorder: 'None, active and untreated, active under treatment, or in remission.',
  majorPsychiatricDisease: 'A major psychiatric disease is diagnosed.',
  psychiatricPoorlyControlled: 'The psychiatric disease is poorly controlled.',
  psychiatricContributionSuspected:
    'The psychiatric disease is suspected to be a major contributor to the back pain.',
  behavioralHealthAssessment:
    'A formal or informal behavioural health assessment for risk factors of a poor outcome is recorded in the chart, with details or resources on interventions to reduce those risks.',
  bedbound: 'The patient is bedbound.',
  neurologicMobilityLimit:
    'A neurologic condition prevents early mobilisation after the procedure.',
  implantedDevice: 'A pacemaker, defibrillator, neurostimulator or other electronic implant.',
  devicePrecautionsDocumented:
    'Specific precautions to keep the implanted device safe during ablation are documented.',
  healthPlan: 'Name of the member’s health plan, as written on the card.',
  productLine:
    'Commercial, Qualified Health Plan, Medicaid (e.g. MassHealth), Medicare Advantage, a Medicare–Medicaid plan (e.g. OneCare, SCO) or Original Medicare.',
  state:
    'Two-letter code of the state where the procedure is done; it decides which Medicare contractor’s LCD applies.',
  vasBackPain:
    'Back pain intensity marked on a 10 cm visual analogue scale, 0 (no pain) to 10 cm (worst imaginable).',
  waddellSigns:
    'How many of the five categories of Waddell’s non-organic (behavioural) signs were positive on examination, 0 to 5.',
  beckDepressionInventory: 'Total score on the Beck Depression Inventory, 0 to 63.',
  backPainLitigation:
    'The patient is involved in litigation related to the back pain or to an injury.',
  injuryCompensation:
    'The patient receives disability or injury compensation (for example workers’ compensation) related to the back pain.',
  extendedReleaseOpioids:
    'The patient currently takes extended-release opioid (narcotic) medication.',
  opioidAddictionBehaviors:
    'The chart documents addiction behaviours (for example with opioid medication).',
  modicLevelCount:
    'How many spinal levels show Modic type 1 or 2 changes, as the radiology report counts levels.',
  modicLevelsContiguous:
    'The levels with Modic type 1 or 2 changes are contiguous (next to one another, with no unaffected level between).',
};

/** What each field of a list item means. */
export const itemFieldDescriptions: {
  [K in ItemKind]: Record<keyof (typeof itemFields)[K], string>;
} = {
  modicChange: {
    level: 'Vertebral body whose endplate shows the Modic change.',
    endplate: 'Superior or inferior endplate of that vertebral body.',
    type: 'Modic type 1 (oedema, inflammation), 2 (fatty marrow replacement) or 3 (sclerosis), per the radiology report.',
  },
  discFinding: {
    level: 'Disc level of the bulge, protrusion or extrusion.',
    kind: 'Bulge, protrusion or extrusion, as the report calls it.',
    sizeMm: 'Size of the disc finding in millimetres.',
    correlates:
      'The treating clinician documents that this finding correlates with the predominant physical complaint.',
  },
  spondylolisthesis: {
    level: 'The vertebra that has slipped relative to the one below.',
    mm: 'Translation of the vertebra in millimetres.',
    correlates:
      'The treating clinician documents that the slip correlates with the predominant physical complaint.',
  },
  spondylolysis: {
    level: 'Vertebra with the pars interarticularis defect.',
    correlates:
      'The treating clinician documents that the defect correlates with the predominant physical complaint.',
  },
  facetArthropathy: {
    level: 'Motion segment of the affected facet joints.',
    facetMediatedPain:
      'Facet-mediated pain is documented at this segment (by examination or diagnostic block).',
    correlates:
      'The treating clinician documents that the facet finding correlates with the predominant physical complaint.',
  },
  plannedLevel: {
    level: 'A vertebral body planned for basivertebral nerve ablation.',
    ablatedBefore: 'The basivertebral nerve of this vertebral body has been ablated before.',
  },
  lumbarSurgery: {
    type: 'Kind of prior lumbar or lumbosacral operation.',
    atPlannedLevel: 'The operated segment includes a vertebral body planned for ablation.',
    monthsAgo: 'Months between the operation and the planned ablation.',
    radicularPainResolved: 'Radicular pain present before the operation has resolved.',
  },
  vertebralFracture: {
    atPlannedLevel: 'The fractured vertebral body is one planned for ablation.',
    monthsAgo: 'Months since the fracture.',
    fragility: 'A low-energy (fragility) fracture rather than a traumatic one.',
  },
};
