/** Uploaded files (a document's original, a report's attachment), kept in the database with their hash. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { badRequest, type Message } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { checkFile, type FileProblem } from './rules/original-file.ts';

/** A file as the API receives it: its name and its bytes in base64 (JSON bodies, no multipart). */
export interface Upload {
  name: string;
  contentBase64: string;
}

export interface CheckedUpload {
  name: string;
  bytes: Buffer;
  mediaType: string;
  /** The text of a .txt file; null for other kinds (.docx text extraction needs a library we do not ship). */
  text: string | null;
}

const PROBLEMS: Record<FileProblem, Message> = {
  empty: { vi: 'Tệp trống.', en: 'The file is empty.' },
  'too-large': { vi: 'Tệp quá lớn (tối đa 10 MB).', en: 'The file is too large (at most 10 MB).' },
  'unsupported-type': {
    vi: 'Loại tệp không được hỗ trợ (văn bản: .txt, .docx, .doc, .pdf; đính kèm: thêm .jpg, .png).',
    en: 'Unsupported file type (documents: .txt, .docx, .doc, .pdf; attachments also .jpg, .png).',
  },
  'content-mismatch': {
    vi: 'Nội dung tệp không đúng với loại tệp (tệp hỏng hoặc đổi đuôi).',
    en: 'The content does not match the file type (broken or renamed file).',
  },
};

/** Decodes and checks an upload; a bad one is refused (400) naming the field, nothing is stored. */
export function checkUpload(
  upload: Upload,
  allowed: 'document' | 'attachment',
  field: string,
): CheckedUpload {
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  const checked = checkFile(upload.name, bytes, allowed);
  if (!checked.ok) {
    const message = PROBLEMS[checked.problem];
    throw badRequest(message, [{ field, message }]);
  }
  return { name: upload.name, bytes, mediaType: checked.mediaType, text: checked.text };
}

export async function insertFile(
  trx: Kysely<Database>,
  owner: { unitCode: string; provinceCode: string; userId: number | null },
  file: CheckedUpload,
): Promise<number> {
  const row = await trx
    .insertInto('stored_files')
    .values({
      province_code: owner.provinceCode,
      unit_code: owner.unitCode,
      name: file.name,
      media_type: file.mediaType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      created_by: owner.userId,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function readFile(db: Db, id: number) {
  return db.db
    .selectFrom('stored_files')
    .select(['name', 'media_type', 'size', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function fileInfo(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.db
    .selectFrom('stored_files')
    .select(['id', 'name', 'media_type', 'size'])
    .where('id', 'in', ids)
    .execute();
}
