import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { unitInScope } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { noteProblem } from './rules/note.ts';
import './tables.ts';

/** The only code that touches the feature's tables: every function takes the caller's scope. */
export async function listNotes(db: Db, scope: Scope, communeCode: string) {
  await unitInScope(db, scope, communeCode);
  return db.db.selectFrom('example_notes').selectAll().where('commune_code', '=', communeCode).execute();
}

export async function addNote(db: Db, scope: Scope, communeCode: string, text: string) {
  const problem = noteProblem(text);
  if (problem) throw badRequest(problem, [{ field: 'text', message: problem }]);
  const unit = await unitInScope(db, scope, communeCode);
  return writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .insertInto('example_notes')
        .values({
          province_code: unit.province_code ?? unit.code,
          commune_code: unit.code,
          text,
          created_at: new Date().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    (note) => ({ action: 'create', entity: 'example_note', entityId: note.id, unitCode: unit.code }),
  );
}
