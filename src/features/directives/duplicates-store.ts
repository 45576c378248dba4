/** The same letter registered twice in a unit: found before saving, and refused by the unique indexes of 0007. */
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { type documentSummaryJson, SUMMARY_FIELDS } from './json.ts';
import { type DocumentIdentity, identityKey, textFingerprint } from './rules/document-links.ts';

export interface DuplicateKeys {
  identityKey: string | null;
  textKey: string | null;
}

export function duplicateKeys(d: DocumentIdentity & { body: string }): DuplicateKeys {
  const words = textFingerprint(d.body);
  return {
    identityKey: identityKey(d),
    textKey: words === null ? null : createHash('sha256').update(words).digest('hex'),
  };
}

/** The first document of the unit with the same identity or the same text, if any. */
export async function findDuplicate(db: Db, unitCode: string, keys: DuplicateKeys) {
  if (keys.identityKey === null && keys.textKey === null) return undefined;
  return db.db
    .selectFrom('documents')
    .select([...SUMMARY_FIELDS])
    .where('unit_code', '=', unitCode)
    .where((eb) =>
      eb.or([
        ...(keys.identityKey === null ? [] : [eb('identity_key', '=', keys.identityKey)]),
        ...(keys.textKey === null ? [] : [eb('text_key', '=', keys.textKey)]),
      ]),
    )
    .orderBy('id')
    .executeTakeFirst();
}

type Summary = Parameters<typeof documentSummaryJson>[0];

/** 409 naming the first registration, which the review screen links to (preview's `duplicateOf`). */
export function duplicateError(first: Summary | undefined): AppError {
  const name = first ? [first.number, first.symbol].filter(Boolean).join('/') || first.subject || '' : '';
  const id = first ? ` #${first.id}` : '';
  return new AppError(409, 'duplicate_document', {
    vi: `Văn bản này đã được vào sổ${id}${name ? ` (${name})` : ''}: không tạo nhiệm vụ lần thứ hai.`,
    en: `This document is already registered${id}${name ? ` (${name})` : ''}: no second set of tasks.`,
  });
}

/** A unique index refused the row (SQLite's constraint error, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
