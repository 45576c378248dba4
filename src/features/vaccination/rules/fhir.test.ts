import { describe, expect, it } from 'vitest';
import { CVX_SYSTEM, fhirBundle, NATIONAL_ID_SYSTEM, patientUrl } from './fhir.ts';

/** Structural checks of the FHIR R4 export: Bundle, entries, Patient and Immunization as the spec requires. */
function expectFhirBundle(bundle: {
  resourceType: string;
  type: string;
  entry: { fullUrl: string; resource: Record<string, unknown> }[];
}) {
  expect(bundle.resourceType).toBe('Bundle');
  expect(['collection', 'transaction']).toContain(bundle.type);
  const urls = new Set(bundle.entry.map((e) => e.fullUrl));
  expect(urls.size).toBe(bundle.entry.length);
  for (const e of bundle.entry) {
    expect(e.fullUrl).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(['Patient', 'Immunization']).toContain(e.resource.resourceType);
  }
  for (const { resource } of bundle.entry.filter((e) => e.resource.resourceType === 'Immunization')) {
    expect(resource.status).toBe('completed');
    expect(urls.has((resource.patient as { reference: string }).reference)).toBe(true);
    expect(resource.vaccineCode).toMatchObject({
      coding: [{ system: CVX_SYSTEM, code: expect.stringMatching(/^\d+$/) }],
    });
    expect(resource.occurrenceDateTime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

describe('FHIR R4 bundle', () => {
  const bundle = fhirBundle(
    [
      {
        id: 7,
        fullName: 'Hoàng Văn Nam',
        birthDate: '1980-04-12',
        birthYear: 1980,
        sex: 'male',
        nationalId: '020080001111',
        phone: '0912345678',
        village: 'Thôn Nà Hoa',
        commune: 'Xã Yên Thịnh',
        district: 'Huyện Hữu Lũng',
        province: 'Tỉnh Lạng Sơn',
      },
    ],
    [
      {
        id: 1,
        personId: 7,
        vaccine: 'astrazeneca',
        kind: 'primary',
        number: 1,
        date: '2021-07-15',
        lot: 'ABV5432',
        site: 'TYT',
      },
      {
        id: 2,
        personId: 7,
        vaccine: 'pfizer',
        kind: 'booster',
        number: 1,
        date: '2022-01-12',
        lot: null,
        site: null,
      },
    ],
    '2022-01-15T00:00:00.000Z',
  );

  it('is a collection of Patients and their completed Immunizations, linked by urn:uuid', () => {
    expectFhirBundle(bundle);
    expect(bundle.entry).toHaveLength(3);
    expect(bundle.entry[0]!.resource).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ system: NATIONAL_ID_SYSTEM, value: '020080001111' }],
      name: [{ family: 'Hoàng', given: ['Văn', 'Nam'] }],
      gender: 'male',
      birthDate: '1980-04-12',
      address: [{ city: 'Xã Yên Thịnh', country: 'VN' }],
    });
    expect(bundle.entry[1]!.resource).toMatchObject({
      patient: { reference: patientUrl(7) },
      vaccineCode: { coding: [{ code: '210' }] },
      lotNumber: 'ABV5432',
      protocolApplied: [{ series: 'Cơ bản', doseNumberPositiveInt: 1 }],
    });
    expect(bundle.entry[2]!.resource).not.toHaveProperty('lotNumber');
  });

  it('gives the same identifiers to the same records', () => {
    const again = fhirBundle(
      [],
      [
        {
          id: 2,
          personId: 7,
          vaccine: 'pfizer',
          kind: 'booster',
          number: 1,
          date: '2022-01-12',
          lot: null,
          site: null,
        },
      ],
      'x',
    );
    expect(again.entry[0]!.fullUrl).toBe(bundle.entry[2]!.fullUrl);
  });
});
