/**
 * The vaccination files a unit downloads whole (the FHIR bundle, the printable worklist), built off the event
 * loop (server/off-thread.ts): a commune's bundle or list is seconds of SQLite reads, JSON and exceljs work.
 */
import type { Task } from '../../server/off-thread.ts';
import { fhirExport } from './card-store.ts';
import { type WorklistFilter, worklist } from './worklist-store.ts';
import { worklistXlsx } from './worklist-xlsx.ts';

export const fhirTask: Task<{ unitCode: string }, void> = async (ctx, { unitCode }, out) => {
  out!.end(JSON.stringify(await fhirExport(ctx.db, ctx.scope, unitCode)));
};

export const worklistXlsxTask: Task<WorklistFilter, void> = async (ctx, filter, out) => {
  out!.end(await worklistXlsx(await worklist(ctx.db, ctx.scope, filter)));
};

const module = new URL(import.meta.url);
export const FHIR_TASK = { module, name: 'fhirTask' };
export const WORKLIST_XLSX_TASK = { module, name: 'worklistXlsxTask' };
