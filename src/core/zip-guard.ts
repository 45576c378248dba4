import yauzl from 'yauzl';
import { AppError } from './errors.ts';

/**
 * What a real letter (.docx) holds at most; a zip past these is refused before any parser inflates it. A
 * zip bomb is a small file whose entries expand to gigabytes: its declared sizes give it away, and inflating
 * each entry once under yauzl's size validation proves the declarations (a lying header fails there).
 */
export const LETTER_ZIP_LIMITS = {
  maxEntries: 1_000,
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Compressed → uncompressed ratio of an entry larger than 1 MB. */
  maxRatio: 100,
};
export type ZipLimits = typeof LETTER_ZIP_LIMITS;

/**
 * What a spreadsheet list holds at most: up to 150 MB uploaded, read row by row, so large is fine; a 1,000,000-row
 * list is about 1 GB of XML. The XML of a list deflates 5–50:1 (100:1 for rows all alike); deflate's ceiling,
 * where bombs sit, is about 1,030:1.
 */
export const SPREADSHEET_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxRatio: 500,
};

/** An entry's sizes as the zip's directory declares them. */
export interface DeclaredEntry {
  uncompressedSize: number;
  compressedSize: number;
}

const refuse = (status: 413 | 422, vi: string, en: string) =>
  new AppError(status, 'unsafe_archive', { vi, en });
const lies = () =>
  refuse(422, 'Tệp nén bị hỏng hoặc khai sai kích thước.', 'The archive is damaged or lies about its sizes.');
/** A file that is no zip at all, or a broken one: callers name it in their own words (code `damaged_archive`). */
const damaged = () =>
  new AppError(422, 'damaged_archive', { vi: 'Tệp nén bị hỏng.', en: 'The archive is damaged.' });

function open(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}

/** Inflates one entry into nothing, counting; yauzl fails if it inflates to more than it declared. */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      stream.on('error', reject).on('end', resolve).resume();
    }),
  );
}

/** Refuses a zip container (413 too large, 422 suspicious or damaged) unless it is within the limits. */
export async function checkZip(buffer: Buffer, limits: ZipLimits = LETTER_ZIP_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(buffer);
  } catch {
    throw damaged();
  }
  try {
    checkEntryCount(zip.entryCount, limits);
    let total = 0;
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip
          .once('entry', resolve)
          .once('end', () => resolve(null))
          .once('error', reject);
        zip.readEntry();
      }).catch(() => {
        throw lies();
      });
      if (!entry) return;
      total = checkEntry(entry, total, limits);
      await drain(zip, entry).catch(() => {
        throw lies();
      });
    }
  } finally {
    zip.close();
  }
}

export function checkEntryCount(count: number, limits: ZipLimits) {
  if (count > limits.maxEntries)
    throw refuse(422, `Tệp có quá nhiều thành phần (${count}).`, `Too many entries (${count}).`);
}

/** Refuses an entry past the limits by its declared sizes; answers the total uncompressed bytes with it. */
export function checkEntry(entry: DeclaredEntry, totalSoFar: number, limits: ZipLimits): number {
  const total = totalSoFar + entry.uncompressedSize;
  if (total > limits.maxTotalBytes)
    throw refuse(413, 'Nội dung tệp khi giải nén quá lớn.', 'The file expands to more than the limit.');
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)
    throw refuse(422, 'Tệp có dấu hiệu "bom nén": bị từ chối.', 'The file looks like a zip bomb: refused.');
  return total;
}
