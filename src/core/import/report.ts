/**
 * An import's report: every problem of every row, appended to import_problems as the import goes (the
 * answer and the import's record keep only the first SHOWN_PROBLEMS, so memory stays bounded however many
 * rows are rejected), and the whole list streamed out as .xlsx when it is downloaded.
 */
import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { excel, neutralizeCell } from '../spreadsheet.ts';
import type { RowProblem } from './pipeline.ts';

/** Problems kept in the import's answer and record; the report file has them all. */
export const SHOWN_PROBLEMS = 1000;
/** Problems held in memory before they are written (within a chunk's transaction or on their own). */
const PENDING = 1000;

type Entry<K extends string> = RowProblem & { kind?: K };

export class ProblemLog<K extends string = never> {
  /** The first SHOWN_PROBLEMS problems, in the order they were found. */
  readonly shown: Entry<K>[] = [];
  private pending: Entry<K>[] = [];

  constructor(
    private readonly kind: string,
    public importId: number,
    /** The import's province (its record's): the rows are distributed by it. */
    private readonly provinceCode: string,
  ) {}

  add(entry: Entry<K>) {
    if (this.shown.length < SHOWN_PROBLEMS) this.shown.push(entry);
    this.pending.push(entry);
  }

  /** Writes the pending problems in the caller's transaction (a chunk's: they commit with its rows). */
  async write(trx: Kysely<Database>) {
    const entries = this.pending;
    this.pending = [];
    for (let i = 0; i < entries.length; i += 500)
      await trx
        .insertInto('import_problems')
        .values(
          entries.slice(i, i + 500).map((e) => ({
            province_code: this.provinceCode,
            kind: this.kind,
            import_id: this.importId,
            row: e.row,
            column_name: e.column,
            problem: e.kind ?? null,
            reason_vi: e.reason.vi,
            reason_en: e.reason.en,
          })),
        )
        .execute();
  }

  /** Writes the pending problems once there are many (a pass that writes no rows: all-or-nothing's check). */
  async writeIfFull(db: Kysely<Database>) {
    if (this.pending.length >= PENDING) await this.write(db);
  }
}

/** The first SHOWN_PROBLEMS problems of an import (its answer and record), in the order they were found. */
export async function firstProblems(
  db: Kysely<Database>,
  kind: string,
  importId: number,
): Promise<RowProblem[]> {
  const rows = await db
    .selectFrom('import_problems')
    .select(['row', 'column_name', 'reason_vi', 'reason_en'])
    .where('kind', '=', kind)
    .where('import_id', '=', importId)
    .orderBy('id')
    .limit(SHOWN_PROBLEMS)
    .execute();
  return rows.map((e) => ({
    row: e.row,
    column: e.column_name,
    reason: { vi: e.reason_vi, en: e.reason_en },
  }));
}

/** An import's problems, in the order they were found, read a page at a time. */
async function* problemsOf(db: Kysely<Database>, kind: string, importId: number) {
  for (let after = 0; ; ) {
    const page = await db
      .selectFrom('import_problems')
      .selectAll()
      .where('kind', '=', kind)
      .where('import_id', '=', importId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    yield* page;
    if (page.length < 2000) return;
    after = page.at(-1)!.id;
  }
}

/**
 * The report of an import as an .xlsx stream: Dòng | Cột | [Loại] | Lý do | Reason, in the file's row order
 * as found; with `kinds`, each entry's kind by its label. Text from the file is neutralised (a cell like
 * "=cmd" is not run as a formula). Written row by row (exceljs' streaming writer): no workbook in memory.
 */
export function reportXlsx<K extends string>(
  db: Kysely<Database>,
  of: { kind: string; importId: number; sheetName: string },
  options: { kinds?: Record<K, string>; narrowWidth: number },
): NodeJS.ReadableStream {
  const stream = new PassThrough();
  const book = new (excel().stream.xlsx.WorkbookWriter)({ stream, useSharedStrings: false });
  const { kinds, narrowWidth } = options;
  const narrow = kinds ? 3 : 2;
  const sheet = book.addWorksheet(of.sheetName, {});
  sheet.columns = (
    kinds ? ['Dòng', 'Cột', 'Loại', 'Lý do', 'Reason'] : ['Dòng', 'Cột', 'Lý do', 'Reason']
  ).map((header, i) => ({ header, width: i < narrow ? narrowWidth : 60 }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const e of problemsOf(db, of.kind, of.importId))
      sheet
        .addRow([
          e.row,
          neutralizeCell(e.column_name),
          ...(kinds ? [kinds[e.problem as K]] : []),
          neutralizeCell(e.reason_vi),
          neutralizeCell(e.reason_en),
        ])
        .commit();
    sheet.commit();
    await book.commit();
  })().catch((error) => stream.destroy(error));
  return stream;
}
