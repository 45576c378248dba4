import type { Role } from './rules.ts';

export const authPermissions = {
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
