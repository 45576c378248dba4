import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Db } from '../../db/connection.ts';
import { auditDir } from './key-store.ts';
import type { ChainHead, Checkpoint } from './rules.ts';

/**
 * The checkpoint file: each chain's head after every commit, one JSON line appended (O_APPEND, one write, so
 * processes sharing the file do not interleave). Outside the database, it shows a tail that was cut from the
 * log and its head moved back. Only the verifier reads it.
 */
export const checkpointFile = (db: Db) => path.join(auditDir(db), 'audit-checkpoints.jsonl');

/** Called after the commit (never for a rollback): a checkpoint claims only entries that exist. */
export function writeCheckpoints(db: Db, heads: ChainHead[]) {
  const at = new Date().toISOString();
  const lines = heads.map((h) =>
    JSON.stringify({ at, province: h.province_code, seq: h.last_seq, id: h.last_id, mac: h.last_mac }),
  );
  fs.appendFileSync(checkpointFile(db), `${lines.join('\n')}\n`, { mode: 0o600 });
}

/** Streams the checkpoints (none if the file does not exist yet). */
export async function* readCheckpoints(db: Db): AsyncGenerator<Checkpoint> {
  const file = checkpointFile(db);
  if (!fs.existsSync(file)) return;
  let n = 0;
  for await (const line of readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Infinity,
  })) {
    n += 1;
    if (!line.trim()) continue;
    const c = parseCheckpoint(line);
    if (!c) throw new Error(`${file}, line ${n}: not a checkpoint (province, seq, id, mac)`);
    yield c;
  }
}

function parseCheckpoint(line: string): Checkpoint | null {
  try {
    const { province, seq, id, mac } = JSON.parse(line);
    const valid =
      typeof province === 'string' &&
      Number.isInteger(seq) &&
      Number.isInteger(id) &&
      typeof mac === 'string';
    return valid ? { province, seq, id, mac } : null;
  } catch {
    return null;
  }
}
