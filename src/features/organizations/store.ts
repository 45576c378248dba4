import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { forgetAreaDetails, unitInScope } from '../admin-units/store.ts';
import { appendAudit } from '../audit/store.ts';
import type { Scope } from '../auth/rules.ts';
import { defaultOrganizations, type OrganizationKind } from './rules.ts';

export interface OrganizationInput {
  name: string;
  kind: OrganizationKind;
  shortName?: string | null;
}

const organizationNotFound = () =>
  notFound({ vi: 'Không tìm thấy cơ quan, đơn vị.', en: 'Organization not found.' });

/** Creates the default organizations of the given units that have none yet (demo and `safeadapt seed`). */
export async function seedDefaultOrganizations(db: Db, unitCodes: string[]) {
  const units = await db.db.selectFrom('admin_units').selectAll().where('code', 'in', unitCodes).execute();
  const now = new Date().toISOString();
  await db.db.transaction().execute(async (trx) => {
    for (const unit of units) {
      const has = await trx
        .selectFrom('organizations')
        .select('id')
        .where('unit_code', '=', unit.code)
        .limit(1)
        .executeTakeFirst();
      if (has) continue;
      const rows = defaultOrganizations(unit).map((o) => ({
        ...o,
        unit_code: unit.code,
        province_code: unit.province_code ?? unit.code,
        created_at: now,
        updated_at: now,
      }));
      if (rows.length) await trx.insertInto('organizations').values(rows).execute();
    }
  });
}

export async function createOrganization(db: Db, scope: Scope, unitCode: string, input: OrganizationInput) {
  const unit = await unitInScope(db, scope, unitCode);
  const now = new Date().toISOString();
  const created = await db.db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organizations')
      .values({
        unit_code: unit.code,
        province_code: unit.province_code ?? unit.code,
        kind: input.kind,
        name: input.name,
        short_name: input.shortName ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db.engine, scope, [
      {
        action: 'create',
        entity: 'organization',
        entityId: org.id,
        unitCode: unit.code,
        details: { ...input },
      },
    ]);
    return org;
  });
  forgetAreaDetails(db, unit.code);
  return created;
}

export async function organizationInScope(db: Db, scope: Scope, id: number) {
  const org = await db.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw organizationNotFound();
  await unitInScope(db, scope, org.unit_code).catch((e) => {
    throw e.status === 403 ? organizationNotFound() : e;
  });
  return org;
}

export async function updateOrganization(
  db: Db,
  scope: Scope,
  id: number,
  input: Partial<OrganizationInput>,
) {
  const before = await organizationInScope(db, scope, id);
  const updated = await db.db.transaction().execute(async (trx) => {
    const org = await trx
      .updateTable('organizations')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db.engine, scope, [
      {
        action: 'update',
        entity: 'organization',
        entityId: id,
        unitCode: before.unit_code,
        details: { before, after: input },
      },
    ]);
    return org;
  });
  forgetAreaDetails(db, before.unit_code);
  return updated;
}

export async function deleteOrganization(db: Db, scope: Scope, id: number) {
  const before = await organizationInScope(db, scope, id);
  await db.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ organization_id: null }).where('organization_id', '=', id).execute();
    await trx.deleteFrom('organizations').where('id', '=', id).execute();
    await appendAudit(trx, db.engine, scope, [
      {
        action: 'delete',
        entity: 'organization',
        entityId: id,
        unitCode: before.unit_code,
        details: { before },
      },
    ]);
  });
  forgetAreaDetails(db, before.unit_code);
}
