/**
 * The villages a list names that its commune does not have yet: the normal case on a first import. They are
 * shown first (`ask`: the wizard confirms), created with the import (`create`), or their rows are rejected
 * (`reject`, the rule until the user says otherwise).
 */
import { eachDataRow, filledCells, openTable, type TableSource } from '../../../core/import/pipeline.ts';
import { normalizeName } from '../../../core/text.ts';
import { cellText } from '../rules/cell.ts';
import { isSignatureRow } from '../rules/headers.ts';
import {
  matchVillage,
  type NewVillage,
  newVillage,
  type VillageRef,
  villageStem,
} from '../rules/villages.ts';
import { type ColumnChoice, personColumns } from './person-columns.ts';

export type NewVillagesChoice = 'ask' | 'create' | 'reject';

export interface NewVillageReport extends NewVillage {
  /** Rows naming it. */
  rows: number;
  /** Its id, once created by this import. */
  id: number | null;
}

/** The commune's villages as an import goes, with the new ones it meets (created or not). */
export function villageBook(known: readonly VillageRef[], communeKind: string) {
  let villages = known;
  const found = new Map<string, NewVillageReport>();
  return {
    /** The villages rows are matched to, with those this import created. */
    villages: () => villages,
    /** The new village a row's cell names (counted), or null when the commune has it or the name is ambiguous. */
    see(cell: unknown): NewVillageReport | null {
      const text = normalizeName(cellText(cell));
      if (!text) return null;
      const stem = villageStem(text);
      let entry = found.get(stem);
      if (!entry) {
        const match = matchVillage(text, villages);
        if (match.ok || !match.unknown) return null;
        entry = { ...newVillage(text, communeKind), rows: 0, id: null };
        found.set(stem, entry);
      }
      entry.rows += 1;
      return entry;
    },
    /** A new village created: the rows that name it find it from now on. */
    created(entry: NewVillageReport, id: number) {
      entry.id = id;
      villages = [...villages, { id, name: entry.name }];
    },
    report: () => [...found.values()],
  };
}

/** Reads a list for the new villages its rows name, storing nothing (the wizard's question before importing). */
export async function surveyNewVillages(
  source: TableSource & ColumnChoice,
  book: ReturnType<typeof villageBook>,
): Promise<{ rowsRead: number; newVillages: NewVillageReport[] }> {
  const table = await openTable(source);
  const { headerRowNumber, columns } = personColumns(table.head, source);
  const village = columns.find((c) => c.field === 'village');
  let rowsRead = 0;
  await eachDataRow(table, headerRowNumber, (r) => {
    if (isSignatureRow(r.cells)) return 'end';
    if (filledCells(r.cells) <= 1) return;
    rowsRead += 1;
    if (village) book.see(r.cells[village.index]);
  });
  return { rowsRead, newVillages: book.report() };
}
