import type { Kysely } from 'kysely';

/**
 * The committee's decisions recorded as decisions (issue 17): each checkpoint's opening and closing decision
 * and each event's approval or refusal carry the decision's number, its date and its signer (name and
 * position). Nullable: rows decided before this migration have no signer (and events no number); every new
 * decision fills them (the routes require them). Never edit once applied.
 */
export function decisionRecords() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      for (const column of [
        'opened_signer_name',
        'opened_signer_title',
        'closed_signer_name',
        'closed_signer_title',
      ])
        await db.schema.alterTable('checkpoints').addColumn(column, 'text').execute();
      for (const column of ['decision_number', 'decision_date', 'signer_name', 'signer_title'])
        await db.schema.alterTable('gatherings').addColumn(column, 'text').execute();
    },
  };
}
