import type { Role } from '../auth/rules.ts';

export const auditPermissions = {
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
