/**
 * The tabular import pipeline every import follows (persons, doses), with the feature's own rules plugged in:
 *
 *   1. read      `openTable(source)`: the rows of an .xlsx/.csv stream (read-table.ts) and its first
 *                HEADER_WINDOW rows (`head`), where the feature's header detector looks for the header
 *                among title rows and merged cells;
 *   2. map       `cellsByField(columns, cells)`: the row's cells by the feature's field names;
 *   3. validate  `eachDataRow(table, headerRow, handle)`: drives the per-row loop over the rows under the
 *                header (blank rows skipped; the handler validates with the feature's pure rules, records the
 *                rejected ones, queues the valid ones, and answers 'end' at the table's end);
 *   4. report    `RowProblem` entries (row, column, reason), kept with the batch and written as .xlsx by
 *                `reportXlsx` (report.ts);
 *   5. insert    `chunked(size, write)`: valid rows written in bulk (db/bulk-insert.ts), a chunk at a time,
 *                inside `commitOrRefuse`: one transaction; all-or-nothing rolls back at the first rejected
 *                row's count, valid-rows commits the rest; a refused import is then recorded by the feature.
 */
import type { Message } from '../errors.ts';
import { readHead, readTable, type TableRow } from './read-table.ts';

export type ImportMode = 'all-or-nothing' | 'valid-rows';

/** A rejected row (or a warning) as the report shows it: the Excel row number, the column's header, why. */
export interface RowProblem {
  row: number;
  column: string;
  reason: Message;
}

export interface TableSource {
  path: string;
  fileName: string;
  /** Bytes read so far (the CLI's progress bar). */
  onProgress?: (bytes: number) => void;
}

export interface OpenTable {
  /** The first rows (the header search window). */
  head: TableRow[];
  /** The head, then the rest of the rows, from the same stream. */
  rows(): AsyncGenerator<TableRow>;
}

/** Opens a table and reads its header search window. */
export async function openTable(source: TableSource): Promise<OpenTable> {
  const rest = readTable(source.path, source.fileName, source.onProgress);
  const head = await readHead(rest);
  return {
    head,
    async *rows() {
      yield* head;
      yield* rest;
    },
  };
}

/** The cells of a row by field, through the columns the header (or the user's mapping) gave. */
export function cellsByField<F extends string>(
  columns: readonly { index: number; field: F | null }[],
  cells: unknown[],
): Partial<Record<F, unknown>> {
  const byField: Partial<Record<F, unknown>> = {};
  for (const c of columns) if (c.field) byField[c.field] = cells[c.index];
  return byField;
}

export const isBlank = (cells: unknown[]) =>
  cells.every((c) => c === null || c === undefined || String(c).trim() === '');
/** How many cells hold something (a lone cell is a note or a title, not a record). */
export const filledCells = (cells: unknown[]) =>
  cells.filter((c) => c !== null && c !== undefined && String(c).trim() !== '').length;

/**
 * The per-row loop: every non-blank row below the header row (its Excel number) goes to `handle`, in order,
 * until the handler answers 'end' (the signature block under the table). The file is still read to its end
 * (progress reaches 100 %; leaving exceljs's reader in the middle of a sheet is not clean).
 */
export async function eachDataRow(
  table: OpenTable,
  headerRow: number,
  handle: (row: TableRow) => Promise<'end' | undefined> | 'end' | undefined,
): Promise<void> {
  let ended = false;
  for await (const r of table.rows()) {
    if (ended || r.row <= headerRow || isBlank(r.cells)) continue;
    if ((await handle(r)) === 'end') ended = true;
  }
}

/**
 * Rows queued and written `size` at a time (one bulk insert per chunk); `end` writes the rest. `add` queues
 * without writing, for rows that give several records (a row of doses side by side): `flushIfFull` after it.
 */
export function chunked<T>(size: number, write: (rows: T[]) => Promise<void>) {
  let pending: T[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await write(rows);
  };
  const flushIfFull = async () => {
    if (pending.length >= size) await flush();
  };
  return {
    async push(row: T) {
      pending.push(row);
      await flushIfFull();
    },
    add(row: T) {
      pending.push(row);
    },
    flushIfFull,
    end: flush,
  };
}

/**
 * Runs an import's writes in one transaction. In all-or-nothing mode, rows rejected once the rows are read
 * (`rejected()` > 0) roll everything back and `refused` runs after the rollback (to record the refused batch
 * and its report); answers whether the import was committed. `finish` completes a committing import in the
 * same transaction (counts, audit).
 */
export async function commitOrRefuse<Trx>(options: {
  mode: ImportMode;
  transaction: (work: (trx: Trx) => Promise<void>) => Promise<unknown>;
  write: (trx: Trx) => Promise<void>;
  rejected: () => number;
  finish: (trx: Trx) => Promise<void>;
  refused: () => Promise<void>;
}): Promise<boolean> {
  const rollBack = new Error('all-or-nothing import with rejected rows');
  try {
    await options.transaction(async (trx) => {
      await options.write(trx);
      if (options.mode === 'all-or-nothing' && options.rejected() > 0) throw rollBack;
      await options.finish(trx);
    });
    return true;
  } catch (error) {
    if (error !== rollBack) throw error;
    await options.refused();
    return false;
  }
}
