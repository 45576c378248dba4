import type { Kysely } from 'kysely';
import type { Engine } from '../../../db/connection.ts';
import { idColumn } from '../../../db/migrations/id-column.ts';

/** Documents and their tasks, progress reports, stored files, steering-committee members and visits. */
export function directives(engine: Engine) {
  const [id, idOptions] = idColumn(engine);
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      // Files live in the database, not beside it, so that a backup or pg_dump holds them too.
      await db.schema
        .createTable('stored_files')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', bytes, (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('documents')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('symbol', 'text')
        .addColumn('register_key', 'text')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('issuer_superior', 'text')
        .addColumn('place', 'text')
        .addColumn('date', 'text')
        .addColumn('date_partial', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('addressees', 'text', (c) => c.notNull())
        .addColumn('references', 'text', (c) => c.notNull())
        .addColumn('distribution', 'text', (c) => c.notNull())
        .addColumn('authority', 'text')
        .addColumn('signer_title', 'text')
        .addColumn('signer', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('original_text', 'text')
        .addColumn('original_file_id', 'integer', (c) => c.references('stored_files.id'))
        .addColumn('parent_document_id', 'integer', (c) => c.references('documents.id'))
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_unit').on('documents').columns(['unit_code', 'id']).execute();
      await db.schema.createIndex('documents_register_key').on('documents').column('register_key').execute();
      await db.schema.createIndex('documents_parent').on('documents').column('parent_document_id').execute();

      await db.schema
        .createTable('steering_members')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
        .addColumn('assigned_area_code', 'text', (c) => c.references('admin_units.code'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('steering_members_unit')
        .on('steering_members')
        .column('unit_code')
        .execute();

      await db.schema
        .createTable('supervision_visits')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('member_id', 'integer', (c) => c.references('steering_members.id').onDelete('set null'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('area_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('supervision_visits_unit')
        .on('supervision_visits')
        .columns(['unit_code', 'date'])
        .execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('issuer_unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
        .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
        .addColumn('source_visit_id', 'integer', (c) => c.references('supervision_visits.id'))
        .addColumn('ordinal', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('lead_unit_text', 'text')
        .addColumn('lead_unit_code', 'text')
        .addColumn('lead_organization_id', 'integer')
        .addColumn('coordinating', 'text', (c) => c.notNull())
        .addColumn('assignee_text', 'text', (c) => c.notNull())
        .addColumn('assignee_unit_code', 'text', (c) => c.references('admin_units.code'))
        .addColumn('assignee_organization_id', 'integer', (c) =>
          c.references('organizations.id').onDelete('set null'),
        )
        .addColumn('deadline', 'text')
        .addColumn('deadline_text', 'text')
        .addColumn('urgent', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('state_changed_at', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .addColumn('returned_reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tasks_document').on('tasks').column('document_id').execute();
      await db.schema.createIndex('tasks_visit').on('tasks').column('source_visit_id').execute();
      await db.schema
        .createIndex('tasks_assignee')
        .on('tasks')
        .columns(['assignee_unit_code', 'state'])
        .execute();

      await db.schema
        .createTable('task_events')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
        .addColumn('from_state', 'text', (c) => c.notNull())
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('percent', 'integer')
        .addColumn('user_id', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('task_events_task').on('task_events').column('task_id').execute();

      await db.schema
        .createTable('progress_reports')
        .addColumn('id', id, idOptions)
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        .addColumn('attachment_file_id', 'integer', (c) => c.references('stored_files.id'))
        .addColumn('user_id', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('progress_reports_task').on('progress_reports').column('task_id').execute();
    },
  };
}
