/** The actions of the audit log: one list for the rules, the route's schema and the web's filter. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'read',
  'login',
  'logout',
  'login_failed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
