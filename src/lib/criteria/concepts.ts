/**
 * Criterion concepts: the shared names that line up different policies' versions of one rule
 * (Cohere's "spondylolisthesis ≥ 2 mm" and MGB's "> 2 mm" are both `spondylolisthesis`).
 * The order here is the row order of the criteria matrix.
 */

export interface Concept {
  /** Id used as `concept:` in policy criteria. */
  id: string;
  /** Row label in the matrix. */
  label: string;
  /** Which part of a policy usually states it. */
  section: 'indication' | 'exclusion' | 'procedure';
}

export const concepts: readonly Concept[] = [
  { id: 'minimum-age', label: 'Minimum age', section: 'indication' },
  { id: 'pain-duration', label: 'Duration of low back pain', section: 'indication' },
  { id: 'pain-severity', label: 'Pain severity', section: 'indication' },
  { id: 'functional-deficit', label: 'Functional deficit', section: 'indication' },
  { id: 'conservative-care-duration', label: 'Conservative care: duration', section: 'indication' },
  {
    id: 'conservative-care-modalities',
    label: 'Conservative care: modalities',
    section: 'indication',
  },
  {
    id: 'conservative-care-failure',
    label: 'Conservative care: no significant improvement',
    section: 'indication',
  },
  { id: 'mri-report', label: 'MRI with radiologist’s report', section: 'indication' },
  { id: 'modic-changes', label: 'Modic changes', section: 'indication' },
  { id: 'treatment-levels', label: 'Levels that may be treated', section: 'procedure' },
  { id: 'bodies-per-procedure', label: 'Vertebral bodies per procedure', section: 'procedure' },
  { id: 'repeat-ablation', label: 'Repeat ablation of a vertebral body', section: 'procedure' },
  { id: 'anesthesia', label: 'Anaesthesia', section: 'procedure' },
  {
    id: 'concurrent-procedures',
    label: 'Other procedures in the same session',
    section: 'procedure',
  },
  { id: 'behavioral-health', label: 'Psychiatric and behavioural health', section: 'indication' },
  { id: 'other-vertebral-pathology', label: 'Other vertebral pathology', section: 'indication' },
  {
    id: 'non-vertebrogenic-source',
    label: 'Non-vertebrogenic source of pain',
    section: 'exclusion',
  },
  { id: 'other-obvious-etiology', label: 'Another obvious cause on imaging', section: 'exclusion' },
  {
    id: 'radicular-symptoms',
    label: 'Radicular pain and neurogenic claudication',
    section: 'exclusion',
  },
  { id: 'prior-surgery', label: 'Prior lumbar surgery', section: 'exclusion' },
  { id: 'disc-protrusion', label: 'Disc protrusion or extrusion', section: 'exclusion' },
  { id: 'spondylolisthesis', label: 'Spondylolisthesis', section: 'exclusion' },
  { id: 'spondylolysis', label: 'Spondylolysis', section: 'exclusion' },
  { id: 'facet-arthropathy', label: 'Facet arthropathy', section: 'exclusion' },
  { id: 'spinal-stenosis', label: 'Symptomatic spinal stenosis', section: 'exclusion' },
  { id: 'osteoporosis', label: 'Osteoporosis', section: 'exclusion' },
  { id: 'metabolic-bone-disease', label: 'Metabolic bone disease', section: 'exclusion' },
  { id: 'fragility-fracture', label: 'Spine fragility fracture', section: 'exclusion' },
  { id: 'vertebral-fracture', label: 'Vertebral fracture or trauma', section: 'exclusion' },
  { id: 'spinal-malignancy', label: 'Spinal malignancy', section: 'exclusion' },
  { id: 'infection', label: 'Infection', section: 'exclusion' },
  { id: 'bleeding-diathesis', label: 'Bleeding diathesis', section: 'exclusion' },
  {
    id: 'cardiopulmonary-disease',
    label: 'Severe cardiac or pulmonary disease',
    section: 'exclusion',
  },
  { id: 'systemic-disease', label: 'Advanced systemic disease', section: 'exclusion' },
  { id: 'substance-use', label: 'Substance use disorder', section: 'exclusion' },
  { id: 'mobility', label: 'Mobility', section: 'exclusion' },
  { id: 'pregnancy', label: 'Pregnancy', section: 'exclusion' },
  { id: 'bmi', label: 'Body mass index', section: 'exclusion' },
  { id: 'implanted-device', label: 'Implanted electronic device', section: 'exclusion' },
  {
    id: 'litigation-compensation',
    label: 'Litigation or injury compensation',
    section: 'exclusion',
  },
  { id: 'opioid-use', label: 'Extended-release opioids', section: 'exclusion' },
];

export const conceptById: ReadonlyMap<string, Concept> = new Map(concepts.map((c) => [c.id, c]));
