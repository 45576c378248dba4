import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { type PermissionsOf, permissionChecker } from '../core/permissions.ts';
import type { currentUser, Role, userResponse } from '../features/auth/web/index.ts';
import { api } from './api.ts';
import { webFeatures } from './features.ts';

/** Every right the features declare, as the web knows them (the server reads the same tables). */
export type Permission = PermissionsOf<(typeof webFeatures)[number]>;
// Built on first use: feature pages import this module, and the feature list imports them (a module cycle).
let rights: ReturnType<typeof permissionChecker<Permission>> | null = null;
/** What the user may do: pages hide what the server would refuse. */
export function can(role: Role, permission: Permission): boolean {
  rights ??= permissionChecker<Permission>(webFeatures.map((f) => f.permissions));
  return rights.can(role, permission);
}

/** The logged-in user, as GET /api/auth/me and POST /api/auth/login return it. */
export type CurrentUser = z.infer<typeof currentUser>;
export type UserResponse = z.infer<typeof userResponse>;

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => api<UserResponse>('GET', '/api/auth/me').then((r) => r.user),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Inside the app shell the user is loaded; pages can rely on it. */
export function useCurrentUser(): CurrentUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the logged-in shell');
  return data;
}

/** Roles that may add, edit and delete villages and organizations (permission units.write). */
export const canEditUnits = (role: Role) => can(role, 'units.write');

export const homePath = (user: Pick<CurrentUser, 'unitCode'>) => `/areas/${user.unitCode}`;
