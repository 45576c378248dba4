/**
 * Village names as typed on lists, matched to the commune's villages: "Na Hoa", "thôn Nà Hoa" and
 * "TDP Nà Hoa" all mean "Thôn Nà Hoa". Diacritics, case and the kind of village are ignored.
 */
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';

export interface VillageRef {
  id: number;
  name: string;
}

export type VillageMatch = { ok: true; id: number } | { ok: false; reason: Message };

/** Longest first, so that "to dan pho" is removed before "to". */
const KIND_PREFIXES = ['to dan pho', 'khu pho', 'thon', 'ban', 'xom', 'tdp', 'khu', 'to', 'ap', 'khom'];

/** The village name without its kind: "Thôn Nà Hoa" → "na hoa", "Tổ 05" → "5". */
export function villageStem(name: string): string {
  let folded = foldDiacritics(name.replace(/[.,;:]/g, ' '));
  const prefix = KIND_PREFIXES.find((p) => folded.startsWith(`${p} `));
  if (prefix) folded = folded.slice(prefix.length + 1);
  return folded.replace(/^0+(?=\d)/, '');
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
  const found = villages.filter((v) => villageStem(v.name) === stem);
  if (found.length === 1) return { ok: true, id: found[0]!.id };
  if (found.length > 1)
    return fail(
      `Có ${found.length} thôn cùng tên “${text}” (${found.map((v) => v.name).join(', ')}): ghi rõ Thôn, Bản hay Tổ dân phố.`,
      `${found.length} villages are called “${text}” (${found.map((v) => v.name).join(', ')}): say which kind.`,
    );
  return fail(
    `Không có thôn “${text}” trong xã: kiểm tra tên thôn hoặc thêm thôn vào danh mục.`,
    `There is no village “${text}” in this commune: check the name or add the village.`,
  );
}

function fail(vi: string, en: string): { ok: false; reason: Message } {
  return { ok: false, reason: { vi, en } };
}
