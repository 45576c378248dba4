import type { Kysely } from 'kysely';

/**
 * A letter registered twice in a unit is caught: each document keeps its identity (number, symbol, issuer,
 * date) and the fingerprint of its text, unique per registering unit so that two saves racing each other
 * cannot both create tasks. Rows saved before have neither (null never collides).
 */
export function documentDuplicates() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema.alterTable('documents').addColumn('identity_key', 'text').execute();
      await db.schema.alterTable('documents').addColumn('text_key', 'text').execute();
      await db.schema
        .createIndex('documents_identity')
        .on('documents')
        .columns(['unit_code', 'identity_key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('documents_text')
        .on('documents')
        .columns(['unit_code', 'text_key'])
        .unique()
        .execute();
    },
  };
}
