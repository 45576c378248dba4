import type { AuditMessages } from './messages.vi.ts';

/** The audit log: English texts, typed by the Vietnamese ones (a missing or extra key fails typecheck). */
export const auditEn: AuditMessages = {
  audit: {
    title: 'Audit log',
    username: 'Username',
    action: 'Action',
    allActions: 'All',
    entity: 'Entity',
    from: 'From',
    to: 'To',
    filter: 'Filter',
    clear: 'Clear filters',
    time: 'Time',
    user: 'User',
    unit: 'Unit',
    ip: 'IP address',
    details: 'Details',
    none: 'No entries.',
    total: '{{n}} entries in all',
    page: 'Page {{page}} of {{pages}}',
    prev: '‹ Previous',
    next: 'Next ›',
    badDate: 'Not a valid date. Use dd/mm/yyyy, e.g. 23/11/2021.',
    datePlaceholder: 'dd/mm/yyyy',
    pagination: 'Pagination',
    actions: {
      create: 'Create',
      update: 'Update',
      delete: 'Delete',
      read: 'Read',
      login: 'Log in',
      logout: 'Log out',
      login_failed: 'Failed login',
    },
  },
};
