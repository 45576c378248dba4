import fs from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { AppError, badRequest } from '../errors.ts';
import { excel } from '../spreadsheet.ts';
import { MAX_FILE_BYTES } from './file-limits.ts';
import { openXlsxParts, type XlsxParts } from './xlsx-parts.ts';

/** Rows of a spreadsheet as communes make them: .xlsx (first sheet) or .csv, streamed row by row. */
export interface TableRow {
  /** 1-based row number as the user sees it in Excel. */
  row: number;
  cells: unknown[];
}

/** A person list has a dozen columns; a sheet much wider is not one. */
export const MAX_COLUMNS = 60;

const refuse = (vi: string, en: string) => badRequest({ vi, en }, [{ field: 'file', message: { vi, en } }]);

export type TableKind = 'xlsx' | 'csv';

/** Decides the file's kind from its first bytes, not its name: a renamed .xls or a PDF gets a clear answer. */
export function detectKind(head: Buffer, fileName: string): TableKind {
  if (head.length === 0) throw refuse('Tệp rỗng.', 'The file is empty.');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw refuse(
      'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: mở tệp và lưu lại thành .xlsx.',
      'Excel 97-2003 (.xls) files are not supported: save the file as .xlsx.',
    );
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    throw refuse(
      'Tệp PDF không phải bảng tính: hãy dùng .xlsx hoặc .csv.',
      'A PDF is not a spreadsheet: use .xlsx or .csv.',
    );
  if (head.includes(0))
    throw refuse(
      `Không đọc được tệp "${fileName}": chỉ nhận .xlsx hoặc .csv.`,
      `Cannot read "${fileName}": only .xlsx or .csv files are accepted.`,
    );
  return 'csv';
}

/** The separator a CSV uses: the one of ; , or tab seen most on its first line (Vietnamese Excel saves with ;). */
export function detectDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function checkWidth(cells: unknown[], row: number) {
  if (cells.length > MAX_COLUMNS)
    throw refuse(
      `Dòng ${row} có ${cells.length} cột: danh sách người dân không rộng như vậy (tối đa ${MAX_COLUMNS} cột). Hãy kiểm tra lại tệp.`,
      `Row ${row} has ${cells.length} columns: a person list is not that wide (at most ${MAX_COLUMNS}). Check the file.`,
    );
}

/** Rows of the header search window: title rows, merged cells and blanks come before the header. */
export const HEADER_WINDOW = 20;

/**
 * The first rows of a table (the header search window), read so that the caller can go on with the same
 * stream afterwards (a for-await `break` would close it).
 */
export async function readHead(rows: AsyncGenerator<TableRow>, count = HEADER_WINDOW): Promise<TableRow[]> {
  const head: TableRow[] = [];
  while (head.length < count) {
    const next = await rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  return head;
}

/** Streams the rows of a file; `onBytes` reports progress in bytes read. */
export async function* readTable(
  path: string,
  fileName: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<TableRow> {
  const size = fs.statSync(path).size;
  if (size > MAX_FILE_BYTES)
    throw refuse(
      `Tệp quá lớn (${Math.round(size / 1048576)} MB, tối đa ${MAX_FILE_BYTES / 1048576} MB): hãy chia nhỏ tệp.`,
      `The file is too large (${Math.round(size / 1048576)} MB, at most ${MAX_FILE_BYTES / 1048576} MB): split it.`,
    );
  const handle = fs.openSync(path, 'r');
  const head = Buffer.alloc(4096);
  const headLength = fs.readSync(handle, head, 0, head.length, 0);
  fs.closeSync(handle);
  const kind = detectKind(head.subarray(0, headLength), fileName);
  if (kind === 'xlsx') {
    yield* readXlsx(path, size, onBytes);
    return;
  }
  // Progress is counted by a pass-through stage: a 'data' listener on the file stream would race the reader
  // for chunks and lose some.
  let bytes = 0;
  const input = fs.createReadStream(path, { highWaterMark: 1 << 20 }).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        onBytes?.(bytes);
        done(null, chunk);
      },
    }),
  );
  yield* readCsv(input, head.subarray(0, headLength));
}

