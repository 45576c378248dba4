/**
 * The wide layout of commune vaccination lists: one row per person, the doses side by side —
 * "Mũi 1 - Tên vắc xin | Mũi 1 - Ngày tiêm | Mũi 2 - …", "Ngày tiêm mũi 1", "Loại vắc xin M2", or a merged
 * "Mũi 1" over a sub-row "Vắc xin | Ngày tiêm | Số lô", or a bare "Mũi 1 | Mũi 2 | Mũi 3" whose cells hold the
 * dates (the vaccine then comes from the row's own vaccine column). Each group becomes one dose.
 */
import { headerKey } from '../../persons/rules/headers.ts';

/** The columns a dose group may have; "Mũi" itself is the group. */
export type GroupField = 'vaccine' | 'doseDate' | 'site' | 'lot';

export interface DoseGroup {
  /** The header text naming the group ("Mũi 1", "Mũi nhắc lại"), as reports name the column. */
  label: string;
  /** What a dose-number cell of the one-row-per-dose layout would hold: "1", "nhắc lại 2", "bổ sung". */
  doseNumber: string;
  columns: Partial<Record<GroupField, { index: number; header: string }>>;
}

/** A group label inside a folded header: "mui 1", "mui thu 2", "m3", "mui nhac lai 1", "mui bo sung". */
const LABEL =
  /\b(?:mui (?:thu |so )?(\d{1,2})|m(\d{1,2})|mui (nhac lai|tang cuong)(?: lan)?(?: (\d{1,2}))?|mui (bo sung))\b/;

const GROUP_FIELD_ALIASES: Readonly<Record<string, GroupField>> = Object.fromEntries(
  (
    [
      [
        'vaccine',
        'ten vac xin|loai vac xin|vac xin|vacxin|loai vacxin|vaccine|loai vaccine|ten vaccine|loai',
      ],
      ['doseDate', 'ngay tiem|ngay|thoi gian tiem|ngay thang tiem|ngay tiem chung|da tiem ngay'],
      ['site', 'co so tiem|co so tiem chung|diem tiem|noi tiem|don vi tiem|dia diem tiem|noi'],
      ['lot', 'so lo|lo vac xin|so lo vac xin|lo'],
    ] as const
  ).flatMap(([field, keys]) => keys.split('|').map((key) => [key, field])),
);

interface Label {
  doseNumber: string;
  /** The header's words besides the label: "ngay tiem" of "Ngày tiêm mũi 1". */
  rest: string;
}

function labelIn(text: string): Label | null {
  const key = headerKey(text);
  const m = LABEL.exec(key);
  if (!m) return null;
  const doseNumber = m[1] ?? m[2] ?? (m[3] ? `nhắc lại ${m[4] ?? 1}` : 'bổ sung');
  const rest = `${key.slice(0, m.index)} ${key.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  return { doseNumber, rest };
}

const fieldOf = (rest: string): GroupField | null => GROUP_FIELD_ALIASES[rest] ?? null;

/**
 * The dose groups of a header row (and the row below it, when a merged "Mũi N" heads a sub-row), or null when
 * the row has none. `used` holds the columns the groups take, which are then no person or dose column.
 */
export function doseGroups(
  top: string[],
  sub: string[] | null,
): { groups: DoseGroup[]; used: Set<number>; fromSubRow: boolean } | null {
  const groups = new Map<string, DoseGroup>();
  const used = new Set<number>();
  let fromSubRow = false;
  const groupOf = (label: Label, text: string) => {
    let group = groups.get(label.doseNumber);
    if (!group) {
      group = { label: text, doseNumber: label.doseNumber, columns: {} };
      groups.set(label.doseNumber, group);
    }
    return group;
  };
  const put = (group: DoseGroup, field: GroupField | null, index: number, header: string) => {
    if (!field || group.columns[field]) return false;
    group.columns[field] = { index, header };
    used.add(index);
    return true;
  };
  /** A bare "Mũi 1" in the top row merged over sub-row cells: the group continues while the top is blank. */
  let spanning: { group: DoseGroup; label: string } | null = null;
  const width = Math.max(top.length, sub?.length ?? 0);
  for (let j = 0; j < width; j++) {
    const above = (top[j] ?? '').trim();
    const under = (sub?.[j] ?? '').trim();
    const label = above ? labelIn(above) : null;
    if (above && !label) {
      spanning = null;
      continue;
    }
    if (label?.rest) {
      spanning = null;
      put(groupOf(label, above), fieldOf(label.rest), j, above);
      continue;
    }
    if (label) spanning = { group: groupOf(label, above), label: above };
    if (!spanning) continue;
    if (sub && under) {
      if (put(spanning.group, fieldOf(headerKey(under)), j, `${spanning.label} / ${under}`)) {
        fromSubRow = true;
        continue;
      }
    }
    // A bare label with no sub-header under it: its cells are the dates of that dose.
    if (label && !under) put(spanning.group, 'doseDate', j, above);
  }
  const found = [...groups.values()].filter((g) => g.columns.doseDate);
  return found.length > 0 ? { groups: found, used, fromSubRow } : null;
}
