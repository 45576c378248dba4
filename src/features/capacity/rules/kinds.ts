/** Kinds of treatment places (glossary: cơ sở thu dung, điều trị `treatmentFacility`; bệnh viện). Pure. */
export const FACILITY_KINDS = ['treatmentFacility', 'hospital'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