/** The parts of exceljs's streaming reader that parse one part each; the order of the parts is ours. */
interface WorkbookParsers {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    chunks: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** The shared strings are held in memory while the sheet is read: a list's are tens of MB. */
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;
const tooManyStrings = () =>
  new AppError(413, 'file_too_large', {
    vi: 'Bảng tính có quá nhiều nội dung chữ khác nhau: hãy chia nhỏ tệp.',
    en: 'The spreadsheet holds too much distinct text: split the file.',
  });

const damaged = () =>
  refuse('Tệp .xlsx bị hỏng hoặc không đọc được.', 'The .xlsx file is damaged or unreadable.');

/**
 * The first sheet's rows. The parts are opened through the zip's directory (xlsx-parts.ts) and fed to
 * exceljs's own part parsers in the order they depend on each other: relationships, workbook, shared
 * strings, styles, then the sheet, streamed row by row. Every part is read as UTF-8 text decoded across chunk
 * boundaries: exceljs (4.4.0, lib/utils/parse-sax.js) decodes each inflated chunk on its own, without
 * {stream: true}, so a letter whose bytes straddle two chunks came out as two U+FFFD (exceljs #2084, #2316;
 * about 1 name in 7,000 of a Vietnamese list), and a broken shared string breaks every cell that uses it.
 */
async function* readXlsx(
  path: string,
  fileSize: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<TableRow> {
  let parts: XlsxParts;
  try {
    parts = await openXlsxParts(path);
  } catch (error) {
    if (error instanceof AppError) throw error; // a zip bomb, refused by its declared sizes
    throw damaged();
  }
  try {
    // styles: 'cache' makes date-formatted cells arrive as Date objects.
    const reader = new (excel().stream.xlsx.WorkbookReader)(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as WorkbookParsers;
    for (const name of [
      '_parseRels',
      '_parseWorkbook',
      '_parseStyles',
      '_parseSharedStrings',
      '_parseWorksheet',
    ])
      if (typeof reader[name as keyof WorkbookParsers] !== 'function')
        throw new Error(`exceljs changed: WorkbookReader.${name} is gone`);
    const text = async (name: string) => (await parts.open(name)).setEncoding('utf8');
    let sheetPart: string;
    let sheetText: Readable;
    try {
      await reader._parseRels(await text('xl/_rels/workbook.xml.rels'));
      await reader._parseWorkbook(await text('xl/workbook.xml'));
      if (parts.size('xl/sharedStrings.xml') > MAX_SHARED_STRINGS_BYTES) throw tooManyStrings();
      if (parts.has('xl/sharedStrings.xml'))
        for await (const _ of reader._parseSharedStrings(await text('xl/sharedStrings.xml')));
      if (parts.has('xl/styles.xml')) await reader._parseStyles(await text('xl/styles.xml'));
      sheetPart = firstSheetPart(reader);
      sheetText = await text(sheetPart);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw damaged();
    }
    // Progress: the share of the sheet inflated so far, in bytes of the file (the CLI's bar is over the file).
    const sheetSize = Math.max(1, parts.size(sheetPart));
    let inflated = 0;
    const chunks = counted(sheetText, (chunk) => {
      inflated += Buffer.byteLength(chunk);
      onBytes?.(Math.min(fileSize, Math.round((fileSize * inflated) / sheetSize)));
    });
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPart)?.[1] ?? '1';
    const sheet = reader._parseWorksheet(chunks, sheetNo).next().value?.value;
    if (!sheet) throw damaged();
    try {
      for await (const row of sheet) {
        const cells = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
        checkWidth(cells, row.number);
        yield { row: row.number, cells };
      }
    } catch (error) {
      if ((error as { status?: number }).status) throw error;
      throw damaged();
    }
  } finally {
    parts.close();
  }
}

/** The chunks of a stream, each shown to `see` as it passes (a 'data' listener would steal them instead). */
async function* counted(chunks: AsyncIterable<string>, see: (chunk: string) => void): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    see(chunk);
    yield chunk;
  }
}

/** The part of the workbook's first sheet (the first tab), through the workbook's relationships. */
function firstSheetPart(reader: WorkbookParsers): string {
  const rId = reader.model?.sheets?.[0]?.rId;
  const target = reader.workbookRels?.find((rel) => rel.Id === rId)?.Target;
  if (!target) throw new Error('no sheet');
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** Waits for the parser to take more, or to close; the other listener is removed (one per wait piled up). */
function drainedOrClosed(parser: Readable | NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.once('drain', done).once('close', done);
  });
}

async function* readCsv(input: Readable, head: Buffer): AsyncGenerator<TableRow> {
  const firstLine =
    head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] ?? '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = parse({
    delimiter: detectDelimiter(firstLine),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  // Decode UTF-8 here, across chunk boundaries, so a file saved in a legacy code page is refused, not garbled.
  const feed = (async () => {
    try {
      for await (const chunk of input) {
        if (!parser.write(decoder.decode(chunk as Buffer, { stream: true }))) await drainedOrClosed(parser);
      }
      parser.write(decoder.decode());
      parser.end();
    } catch {
      parser.destroy(new BadEncoding());
    }
  })();
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      checkWidth(cells, row);
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof BadEncoding)
      throw refuse(
        'Tệp CSV không phải mã UTF-8: trong Excel hãy chọn "CSV UTF-8" khi lưu.',
        'The CSV file is not UTF-8: save it as "CSV UTF-8" in Excel.',
      );
    if (error instanceof CsvError)
      throw refuse(
        `Không đọc được tệp CSV ở dòng ${error.lines ?? row + 1}.`,
        `Cannot read the CSV file at line ${error.lines ?? row + 1}.`,
      );
    throw error;
  } finally {
    // A reader that stops early (an import failing half-way) leaves the parser full: close it, or the feed
    // waits for a 'drain' that never comes.
    input.destroy();
    parser.destroy();
    await feed;
  }
}

class BadEncoding extends Error {}
