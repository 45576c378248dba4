import type { Db } from '../../db/connection.ts';
import type { Scope } from '../auth/index.ts';

/** What a handler is told of a case just confirmed (committed). */
export interface ConfirmedCase {
  id: number;
  person_id: number;
  commune_code: string;
  sample_date: string;
  confirmed_on: string;
}

export type CaseConfirmedHandler = (db: Db, scope: Scope, c: ConfirmedCase) => Promise<void>;

const handlers: CaseConfirmedHandler[] = [];

/** Other features react to a case confirmed through `createCase` (check-ins list its venue exposures). */
export function onCaseConfirmed(handler: CaseConfirmedHandler): () => void {
  handlers.push(handler);
  return () => {
    handlers.splice(handlers.indexOf(handler), 1);
  };
}

/** After the case's transaction: a handler's failure is logged and never undoes or fails the case. */
export async function caseConfirmed(db: Db, scope: Scope, c: ConfirmedCase) {
  for (const handler of handlers)
    await handler(db, scope, c).catch((e) => console.error('case-confirmed handler failed', e));
}
