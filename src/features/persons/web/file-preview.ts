/**
 * The first rows of a chosen .xlsx or .csv file, read in the browser, so that the user who maps columns by
 * hand sees what each column holds. Best effort: any problem (an old browser without DecompressionStream,
 * an unusual file) gives null and the mapping works without a preview. Reads only the start of the file.
 */

/** A row as Excel numbers it, and its cells by column index. */
export interface PreviewRow {
  row: number;
  cells: string[];
}

const ROWS = 25;
const TEXT_LIMIT = 400_000;

export async function readPreview(file: File): Promise<PreviewRow[] | null> {
  try {
    if (/\.csv$/i.test(file.name)) return csvPreview(await file.slice(0, 64 * 1024).text());
    if (/\.xlsx$/i.test(file.name)) return await xlsxPreview(file);
  } catch {
    // No preview.
  }
  return null;
}

function csvPreview(text: string): PreviewRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 1) lines.pop(); // the last line may be cut in the middle
  const first = lines.find((l) => l.trim()) ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    first.split(d).length > first.split(best).length ? d : best,
  );
  const rows: PreviewRow[] = [];
  for (let i = 0; i < lines.length && rows.length < ROWS; i++)
    if (lines[i]!.trim()) rows.push({ row: i + 1, cells: splitCsvLine(lines[i]!, delimiter) });
  return rows;
}

function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

// --- .xlsx: a zip of XML files. Only the central directory, the shared strings and the first sheet are read.

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

async function bytes(file: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await file.slice(start, end).arrayBuffer());
}

async function zipEntries(file: File): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, file.size - 66_000);
  const tail = await bytes(file, tailStart, file.size);
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--)
    if (tail.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip');
  const count = tail.getUint16(eocd + 10, true);
  const size = tail.getUint32(eocd + 12, true);
  const offset = tail.getUint32(eocd + 16, true);
  const dir = await bytes(file, offset, offset + size);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count && dir.getUint32(p, true) === 0x02014b50; i++) {
    const nameLength = dir.getUint16(p + 28, true);
    const extraLength = dir.getUint16(p + 30, true);
    const commentLength = dir.getUint16(p + 32, true);
    entries.push({
      name: names.decode(new Uint8Array(dir.buffer, dir.byteOffset + p + 46, nameLength)),
      method: dir.getUint16(p + 10, true),
      compressedSize: dir.getUint32(p + 20, true),
      localOffset: dir.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The start of an entry's text (at most TEXT_LIMIT characters): the rest of a big sheet is never inflated. */
async function entryText(file: File, entry: ZipEntry): Promise<string> {
  const local = await bytes(file, entry.localOffset, entry.localOffset + 30);
  const start = entry.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const data = file.slice(start, start + Math.min(entry.compressedSize, 2 * 1024 * 1024));
  if (entry.method === 0) return (await data.text()).slice(0, TEXT_LIMIT);
  if (entry.method !== 8) throw new Error('unknown compression');
  const reader = data
    .stream()
    .pipeThrough(
      new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    )
    .getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < TEXT_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    // A sheet cut at 2 MB ends in the middle of the deflate stream: what was read is enough.
    if (!text) throw error;
  }
  void reader.cancel().catch(() => undefined);
  return text;
}

const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
    );
  });

const textsIn = (xml: string) =>
  [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('');

function columnIndex(ref: string): number {
  let n = 0;
  for (const c of ref.replace(/\d+$/, '')) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

async function xlsxPreview(file: File): Promise<PreviewRow[]> {
  const entries = await zipEntries(file);
  const sheets = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(a.name.match(/\d+/)![0]) - Number(b.name.match(/\d+/)![0]));
  if (!sheets[0]) throw new Error('no sheet');
  const stringsEntry = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  const strings = stringsEntry
    ? [...(await entryText(file, stringsEntry)).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textsIn(m[1]!))
    : [];
  const sheet = await entryText(file, sheets[0]);
  const rows: PreviewRow[] = [];
  for (const m of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    if (rows.length >= ROWS) break;
    const number = Number(/\br="(\d+)"/.exec(m[1]!)?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const value =
        type === 's'
          ? (strings[Number(v)] ?? '')
          : type === 'inlineStr'
            ? textsIn(body)
            : unescapeXml(v ?? '');
      cells[ref ? columnIndex(ref) : cells.length] = value.trim();
    }
    if (cells.some(Boolean)) rows.push({ row: number, cells: Array.from(cells, (x) => x ?? '') });
  }
  return rows;
}
