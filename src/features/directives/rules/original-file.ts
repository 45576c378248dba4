/**
 * The original file of a document or the attachment of a report: what it is, checked by its bytes and not
 * only its name, so that a broken upload is refused with a reason instead of stored. Pure.
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const MEDIA_TYPES = {
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
type Extension = keyof typeof MEDIA_TYPES;

export type FileProblem = 'empty' | 'too-large' | 'unsupported-type' | 'content-mismatch';

export type CheckedFile =
  | { ok: true; mediaType: string; extension: Extension; text: string | null }
  | { ok: false; problem: FileProblem };

/** Documents: .txt, .docx, .doc, .pdf; report attachments also photos of minutes (.jpg, .png). */
export function checkFile(name: string, bytes: Uint8Array, allowed: 'document' | 'attachment'): CheckedFile {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: 'too-large' };
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const accepted = allowed === 'document' ? ['txt', 'docx', 'doc', 'pdf'] : Object.keys(MEDIA_TYPES);
  if (!accepted.includes(extension)) return { ok: false, problem: 'unsupported-type' };
  const ext = extension as Extension;
  const text = ext === 'txt' ? utf8(bytes) : null;
  if (!contentMatches(ext, bytes, text)) return { ok: false, problem: 'content-mismatch' };
  return { ok: true, mediaType: MEDIA_TYPES[ext], extension: ext, text };
}

function contentMatches(ext: Extension, bytes: Uint8Array, text: string | null): boolean {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  switch (ext) {
    case 'txt':
      return text !== null && !text.includes('\u0000');
    case 'pdf':
      return starts(0x25, 0x50, 0x44, 0x46); // %PDF
    case 'docx':
      return starts(0x50, 0x4b, 0x03, 0x04); // a zip archive
    case 'doc':
      return starts(0xd0, 0xcf, 0x11, 0xe0); // OLE compound file
    case 'jpg':
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47);
  }
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
