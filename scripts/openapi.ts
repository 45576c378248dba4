/** Writes docs/openapi.json from the server's own route schemas (`npm run openapi`). */
import fs from 'node:fs';
import { openDb } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';

export async function generateOpenApi(): Promise<string> {
  const db = openDb({ databaseUrl: null, sqliteFile: ':memory:' });
  const app = await buildApp({ db });
  await app.ready();
  const spec = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await db.close();
  return spec;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(new URL('../docs/openapi.json', import.meta.url), await generateOpenApi());
  console.log('docs/openapi.json written');
}
