import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { checkEntry, checkEntryCount, SPREADSHEET_ZIP_LIMITS } from '../zip-guard.ts';

/**
 * The parts (xl/*.xml) of an .xlsx read through the zip's central directory, so that any part can be opened
 * in any order. exceljs's streaming reader walks the zip front to back in one pass (unzipper.Parse) and loses
 * parts intermittently — exceljs issue #3064 ("Cannot read properties of undefined (reading 'sheets')": the
 * workbook part, written last, is not delivered before the sheet), #1558, unzipper #234 — which surfaced here
 * as a sound file refused as damaged once in a CI run. yauzl reads the directory first, like Excel itself.
 */
export interface XlsxParts {
  has(name: string): boolean;
  /** Uncompressed bytes of a part (as declared; yauzl fails a part that inflates to more). */
  size(name: string): number;
  /** The part's inflated bytes as a stream. */
  open(name: string): Promise<Readable>;
  close(): void;
}

export async function openXlsxParts(path: string): Promise<XlsxParts> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    // autoClose off: the file must stay open after the directory is listed, until the parts are read.
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, z) =>
      err ? reject(err) : resolve(z),
    ),
  );
  try {
    // A zip bomb is refused by its declared sizes before anything is inflated; yauzl then fails a part that
    // inflates to more than it declared.
    checkEntryCount(zip.entryCount, SPREADSHEET_ZIP_LIMITS);
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          total = checkEntry(entry, total, SPREADSHEET_ZIP_LIMITS);
        } catch (error) {
          return reject(error);
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', resolve).once('error', reject);
      zip.readEntry();
    });
    return {
      has: (name) => entries.has(name),
      size: (name) => entries.get(name)?.uncompressedSize ?? 0,
      open: (name) =>
        new Promise((resolve, reject) => {
          const entry = entries.get(name);
          if (!entry) return reject(new Error(`no part ${name}`));
          zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
        }),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
