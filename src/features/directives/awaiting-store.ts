/** The issuing unit's "awaiting acceptance" list: tasks it gave that were reported done, with the last report. */
import { vietnamToday } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { unitInScope, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { documentSummaryJson, SUMMARY_FIELDS, taskJson } from './json.ts';
import { fileInfo } from './stored-files.ts';

export interface AwaitingFilter {
  unitCode: string;
  limit: number;
  offset: number;
}

/** Oldest report first: the unit that waited longest is answered first. */
export async function awaitingAcceptance(db: Db, scope: Scope, f: AwaitingFilter, day = vietnamToday()) {
  const unit = await unitInScope(db, scope, f.unitCode);
  const q = db.db
    .selectFrom('tasks')
    .where('issuer_unit_code', '=', unit.code)
    .where('state', '=', 'reportedDone');
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('state_changed_at')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const documentIds = [...new Set(rows.flatMap((r) => (r.document_id === null ? [] : [r.document_id])))];
  const [documents, reports] = await Promise.all([
    documentIds.length
      ? db.db
          .selectFrom('documents')
          .select([...SUMMARY_FIELDS])
          .where('id', 'in', documentIds)
          .execute()
      : [],
    ids.length
      ? db.db
          .selectFrom('progress_reports')
          .leftJoin('users', 'users.id', 'progress_reports.user_id')
          .select([
            'progress_reports.id',
            'task_id',
            'text',
            'percent',
            'attachment_file_id',
            'users.display_name as by',
            'at',
          ])
          .where('task_id', 'in', ids)
          .orderBy('progress_reports.id')
          .execute()
      : [],
  ]);
  const lastReport = new Map(reports.map((r) => [r.task_id, r]));
  const files = new Map(
    (
      await fileInfo(
        db,
        [...lastReport.values()].flatMap((r) => r.attachment_file_id ?? []),
      )
    ).map((x) => [x.id, { name: x.name, mediaType: x.media_type, size: x.size }]),
  );
  const byId = new Map(documents.map((d) => [d.id, documentSummaryJson(d)]));
  const tree = await unitTree(db);
  return {
    total: Number(total),
    tasks: rows.map((r) => {
      const report = lastReport.get(r.id);
      return {
        ...taskJson(r, day, (c) => tree.get(c)?.name_with_type),
        document: r.document_id === null ? null : (byId.get(r.document_id) ?? null),
        lastReport: report
          ? {
              id: report.id,
              text: report.text,
              percent: report.percent,
              attachment: report.attachment_file_id ? (files.get(report.attachment_file_id) ?? null) : null,
              by: report.by,
              at: report.at,
            }
          : null,
      };
    }),
  };
}
