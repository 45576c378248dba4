import type { PersonInput } from '../../src/features/persons/index.ts';

/** A resident as the registry takes it, every optional field empty: a test names only what it asserts. */
export function personInput(
  p: Pick<PersonInput, 'fullName' | 'birthYear'> & Partial<PersonInput>,
): PersonInput {
  return {
    birthDate: null,
    sex: null,
    nationalId: null,
    phone: null,
    villageId: null,
    address: null,
    householdHead: null,
    relationToHead: null,
    occupation: null,
    priorityGroups: [],
    status: 'resident',
    note: null,
    ...p,
  };
}
