import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/**
 * Home treatment: the daily checks of a case (entered by the person through a personal link, or by the team),
 * the escalations their warning signs raise, and the links (only a hash of the token is kept). Never edit
 * once applied.
 */
export function homeChecks(engine: Engine) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      const [id, idOptions] = idColumn(engine);
      await db.schema
        .createTable('daily_checks')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        /** The app's calendar day, and morning or afternoon (two checks a day). */
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('respiratory_rate', 'integer')
        .addColumn('spo2', 'integer')
        .addColumn('pulse', 'integer')
        .addColumn('temperature', 'real')
        .addColumn('systolic', 'integer')
        .addColumn('diastolic', 'integer')
        /** JSON: the signs observed, and the warning numbers the rule set raised. */
        .addColumn('signs', 'text', (c) => c.notNull())
        .addColumn('warnings', 'text', (c) => c.notNull())
        .addColumn('rule_set_id', 'text', (c) => c.notNull())
        /** 'link' (the person) or 'team' (a user). */
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('daily_checks_case')
        .on('daily_checks')
        .columns(['case_id', 'day'])
        .execute();
      await db.schema
        .createIndex('daily_checks_commune')
        .on('daily_checks')
        .columns(['commune_code', 'day'])
        .execute();

      await db.schema
        .createTable('escalations')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('check_id', 'integer', (c) =>
          c.notNull().references('daily_checks.id').onDelete('cascade'),
        )
        .addColumn('warnings', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('act_by', 'text', (c) => c.notNull())
        .addColumn('call_115', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('handled_by', 'integer')
        .addColumn('handled_at', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('escalations_open')
        .on('escalations')
        .columns(['commune_code', 'status', 'created_at'])
        .execute();

      await db.schema
        .createTable('check_links')
        .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
