/**
 * FHIR R4 export of a unit's vaccinations: a Bundle of type "collection" holding a Patient per person and an
 * Immunization per dose (status "completed", vaccine coded in CVX). Entries refer to each other by urn:uuid
 * full URLs derived from our ids, so an export of the same data is the same file.
 */
import { createHash } from 'node:crypto';
import type { DoseKind } from './dose-series.ts';
import { VACCINES, type VaccineId } from './vaccines.ts';

export const CVX_SYSTEM = 'http://hl7.org/fhir/sid/cvx';
/** No official system URI was found for the CCCD/CMND: a SafeAdapt-local one, named as such. */
export const NATIONAL_ID_SYSTEM = 'urn:safeadapt:identifier:vn-national-id';

export interface FhirPersonInput {
  id: number;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: string | null;
  nationalId: string | null;
  phone: string | null;
  village: string | null;
  commune: string;
  district: string;
  province: string;
}

export interface FhirDoseInput {
  id: number;
  personId: number;
  vaccine: VaccineId;
  kind: DoseKind;
  number: number;
  date: string;
  lot: string | null;
  site: string | null;
}

const SERIES = { primary: 'Cơ bản', additional: 'Bổ sung', booster: 'Nhắc lại' } as const;

/** A stable UUID (version 5 layout) from a resource name. */
export function uuidOf(name: string): string {
  const h = createHash('sha1').update(`safeadapt:${name}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const patientUrl = (id: number) => `urn:uuid:${uuidOf(`Patient/${id}`)}`;

function patientResource(p: FhirPersonInput) {
  const words = p.fullName.split(' ');
  return {
    resourceType: 'Patient' as const,
    id: String(p.id),
    ...(p.nationalId ? { identifier: [{ system: NATIONAL_ID_SYSTEM, value: p.nationalId }] } : {}),
    name: [{ text: p.fullName, family: words[0], given: words.slice(1) }],
    gender: p.sex === 'male' ? 'male' : p.sex === 'female' ? 'female' : 'unknown',
    birthDate: p.birthDate ?? String(p.birthYear),
    ...(p.phone ? { telecom: [{ system: 'phone', value: p.phone, use: 'mobile' }] } : {}),
    address: [
      {
        ...(p.village ? { line: [p.village] } : {}),
        city: p.commune,
        district: p.district,
        state: p.province,
        country: 'VN',
      },
    ],
  };
}

function immunizationResource(d: FhirDoseInput) {
  const product = VACCINES[d.vaccine];
  return {
    resourceType: 'Immunization' as const,
    id: String(d.id),
    status: 'completed' as const,
    vaccineCode: {
      coding: [{ system: CVX_SYSTEM, code: product.cvx, display: product.name }],
      text: product.name,
    },
    patient: { reference: patientUrl(d.personId) },
    occurrenceDateTime: d.date,
    primarySource: false,
    ...(d.lot ? { lotNumber: d.lot } : {}),
    ...(d.site ? { location: { display: d.site } } : {}),
    protocolApplied: [{ series: SERIES[d.kind], doseNumberPositiveInt: d.number }],
  };
}

export function fhirBundle(persons: FhirPersonInput[], doses: FhirDoseInput[], timestamp: string) {
  return {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    timestamp,
    entry: [
      ...persons.map((p) => ({ fullUrl: patientUrl(p.id), resource: patientResource(p) })),
      ...doses.map((d) => ({
        fullUrl: `urn:uuid:${uuidOf(`Immunization/${d.id}`)}`,
        resource: immunizationResource(d),
      })),
    ],
  };
}
