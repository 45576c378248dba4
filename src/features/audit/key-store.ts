import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection.ts';

/** The data directory of a database, for the files the audit log keeps outside it. */
export function auditDir(db: Db): string {
  if (!db.dataDir)
    throw new Error('The audit log needs a data directory (SAFEADAPT_DATA_DIR) for its key and checkpoints');
  return db.dataDir;
}

const keys = new WeakMap<Db, Buffer>();

/**
 * The MAC key of the audit chains, never stored in the database: SAFEADAPT_AUDIT_KEY, or else `audit.key` in the
 * data directory, created (mode 0600) on first use. Whoever can write the database but not read this key cannot
 * re-seal an edited chain.
 */
export function auditKey(db: Db): Buffer {
  let key = keys.get(db);
  if (!key) {
    key = Buffer.from(db.auditKey ?? keyFile(path.join(auditDir(db), 'audit.key')));
    keys.set(db, key);
  }
  return key;
}

function keyFile(file: string): string {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': two processes starting at once cannot both create a key; the loser reads the winner's.
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new Error(`The audit key file ${file} holds fewer than 32 characters`);
  return key;
}
