/** Controlled vocabularies shared by patient facts and policy content. */

/** Vertebral bodies that can be planned for ablation or carry findings (outside L3–S1 so exclusions can be stated). */
export const vertebralLevels = ['T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2'] as const;
/** Disc (motion segment) levels, written upper-lower. */
export const discLevels = ['T11-T12', 'T12-L1', 'L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'] as const;
/** US states and territories, two-letter postal codes. */
export const stateCodes = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'AS', 'GU', 'MP', 'PR', 'VI',
] as const;

/** Product lines a plan can offer; shared with the policy schema so a fact and a policy line use one vocabulary. */
export const productLines = ['commercial', 'qhp', 'medicaid', 'medicare-advantage', 'medicare-medicaid', 'medicare-ffs'] as const;

