/**
 * One row of a dose list read into the place, the person's national ID and cells, and the dose; or every
 * problem, each naming its column. The person's other fields, and the place, matter later, and only when the
 * national ID does not find the person in the registry (most rows of an adult campaign do).
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';
import { cellText, checkNationalId } from '../../persons/index.ts';
import { readDoseDate, readDoseNumber } from '../rules/dose-cells.ts';
import type { DoseFileField } from '../rules/dose-headers.ts';
import type { DoseFact } from '../rules/dose-series.ts';
import { parseVaccine } from '../rules/vaccines.ts';
import type { CommuneCells, CommuneMatch } from './commune-resolver.ts';

export type Cells = Partial<Record<DoseFileField, unknown>>;
export type Problem = { field: string; reason: Message };

export interface DoseRow {
  /** Null when the row's commune is unknown: `communeProblem` says why (a person found by ID needs none). */
  commune: { code: string; district: string; province: string } | null;
  communeProblem: Problem | null;
  nationalId: string | null;
  cells: Cells;
  dose: DoseFact;
  site: string | null;
  lot: string | null;
}

const text = (v: unknown) => cellText(v).trim() || null;

function memo<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = read(key);
      known.set(key, value);
    }
    return value;
  };
}

/** A reader for one file: exports repeat a few vaccine names and a few hundred dates, each is read once. */
export function doseRowReader(resolveCommune: (cells: CommuneCells) => CommuneMatch) {
  const vaccineOf = memo((t: string) => parseVaccine(foldDiacritics(t)));
  const dateOf = memo(readDoseDate);
  return (cells: Cells): { ok: true; row: DoseRow } | { ok: false; problems: Problem[] } => {
    const problems: Problem[] = [];
    const place = resolveCommune(cells);
    const vaccineText = text(cells.vaccine);
    const vaccine = vaccineText ? vaccineOf(vaccineText) : null;
    if (!vaccine)
      problems.push({
        field: 'vaccine',
        reason: vaccineText
          ? { vi: `Không rõ vắc xin “${vaccineText}”.`, en: `Unknown vaccine “${vaccineText}”.` }
          : { vi: 'Thiếu tên vắc xin.', en: 'The vaccine is missing.' },
      });
    const date = typeof cells.doseDate === 'string' ? dateOf(cells.doseDate) : readDoseDate(cells.doseDate);
    if (!date.ok) problems.push({ field: 'doseDate', reason: date.reason });
    const number = vaccine ? readDoseNumber(cells.doseNumber, cells.doseKind, vaccine) : null;
    if (number && !number.ok) problems.push({ field: 'doseNumber', reason: number.reason });
    if (!vaccine || !date.ok || !number?.ok) return { ok: false, problems };
    const idCell = text(cells.nationalId);
    const id = idCell ? checkNationalId(idCell) : null;
    return {
      ok: true,
      row: {
        commune: place.ok
          ? {
              code: place.commune.code,
              district: place.commune.district_code!,
              province: place.commune.province_code!,
            }
          : null,
        communeProblem: place.ok ? null : { field: place.field, reason: place.reason },
        nationalId: id?.ok ? id.value : null,
        cells,
        dose: { vaccine, kind: number.value.kind, number: number.value.number, date: date.value },
        site: text(cells.site),
        lot: text(cells.lot),
      },
    };
  };
}
