/**
 * Prints the Citus commands that distribute the schema of DATABASE_URL by province (docs/postgresql.md), in
 * an order Citus accepts: `npx tsx scripts/citus-statements.ts`. Run the migrations first.
 */
import { openDb } from '../src/db/connection.ts';
import { citusStatements } from '../src/db/distribution.ts';

const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) {
  console.error('Set DATABASE_URL to the PostgreSQL (Citus coordinator) database: postgres://…');
  process.exit(2);
}
const db = openDb({ databaseUrl: url, sqliteFile: '' });
try {
  for (const statement of await citusStatements(db)) console.log(statement);
} finally {
  await db.close();
}
