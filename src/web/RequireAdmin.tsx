import type { ReactNode } from 'react';
import { NoAccessPage } from './NoAccessPage.tsx';
import { useCurrentUser } from './session.ts';

/** Admin pages: other roles see the no-access page (the server refuses them too). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return useCurrentUser().role === 'admin' ? children : <NoAccessPage />;
}
