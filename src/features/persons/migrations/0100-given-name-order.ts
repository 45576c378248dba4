import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../../db/connection.ts';

/**
 * A name search lists the given names that start with the text after the full names that do (store.ts,
 * `searchPersons`): people who share a given name (every "Lan" of a commune) come by full name. The given-name
 * indexes take the full name as their next key, so the scan gives that order and still stops at the page's
 * end. Plain indexes only: after 0099, as they bear on no key a distribution by province needs.
 */
export function givenNameOrder(engine: Engine) {
  const pattern = engine === 'postgres' ? sql` text_pattern_ops` : sql``;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await sql`drop index persons_given_name`.execute(db);
      await sql`drop index persons_commune_given_name`.execute(db);
      await sql`create index persons_given_name on persons (given_name_folded${pattern}, name_folded${pattern})`.execute(
        db,
      );
      await sql`create index persons_commune_given_name
        on persons (commune_code, given_name_folded${pattern}, name_folded${pattern})`.execute(db);
    },
  };
}
