import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { can, type Role } from '../features/auth/rules.ts';
import type { currentUser, userResponse } from '../features/auth/schemas.ts';
import { api } from './api.ts';

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
