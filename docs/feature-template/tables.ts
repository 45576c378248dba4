import type { Generated } from 'kysely';

/** The feature's tables, added to the database's type where they are declared (no shared schema file to edit). */
export interface ExampleNoteTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  text: string;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    example_notes: ExampleNoteTable;
  }
}
