/** A unit's task report as an .xlsx workbook: the compliance summary, then every task assigned within it. */

import { vietnamDay, vietnamToday } from '../../core/dates.ts';
import { excel } from '../../core/spreadsheet.ts';
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../auth/index.ts';
import { assignedWithin, compliance } from './compliance-store.ts';
import { COMPLIANCE_LABELS, DOCUMENT_KIND_LABELS, TASK_STATE_LABELS } from './rules/labels.ts';
import type { DocumentKind } from './rules/parsed-document.ts';
import { COMPLIANCE_CLASSES, complianceOf, type TaskState } from './rules/task-lifecycle.ts';

type Lang = 'vi' | 'en';

const HEADINGS = {
  vi: {
    summary: 'Tổng hợp',
    tasks: 'Nhiệm vụ',
    unit: 'Đơn vị',
    total: 'Tổng số',
    document: 'Văn bản',
    date: 'Ngày văn bản',
    subject: 'Trích yếu',
    ordinal: 'Mục',
    text: 'Nội dung nhiệm vụ',
    assignee: 'Đơn vị thực hiện',
    deadline: 'Thời hạn',
    state: 'Trạng thái',
    compliance: 'Đánh giá',
    doneAt: 'Ngày báo cáo hoàn thành',
    returned: 'Lý do trả lại',
    number: 'số',
  },
  en: {
    summary: 'Summary',
    tasks: 'Tasks',
    unit: 'Unit',
    total: 'Total',
    document: 'Document',
    date: 'Document date',
    subject: 'Subject',
    ordinal: 'Item',
    text: 'Task',
    assignee: 'Assignee',
    deadline: 'Deadline',
    state: 'State',
    compliance: 'Compliance',
    doneAt: 'Reported done on',
    returned: 'Returned because',
    number: 'No.',
  },
} as const;

export async function taskReportXlsx(db: Db, scope: Scope, unitCode: string, lang: Lang): Promise<Buffer> {
  const today = vietnamToday();
  const summary = await compliance(db, scope, { unitCode }, today);
  const tasks = await assignedWithin(db, summary.unit.code)
    .leftJoin('documents', 'documents.id', 'tasks.document_id')
    .select([
      'documents.kind',
      'documents.number',
      'documents.symbol',
      'documents.date',
      'documents.subject',
      'tasks.ordinal',
      'tasks.text',
      'tasks.assignee_text',
      'admin_units.name_with_type',
      'tasks.deadline',
      'tasks.deadline_text',
      'tasks.state',
      'tasks.done_at',
      'tasks.returned_reason',
    ])
    .orderBy('tasks.document_id')
    .orderBy('tasks.id')
    .execute();
  const h = HEADINGS[lang];
  const book = new (excel().Workbook)();
  book.creator = 'SafeAdapt';

  const sheet = book.addWorksheet(h.summary);
  sheet.addRow([summary.unit.name, `${today}`]).font = { bold: true };
  sheet.addRow([h.unit, h.total, ...COMPLIANCE_CLASSES.map((c) => COMPLIANCE_LABELS[c][lang])]).font = {
    bold: true,
  };
  for (const row of [...summary.rows, { name: h.total, counts: summary.totals }])
    sheet.addRow([row.name, row.counts.total, ...COMPLIANCE_CLASSES.map((c) => row.counts[c])]);
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : 16;
  });

  const list = book.addWorksheet(h.tasks);
  const columns = [
    [h.document, 28],
    [h.date, 12],
    [h.subject, 40],
    [h.ordinal, 8],
    [h.text, 60],
    [h.assignee, 32],
    [h.deadline, 14],
    [h.state, 20],
    [h.compliance, 20],
    [h.doneAt, 14],
    [h.returned, 30],
  ] as const;
  list.columns = columns.map(([header, width]) => ({ header, width }));
  list.getRow(1).font = { bold: true };
  for (const t of tasks) {
    const state = t.state as TaskState;
    const kind = t.kind ? DOCUMENT_KIND_LABELS[t.kind as DocumentKind]?.[lang] : null;
    const number = [t.number, t.symbol].filter(Boolean).join('/');
    const row = list.addRow([
      kind ? `${kind} ${number ? `${h.number} ${number}` : ''}`.trim() : '',
      t.date ?? '',
      t.subject ?? '',
      t.ordinal,
      t.text,
      t.name_with_type === t.assignee_text ? t.assignee_text : `${t.assignee_text} (${t.name_with_type})`,
      t.deadline ?? t.deadline_text ?? '',
      TASK_STATE_LABELS[state][lang],
      COMPLIANCE_LABELS[complianceOf({ state, deadline: t.deadline, doneAt: t.done_at }, today)][lang],
      t.done_at ? vietnamDay(t.done_at) : '',
      t.returned_reason ?? '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
