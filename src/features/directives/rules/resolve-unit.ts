/**
 * Maps a unit name as a letter writes it to a known unit, whatever the diacritics, case, punctuation and
 * abbreviations ("Phòng LĐ-TB&XH" = "Phòng Lao động, Thương binh và Xã hội"), and fans a collective name
 * ("UBND các xã, thị trấn") out to one entry per commune.
 */
import { foldDiacritics, normalizeName } from '../../../core/text.ts';

export interface UnitCandidate {
  id: string;
  name: string;
  aliases?: string[];
}

export type UnitConfidence = 'exact' | 'fuzzy' | 'none';

export interface ResolvedUnit {
  /** null when no candidate matches, or several match equally well (we do not guess). */
  id: string | null;
  /** The name as the letter gives it, whitespace normalised; kept even when unresolved. */
  text: string;
  confidence: UnitConfidence;
}

/** Abbreviations of Vietnamese administration, on folded text (no diacritics, lower case). */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [
    /\b(?:ld\s*-?\s*tb\s*(?:&|va)?\s*xh|ldtbxh|lao dong\s*,?\s*-?\s*tb\s*(?:&|va)?\s*xh)\b/g,
    'lao dong thuong binh va xa hoi',
  ],
  [/\btb\s*(?:&|va)\s*xh\b/g, 'thuong binh va xa hoi'],
  [/\b(?:vh\s*-?\s*tt\s*(?:&|va|-)?\s*dl|vhttdl)\b/g, 'van hoa the thao va du lich'],
  [/\b(?:vh\s*(?:-|&|va)?\s*tt|vhtt)\b/g, 'van hoa va thong tin'],
  [/\b(?:gd\s*(?:&|-|va)?\s*dt|gddt)\b/g, 'giao duc va dao tao'],
  [/\b(?:tn\s*(?:&|-|va)?\s*mt|tnmt)\b/g, 'tai nguyen va moi truong'],
  [/\b(?:nn\s*(?:&|-|va)?\s*ptnt|nnptnt)\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bkh\s*(?:&|-|va)\s*dt\b/g, 'ke hoach va dau tu'],
  [/\b(?:tc\s*-?\s*kh|tckh)\b/g, 'tai chinh ke hoach'],
  [/\b(?:ct\s*-?\s*xh|ctxh)\b/g, 'chinh tri xa hoi'],
  [/\b(?:kt\s*-?\s*ht|ktht)\b/g, 'kinh te ha tang'],
  [/\bhdnd\s*(?:&|-|va)\s*ubnd\b/g, 'hoi dong nhan dan va uy ban nhan dan'],
  [/\bubmttq\b/g, 'uy ban mat tran to quoc'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bbchqs\b/g, 'ban chi huy quan su'],
  [/\bchqs\b/g, 'chi huy quan su'],
  [/\bbch\b/g, 'ban chi huy'],
  [/\bbcd\b/g, 'ban chi dao'],
  [/\bqs\b/g, 'quan su'],
  [/\bttyt\b/g, 'trung tam y te'],
  [/\btyt\b/g, 'tram y te'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\bbhxh\b/g, 'bao hiem xa hoi'],
  [/\bhlhpn\b/g, 'hoi lien hiep phu nu'],
  [/\bvp\b/g, 'van phong'],
  [/\btp\b/g, 'thanh pho'],
  [/\bpc\b/g, 'phong chong'],
  [/\bcovid\s*-?\s*19\b/g, 'covid 19'],
];

/** Words that carry no identity once abbreviations are expanded ("và", "các"). */
const FILLER = new Set(['va', 'cac']);
/**
 * Words that may be left out without changing which unit is meant ("Phòng", "huyện", "Ủy ban nhân dân");
 * "Việt Nam" too, as in "Mặt trận Tổ quốc (Việt Nam)".
 */
const OPTIONAL = new Set([
  'phong',
  'huyen',
  'tinh',
  'so',
  'uy',
  'ban',
  'nhan',
  'dan',
  'thi',
  'tran',
  'xa',
  'thanh',
  'pho',
]);

/** The comparison key of a name: folded, abbreviations expanded, punctuation and filler words removed. */
export function unitKey(name: string): string {
  let s = foldDiacritics(name).replace(/[–—]/g, '-');
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, ` ${full} `);
  return s
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !FILLER.has(w))
    .join(' ');
}

interface IndexedCandidate {
  id: string;
  keys: string[];
}

