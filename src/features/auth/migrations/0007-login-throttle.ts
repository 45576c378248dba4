import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';

/**
 * Login throttling by account, by address and by the pair (rules.ts#loginThrottled), kept in the database so
 * that every process and a restart see the same counters. One row per key: (username, ip) for the pair,
 * (username, '') for the account, ('', ip) for the address. It replaces the per-account lockout
 * (`users.failed_logins`, `locked_until`: one office could lock anyone out, and the 423 told which usernames
 * exist) and the per-address count over `login_attempts`, whose history the audit log also holds
 * (`login`, `login_failed` with username and address).
 */
export function loginThrottle(_engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('login_throttle')
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', 'text')
        .addColumn('last_success_at', 'text')
        .addPrimaryKeyConstraint('login_throttle_pk', ['username', 'ip'])
        .execute();
      await db.schema.dropTable('login_attempts').execute();
      await db.schema.alterTable('users').dropColumn('failed_logins').execute();
      await db.schema.alterTable('users').dropColumn('locked_until').execute();
    },
  };
}
