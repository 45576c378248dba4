/**
 * Records the fingerprint of every migration (`npm run migrations:record`) after adding a new one. Never run it
 * to silence the test after editing an applied migration: write a new migration instead.
 */
import fs from 'node:fs';
import { migrationFingerprints } from '../src/db/migration-fingerprints.ts';
import { allMigrations } from '../src/server/migrations.ts';

const file = new URL('../src/db/migration-fingerprints.json', import.meta.url);
const recorded = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
const now = await migrationFingerprints(allMigrations());
for (const [name, hash] of Object.entries(recorded))
  if (now[name] !== hash) throw new Error(`Migration ${name} changed after it was recorded: restore it.`);
fs.writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`);
console.log(`Recorded ${Object.keys(now).length} migrations.`);
