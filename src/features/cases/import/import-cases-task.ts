import type { Task } from '../../../server/off-thread.ts';
import { type CaseImportOptions, type CaseImportResult, importCases } from './import-cases.ts';

/** An F0 list uploaded over HTTP, imported in a worker thread (server/off-thread.ts): the caller is the actor. */
export type CaseImportTaskArgs = Omit<CaseImportOptions, 'actor' | 'scope' | 'onProgress' | 'today'>;
export const importCasesTask: Task<CaseImportTaskArgs, CaseImportResult> = (ctx, args) =>
  importCases(ctx.db, { ...args, scope: ctx.scope, actor: ctx.scope, today: ctx.today() });
