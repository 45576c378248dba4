import type { Role } from '../auth/index.ts';

export const auditPermissions = {
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
