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
 *   4. report    `RowProblem` entries (row, column, reason) in a `ProblemLog` (report.ts): the first 1,000
 *                in the answer, all of them appended to import_problems as the import goes, downloaded as
 *                .xlsx streamed by `reportXlsx`;
 *   5. insert    `chunked(size, write)`: valid rows written in bulk (db/bulk-insert.ts), each chunk in its
 *                own short transaction with the job record (job.ts), driven by `importInChunks`:
 *                all-or-nothing checks every row first and writes only a file without rejected rows;
 *                valid-rows writes as it reads. A stopped import resumes after its last committed chunk.
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

/** A synchronous stretch longer than this gives the event loop a turn (the server answers meanwhile). */
const SLICE_MS = 10;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The per-row loop: every non-blank row below the header row (its Excel number) goes to `handle`, in order,
 * until the handler answers 'end' (the signature block under the table); rows up to `after` (a resumed
 * import's last committed row) are skipped. The file is still read to its end (progress reaches 100 %;
 * leaving exceljs's reader in the middle of a sheet is not clean). Rows parsed from one buffer arrive as
 * microtasks, which never let I/O in: the loop yields to the event loop every SLICE_MS.
 */
export async function eachDataRow(
  table: OpenTable,
  headerRow: number,
  handle: (row: TableRow) => Promise<'end' | undefined> | 'end' | undefined,
  after = 0,
): Promise<void> {
  let ended = false;
  let since = performance.now();
  for await (const r of table.rows()) {
    if (performance.now() - since > SLICE_MS) {
      await turn();
      since = performance.now();
    }
    if (ended || r.row <= Math.max(headerRow, after) || isBlank(r.cells)) continue;
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
 * Runs an import as short transactions: `pass(write)` reads the file and writes each chunk in its own
 * transaction (with the job record: progress shows, a crash keeps every committed chunk). All-or-nothing
 * first runs a checking pass that writes nothing (`write` false): any rejected row refuses the import before a
 * row is stored; a resumed import (`checked`) has passed it already. `finish` completes a written import
 * (counts, audit); `refused` records a refused one. Answers whether the import was committed.
 */
export async function importInChunks(options: {
  mode: ImportMode;
  checked?: boolean;
  pass: (write: boolean) => Promise<void>;
  rejected: () => number;
  finish: () => Promise<void>;
  refused: () => Promise<void>;
}): Promise<boolean> {
  if (options.mode === 'all-or-nothing' && !options.checked) {
    await options.pass(false);
    if (options.rejected() > 0) {
      await options.refused();
      return false;
    }
  }
  await options.pass(true);
  await options.finish();
  return true;
}
