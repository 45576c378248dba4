/** Names of directive terms for people (printed reports and exports); the web app has its own (web/messages.*.ts). */
import type { Message } from '../../../core/errors.ts';
import type { DocumentKind } from './parsed-document.ts';
import type { ComplianceClass, TaskState } from './task-lifecycle.ts';

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, Message> = {
  letter: { vi: 'Công văn', en: 'Letter' },
  telegram: { vi: 'Công điện', en: 'Telegram' },
  notice: { vi: 'Thông báo', en: 'Notice' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  resolution: { vi: 'Nghị quyết', en: 'Resolution' },
};

export const TASK_STATE_LABELS: Record<TaskState, Message> = {
  assigned: { vi: 'Mới giao', en: 'Assigned' },
  acknowledged: { vi: 'Đã tiếp nhận', en: 'Acknowledged' },
  inProgress: { vi: 'Đang thực hiện', en: 'In progress' },
  reportedDone: { vi: 'Đã báo cáo hoàn thành', en: 'Reported done' },
  accepted: { vi: 'Đã nghiệm thu', en: 'Accepted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  withdrawn: { vi: 'Đã thu hồi', en: 'Withdrawn' },
};

export const COMPLIANCE_LABELS: Record<ComplianceClass, Message> = {
  doneOnTime: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  doneLate: { vi: 'Hoàn thành trễ hạn', en: 'Done late' },
  inProgress: { vi: 'Đang thực hiện', en: 'In progress' },
  notStarted: { vi: 'Chưa thực hiện', en: 'Not started' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  withdrawn: { vi: 'Đã thu hồi', en: 'Withdrawn' },
};