/** Prepares candidates once for many look-ups. */
export function createUnitResolver(candidates: readonly UnitCandidate[]): (name: string) => ResolvedUnit {
  const indexed: IndexedCandidate[] = candidates.map((c) => ({
    id: c.id,
    keys: [c.name, ...(c.aliases ?? [])].map(unitKey).filter(Boolean),
  }));
  const exact = new Map<string, Set<string>>();
  for (const c of indexed) {
    for (const key of c.keys) exact.set(key, (exact.get(key) ?? new Set()).add(c.id));
  }
  return (name) => {
    const text = normalizeName(name);
    const key = unitKey(text);
    if (!key) return { id: null, text, confidence: 'none' };
    const ids = exact.get(key);
    if (ids && ids.size === 1) return { id: [...ids][0] ?? null, text, confidence: 'exact' };
    if (ids && ids.size > 1) return { id: null, text, confidence: 'none' };
    return fuzzy(indexed, key, text);
  };
}

export function resolveUnitName(name: string, candidates: readonly UnitCandidate[]): ResolvedUnit {
  return createUnitResolver(candidates)(name);
}

/** Best similarity above the bar, and only when no other unit is as good. */
function fuzzy(candidates: readonly IndexedCandidate[], key: string, text: string): ResolvedUnit {
  let best = 0;
  let bestIds = new Set<string>();
  for (const c of candidates) {
    let score = 0;
    for (const k of c.keys) score = Math.max(score, similarity(key, k));
    if (score > best + 1e-9) {
      best = score;
      bestIds = new Set([c.id]);
    } else if (Math.abs(score - best) <= 1e-9 && score > 0) {
      bestIds.add(c.id);
    }
  }
  if (best >= 0.8 && bestIds.size === 1) return { id: [...bestIds][0] ?? null, text, confidence: 'fuzzy' };
  return { id: null, text, confidence: 'none' };
}

/** 1 when the names differ only by optional words; else token overlap, or near spelling for typos. */
function similarity(a: string, b: string): number {
  const core = (s: string) =>
    ` ${s} `
      .replace(/ viet nam /g, ' ')
      .split(' ')
      .filter((w) => w && !OPTIONAL.has(w))
      .join(' ');
  const ca = core(a);
  const cb = core(b);
  if (ca && ca === cb) return 1;
  const ta = new Set(a.split(' '));
  const tb = new Set(b.split(' '));
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const dice = (2 * shared) / (ta.size + tb.size);
  const edits = a.length >= 10 && Math.abs(a.length - b.length) <= 2 ? editDistance(a, b, 2) : 3;
  return Math.max(dice, edits <= 2 ? 0.9 - edits * 0.05 : 0);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length] ?? limit + 1;
}

export interface CommuneEntry {
  /** The commune's id from the list given. */
  id: string;
  /** The commune's name from the list given. */
  name: string;
  /** The collective name made singular: "UBND các xã, thị trấn" → "UBND xã Yên Thịnh". */
  text: string;
}

/** "các xã", "xã, thị trấn", "các xã, phường, thị trấn" (a single "xã X" is not collective). */
const COLLECTIVE =
  /(?:(?<![\p{L}])các\s+)(?:xã|phường|thị\s+trấn)(?:\s*(?:,|và)\s*(?:xã|phường|thị\s+trấn))*|(?<![\p{L}])(?:xã|phường|thị\s+trấn)(?:\s*(?:,|và)\s*(?:xã|phường|thị\s+trấn))+/iu;

/**
 * One entry per commune for a collective unit ("UBND các xã, thị trấn", "Chủ tịch UBND các xã, thị trấn",
 * "Ban Chỉ đạo … các xã, phường, thị trấn", "Trạm Y tế các xã"); null when the name is not collective.
 * When a commune's name starts with its level ("Xã …", "Thị trấn …"), only the levels the name lists are
 * kept: "các xã" leaves out the thị trấn. Names without a level are all kept.
 */
export function expandCollectiveUnit(
  name: string,
  communes: readonly UnitCandidate[],
): CommuneEntry[] | null {
  const text = normalizeName(name);
  const m = COLLECTIVE.exec(text);
  if (!m) return null;
  const levels = new Set(foldDiacritics(m[0]).match(/thi tran|phuong|xa/g) ?? []);
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  const out: CommuneEntry[] = [];
  for (const commune of communes) {
    const level = communeLevel(commune.name);
    if (level && !levels.has(level)) continue;
    const display = level ? lowerFirst(normalizeName(commune.name)) : normalizeName(commune.name);
    const joined = `${before}${display}${after}`.replace(/\s+/g, ' ').trim();
    out.push({ id: commune.id, name: commune.name, text: before ? joined : upperFirst(joined) });
  }
  return out;
}

function communeLevel(name: string): string | null {
  const folded = foldDiacritics(name);
  if (folded.startsWith('thi tran ')) return 'thi tran';
  if (folded.startsWith('phuong ')) return 'phuong';
  if (folded.startsWith('xa ')) return 'xa';
  return null;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
