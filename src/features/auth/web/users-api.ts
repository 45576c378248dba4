import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import type { Role } from '../rules.ts';
import type { account, accountsResponse, createdAccountResponse } from '../schemas.ts';

export type Account = z.infer<typeof account>;
type Accounts = z.infer<typeof accountsResponse>;
type CreatedAccount = z.infer<typeof createdAccountResponse>;

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitCode: string;
  organizationId?: number | null;
}

export interface AccountChanges {
  disabled?: boolean;
  password?: string;
  role?: Role;
  displayName?: string;
}

export function useAccounts(filter: { unit: string; q: string }) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: () => api<Accounts>('GET', `/api/users${query(filter)}`).then((r) => r.users),
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAccount) => api<CreatedAccount>('POST', '/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: AccountChanges }) =>
      api<void>('PATCH', `/api/users/${id}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
