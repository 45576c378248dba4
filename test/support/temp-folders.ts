import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary folders a test file makes and removes together at its end (`afterAll(folders.remove)`): large
 * ones (databases, backups, the demo's data directories) left behind fill the shared disk.
 */
export function tempFolders() {
  const made: string[] = [];
  return {
    make(prefix: string): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    remove() {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
