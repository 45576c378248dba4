import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personInScope } from '../persons/index.ts';
import { applyCounts } from './counts-store.ts';
import { roundOf } from './pools-store.ts';
import { lifeDateProblems } from './rules/case-input.ts';
import { testCounts } from './rules/day-counts.ts';

export interface TestInput {
  /** A registered person's test, or an anonymous one counted in the commune (a mass-testing round's pool). */
  personId?: number | null;
  commune: string;
  kind: string;
  sampleDate: string;
  result: string;
  place?: string | null;
  takenBy?: string | null;
  /** The mass-testing round the test belongs to (of the same commune). */
  roundId?: number | null;
}

/** Records a test and counts it in the commune's day (tests done, positive). */
export async function recordTest(db: Db, scope: Scope, input: TestInput, today: string) {
  const person = input.personId ? await personInScope(db, scope, input.personId) : null;
  const commune = await unitInScope(db, scope, person?.communeCode ?? input.commune);
  if (commune.level !== 3) {
    const message = { vi: 'Chọn một xã, phường, thị trấn.', en: 'Choose a commune.' };
    throw badRequest(message, [{ field: 'commune', message }]);
  }
  const problems = lifeDateProblems('sampleDate', input.sampleDate, {
    today,
    birth: person?.birthDate ?? null,
  });
  if (problems.length) throw badRequest(problems[0]!.message, problems);
  const roundId = await roundOf(db, commune.code, input.roundId);
  const tree = await unitTree(db);
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const row = {
        province_code: commune.province_code!,
        district_code: commune.district_code!,
        commune_code: commune.code,
        person_id: person?.id ?? null,
        kind: input.kind,
        sample_date: input.sampleDate,
        result: input.result,
        place: input.place ?? null,
        taken_by: input.takenBy ?? null,
        round_id: roundId,
        created_at: new Date().toISOString(),
      };
      const { id } = await trx
        .insertInto('covid_tests')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      await applyCounts(trx, tree, testCounts(row));
      return { id: Number(id), ...row };
    },
    (t) => ({ action: 'create', entity: 'covid_test', entityId: t.id, unitCode: t.commune_code }),
  );
}
