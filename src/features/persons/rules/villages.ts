/**
 * Village names as typed on lists, matched to the commune's villages: "Na Hoa", "thôn Nà Hoa" and
 * "TDP Nà Hoa" all mean "Thôn Nà Hoa". Diacritics, case and the kind of village are ignored.
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics, normalizeName } from '../../../core/text.ts';
import {
  defaultVillageKind,
  VILLAGE_KIND_WORDS,
  type VillageKind,
  villageKindOfFolded,
} from '../../admin-units/rules.ts';
import { titleCaseName } from './person-name.ts';

export interface VillageRef {
  id: number;
  name: string;
}

/** `unknown`: the commune has no such village (a new one), as opposed to a name several villages share. */
export type VillageMatch = { ok: true; id: number } | { ok: false; unknown: boolean; reason: Message };

const words = (name: string) => normalizeName(name.replace(/[.,;:]/g, ' '));

/** The village name without its kind: "Thôn Nà Hoa" → "na hoa", "Tổ 05" → "5". */
export function villageStem(name: string): string {
  const folded = foldDiacritics(words(name));
  return (villageKindOfFolded(folded)?.rest ?? folded).replace(/^0+(?=\d)/, '');
}

export interface NewVillage {
  /** As the commune's list of villages will show it: "thôn khe rè" → "Thôn Khe Rè", "TDP 5" → "Tổ dân phố 5". */
  name: string;
  kind: VillageKind;
}

/**
 * A village a list names and the commune does not have yet, with its kind read from the name; a name without
 * one gets the commune's usual kind ("Khe Rè" in a xã → "Thôn Khe Rè").
 */
export function newVillage(text: string, communeKind: string): NewVillage {
  const typed = words(text);
  const found = villageKindOfFolded(foldDiacritics(typed));
  const kind = found?.kind ?? defaultVillageKind(communeKind);
  const rest = found ? typed.split(' ').slice(-found.rest.split(' ').length).join(' ') : typed;
  return { name: `${VILLAGE_KIND_WORDS[kind].vi} ${titleCaseName(rest)}`, kind };
}

/** Lists repeat the same few village names on every row: answers are kept per village list and text. */
const matches = new WeakMap<readonly VillageRef[], Map<string, VillageMatch>>();

export function matchVillage(text: string, villages: readonly VillageRef[]): VillageMatch {
  const known = matches.get(villages) ?? new Map<string, VillageMatch>();
  matches.set(villages, known);
  let match = known.get(text);
  if (!match) {
    match = findVillage(text, villages);
    known.set(text, match);
  }
  return match;
}

function findVillage(text: string, villages: readonly VillageRef[]): VillageMatch {
  const folded = foldDiacritics(text);
  const exact = villages.filter((v) => foldDiacritics(v.name) === folded);
  if (exact.length === 1) return { ok: true, id: exact[0]!.id };
  const stem = villageStem(text);
  let found = villages.filter((v) => villageStem(v.name) === stem);
  // "Làng Mới" for "Thôn Làng Mới": a name that starts with a kind's word may be the whole stem.
  if (found.length === 0) found = villages.filter((v) => villageStem(v.name) === folded);
  if (found.length === 1) return { ok: true, id: found[0]!.id };
  if (found.length > 1)
    return fail(
      false,
      `Có ${found.length} thôn cùng tên “${text}” (${found.map((v) => v.name).join(', ')}): ghi rõ Thôn, Bản hay Tổ dân phố.`,
      `${found.length} villages are called “${text}” (${found.map((v) => v.name).join(', ')}): say which kind.`,
    );
  return fail(
    true,
    `Không có thôn “${text}” trong xã: kiểm tra tên thôn, hoặc chọn tạo thôn mới khi nhập.`,
    `There is no village “${text}” in this commune: check the name, or choose to create new villages.`,
  );
}

function fail(unknown: boolean, vi: string, en: string): VillageMatch {
  return { ok: false, unknown, reason: { vi, en } };
}
