/** The document register: registering a reviewed letter (its tasks fanned out), reading and listing it. */

import { vietnamToday } from '../../core/dates.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { isWithin, unitInScope, unitTree } from '../admin-units/index.ts';
import { appendAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { duplicateError, duplicateKeys, findDuplicate, isUniqueViolation } from './duplicates-store.ts';
import { documentJson, documentSummaryJson, SUMMARY_FIELDS, taskJson } from './json.ts';
import { type CitedFields, citationMatches, registerKey } from './rules/document-links.ts';
import type { ParsedDocument } from './rules/parsed-document.ts';
import { type Direction, type Jurisdiction, type PlannedTask, planTasks } from './rules/task-assignees.ts';
import {
  type CheckedUpload,
  checkUpload,
  fileInfo,
  insertFile,
  readFile,
  type Upload,
} from './stored-files.ts';
import { taskVisible } from './task-access.ts';

/** A letter that fans out to every commune of a province makes a few thousand rows; more is a mistake. */
const MAX_TASK_ROWS = 5000;

export interface RegisterInput {
  unitCode: string;
  direction: Direction;
  /** The parsed document as the user reviewed and corrected it. */
  document: ParsedDocument;
  originalText?: string | null;
  originalFile?: Upload | null;
}

const documentNotFound = () => notFound({ vi: 'Không tìm thấy văn bản.', en: 'Document not found.' });

/** What registering would create, without saving: the task rows and the superior document found. */
export async function previewRegistration(db: Db, scope: Scope, input: RegisterInput) {
  const { plan, parent, duplicate } = await prepare(db, scope, input);
  return {
    duplicateOf: duplicate ? documentSummaryJson(duplicate) : null,
    parentDocument: parent ? documentSummaryJson(parent) : null,
    tasks: plan,
    unresolved: [...new Set(plan.flatMap(unresolvedNames))],
  };
}

/** Registers the letter and its tasks; the same letter registered before in the unit is refused (409). */
export async function registerDocument(db: Db, scope: Scope, input: RegisterInput) {
  const { unit, plan, parent, file, keys, duplicate } = await prepare(db, scope, input);
  if (duplicate) throw duplicateError(duplicate);
  const d = input.document;
  const now = new Date().toISOString();
  const provinceCode = unit.province_code ?? unit.code;
  const saving = db.db.transaction().execute(async (trx) => {
    const fileId = file
      ? await insertFile(trx, { unitCode: unit.code, provinceCode, userId: scope.userId }, file)
      : null;
    const doc = await trx
      .insertInto('documents')
      .values({
        province_code: provinceCode,
        unit_code: unit.code,
        direction: input.direction,
        kind: d.kind,
        number: d.number,
        symbol: d.symbol,
        register_key: registerKey(d.number, d.symbol),
        issuer: d.issuer,
        issuer_superior: d.issuerSuperior,
        place: d.place,
        date: d.date,
        date_partial: JSON.stringify(d.datePartial),
        subject: d.subject,
        addressees: JSON.stringify(d.addressees),
        references: JSON.stringify(d.references),
        distribution: JSON.stringify(d.distribution),
        authority: d.authority,
        signer_title: d.signerTitle,
        signer: d.signer,
        body: d.body,
        original_text: input.originalText ?? file?.text ?? null,
        original_file_id: fileId,
        parent_document_id: parent?.id ?? null,
        identity_key: keys.identityKey,
        text_key: keys.textKey,
        created_by: scope.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = plan.map((t) => ({
      province_code: provinceCode,
      issuer_unit_code: unit.code,
      document_id: doc.id,
      source_visit_id: null,
      ordinal: t.ordinal,
      text: t.text,
      lead_unit_text: t.leadUnit?.text ?? null,
      lead_unit_code: t.leadUnit?.unitCode ?? null,
      lead_organization_id: t.leadUnit?.organizationId ?? null,
      coordinating: JSON.stringify(t.coordinating),
      assignee_text: t.assignee.text,
      assignee_unit_code: t.assignee.unitCode,
      assignee_organization_id: t.assignee.organizationId,
      deadline: t.deadline,
      deadline_text: t.deadlineText,
      urgent: t.urgent ? 1 : 0,
      state: 'assigned',
      state_changed_at: now,
      done_at: null,
      returned_reason: null,
      created_at: now,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('tasks')
        .values(rows.slice(i, i + 200))
        .execute();
    await appendAudit(trx, db, scope, [
      {
        action: 'create',
        entity: 'document',
        entityId: doc.id,
        unitCode: unit.code,
        details: {
          direction: input.direction,
          number: d.number,
          symbol: d.symbol,
          subject: d.subject,
          tasks: rows.length,
          unresolved: plan.filter((t) => !t.assignee.resolved).length,
          parentDocumentId: parent?.id ?? null,
          originalFile: file ? { name: file.name, size: file.bytes.length } : null,
        },
      },
    ]);
    return doc.id;
  });
  // A second save racing the first passes the check above; the unique indexes stop it.
  const id = await saving.catch(async (error: unknown) => {
    if (isUniqueViolation(error)) throw duplicateError(await findDuplicate(db, unit.code, keys));
    throw error;
  });
  return documentView(db, scope, id);
}

async function prepare(db: Db, scope: Scope, input: RegisterInput) {
  const unit = await unitInScope(db, scope, input.unitCode);
  const file: CheckedUpload | null = input.originalFile
    ? checkUpload(input.originalFile, 'document', 'originalFile')
    : null;
  const d = input.document;
  const plan = planTasks(d.tasks, d.addressees, input.direction, await jurisdictionOf(db, unit));
  if (plan.length > MAX_TASK_ROWS) {
    const message = {
      vi: `Văn bản tạo ${plan.length} nhiệm vụ, quá giới hạn ${MAX_TASK_ROWS}. Hãy kiểm tra lại đơn vị nhận.`,
      en: `The document makes ${plan.length} tasks, over the limit of ${MAX_TASK_ROWS}. Check the units.`,
    };
    throw badRequest(message, [{ field: 'document.tasks', message }]);
  }
  const keys = duplicateKeys(d);
  const [parent, duplicate] = await Promise.all([
    findCitedDocument(db, unit, d.references),
    findDuplicate(db, unit.code, keys),
  ]);
  return { unit, plan, parent, file, keys, duplicate };
}

function unresolvedNames(t: PlannedTask): string[] {
  return [t.leadUnit, t.assignee, ...t.coordinating].flatMap((r) => (r && !r.resolved ? [r.text] : []));
}

/** The registering unit, every unit below it, and its organizations: what a name in its letter may mean. */
async function jurisdictionOf(db: Db, unit: AdminUnitTable): Promise<Jurisdiction> {
  const tree = await unitTree(db);
  const named = (u: AdminUnitTable) => ({
    code: u.code,
    name: u.name_with_type,
    plainName: u.name,
    level: u.level,
  });
  const below: AdminUnitTable[] = [];
  const walk = (code: string) => {
    for (const child of tree.children(code)) {
      below.push(child);
      walk(child.code);
    }
  };
  walk(unit.code);
  const organizations = await db.db
    .selectFrom('organizations')
    .select(['id', 'unit_code', 'name', 'short_name'])
    .where('unit_code', '=', unit.code)
    .execute();
  return {
    unit: named(unit),
    unitsBelow: below.map(named),
    organizations: organizations.map((o) => ({
      id: o.id,
      unitCode: o.unit_code,
      name: o.name,
      shortName: o.short_name,
    })),
  };
}

/**
 * The superior document this one implements: the first citation it answers (not one it only mentions) that
 * names a document registered by a unit above (its original) or by this unit (the copy it received), preferring the original.
 */
async function findCitedDocument(db: Db, unit: AdminUnitTable, references: ParsedDocument['references']) {
  for (const citation of references) {
    if (citation.relation === 'mentioned') continue;
    const found = await registeredDocument(db, unit, citation);
    if (found) return found;
  }
  return null;
}

/** The registered document a citation names, as the unit sees it: its original above, else its own copy. */
async function registeredDocument(db: Db, unit: AdminUnitTable, citation: CitedFields) {
  const key = registerKey(citation.number, citation.symbol);
  if (key === null) return undefined;
  const registrars = [unit.code, unit.district_code, unit.province_code, 'VN'].filter(
    (c): c is string => c !== null,
  );
  const found = await db.db
    .selectFrom('documents')
    .select([...SUMMARY_FIELDS])
    .where('register_key', '=', key)
    .where('unit_code', 'in', registrars)
    .orderBy('id')
    .execute();
  const matching = found.filter((d) => citationMatches(citation, d));
  return matching.find((d) => d.unit_code !== unit.code) ?? matching[0];
}

/** Each reference of a document that names a registered one (by its index in the references). */
async function citedDocuments(db: Db, unit: AdminUnitTable, references: readonly CitedFields[]) {
  const found = await Promise.all(references.map((r) => registeredDocument(db, unit, r)));
  return found.flatMap((d, reference) => (d ? [{ reference, document: documentSummaryJson(d) }] : []));
}

/**
 * A document is seen whole by its registering unit and the units above it; a unit it gave tasks to sees it
 * with its own tasks only. Anyone else gets 404.
 */
export async function documentInScope(db: Db, scope: Scope, id: number) {
  const doc = await db.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc) throw documentNotFound();
  const tree = await unitTree(db);
  const whole = isWithin(tree.get(doc.unit_code)!, scope.unitCode);
  const all = await db.db
    .selectFrom('tasks')
    .selectAll()
    .where('document_id', '=', id)
    .orderBy('id')
    .execute();
  const tasks = whole ? all : all.filter((t) => taskVisible(tree, t, scope.unitCode));
  if (!whole && tasks.length === 0) throw documentNotFound();
  return { doc, tasks, tree };
}

/** The document page: the letter, its original file, the document it implements, those implementing it, tasks. */
export async function documentView(db: Db, scope: Scope, id: number, today = vietnamToday()) {
  const { doc, tasks, tree } = await documentInScope(db, scope, id);
  const [parent, children, files] = await Promise.all([
    doc.parent_document_id === null
      ? undefined
      : db.db
          .selectFrom('documents')
          .select([...SUMMARY_FIELDS])
          .where('id', '=', doc.parent_document_id)
          .executeTakeFirst(),
    db.db
      .selectFrom('documents')
      .select([...SUMMARY_FIELDS])
      .where('parent_document_id', '=', id)
      .orderBy('id')
      .execute(),
    fileInfo(db, doc.original_file_id === null ? [] : [doc.original_file_id]),
  ]);
  const names = (code: string) => tree.get(code)?.name_with_type;
  const document = documentJson(doc);
  return {
    document,
    citedDocuments: await citedDocuments(db, tree.get(doc.unit_code)!, document.references),
    originalFile: files[0]
      ? { name: files[0].name, mediaType: files[0].media_type, size: files[0].size }
      : null,
    parentDocument: parent ? documentSummaryJson(parent) : null,
    implementingDocuments: children
      .filter((c) => isWithin(tree.get(c.unit_code)!, scope.unitCode))
      .map(documentSummaryJson),
    tasks: tasks.map((t) => taskJson(t, today, names)),
  };
}

export async function documentOriginalFile(db: Db, scope: Scope, id: number) {
  const { doc } = await documentInScope(db, scope, id);
  const file = doc.original_file_id === null ? undefined : await readFile(db, doc.original_file_id);
  if (!file) throw notFound({ vi: 'Văn bản không có tệp gốc.', en: 'The document has no original file.' });
  return file;
}

export interface DocumentFilter {
  unitCode: string;
  direction?: Direction;
  limit: number;
  offset: number;
}

/** A unit's register, newest first, with the number of tasks each document gave. */
export async function listDocuments(db: Db, scope: Scope, f: DocumentFilter) {
  await unitInScope(db, scope, f.unitCode);
  let q = db.db.selectFrom('documents').where('unit_code', '=', f.unitCode);
  if (f.direction) q = q.where('direction', '=', f.direction);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...SUMMARY_FIELDS])
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const counts = rows.length
    ? await db.db
        .selectFrom('tasks')
        .select(['document_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'document_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('document_id')
        .execute()
    : [];
  const byDocument = new Map(counts.map((c) => [c.document_id, Number(c.n)]));
  return {
    total: Number(total),
    documents: rows.map((r) => ({ ...documentSummaryJson(r), taskCount: byDocument.get(r.id) ?? 0 })),
  };
}
