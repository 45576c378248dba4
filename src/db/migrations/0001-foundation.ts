import { type Kysely, sql } from 'kysely';
import type { Engine } from '../connection.ts';
import { idColumn } from './id-column.ts';

/** Units, villages, organizations, accounts, sessions and the hash-chained audit log. */
export function foundation(engine: Engine) {
  const [id, idOptions] = idColumn(engine);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('admin_units')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_with_type', 'text', (c) => c.notNull())
        .addColumn('name_folded', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('parent_code', 'text', (c) => c.references('admin_units.code'))
        .addColumn('province_code', 'text')
        .addColumn('district_code', 'text')
        .addColumn('population', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('population_source', 'text', (c) => c.notNull().defaultTo('generated'))
        .execute();
      await db.schema.createIndex('admin_units_parent').on('admin_units').column('parent_code').execute();

      await db.schema
        .createTable('villages')
        .addColumn('id', id, idOptions)
        .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('population', 'integer')
        .addColumn('population_source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('villages_commune_name', ['commune_code', 'name'])
        .execute();

      await db.schema
        .createTable('organizations')
        .addColumn('id', id, idOptions)
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('organizations_unit').on('organizations').column('unit_code').execute();

      await db.schema
        .createTable('users')
        .addColumn('id', id, idOptions)
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', id, idOptions)
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_attempts_ip_at')
        .on('login_attempts')
        .columns(['ip', 'at'])
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', id, idOptions)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('username', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('unit_code', 'text')
        .addColumn('ip', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_user').on('audit_log').column('user_id').execute();

      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_id', 'integer', (c) => c.notNull())
        .addColumn('last_hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into audit_head (id, last_id, last_hash) values (1, 0, '')`.execute(db);

      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
