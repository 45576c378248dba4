/**
 * Who a numbered item is for: lead unit (chủ trì), coordinating units (phối hợp với …) and the units the
 * item addresses.
 *
 * - "Giao X chủ trì …", "X chủ trì …" → lead X. "Giao X <verb>" with one unit is an assignment too: lead X.
 * - "X: …" (a unit's name then a colon) → lead X when it is a single unit.
 * - "X, Y và Z <verb> …" → addressed [X, Y, Z], no lead (nobody is named to lead).
 * - A heading that is only names ("1. Các đồng chí …; lãnh đạo …") → addressed, split on ";" and ",".
 * - "phối hợp (chặt chẽ) (với|cùng) Y, Z và các cơ quan liên quan" → ["Y", "Z", "các cơ quan liên quan"]:
 *   collective phrases are kept as written (expandCollectiveUnit fans them out later).
 */
import { ScanText } from './scan-text.ts';
import { isHeadAt, SCAN_WINDOW, scanUnits, type UnitScan } from './unit-phrases.ts';

export interface Assignment {
  leadUnit: string | null;
  coordinatingUnits: string[];
  addressedUnits: string[];
}

/** Words that hand the item to the units that follow ("Giao …", "Đề nghị …", "Yêu cầu …"). */
const LEADS_IN: readonly (readonly string[])[] = [['giao', 'cho'], ['giao'], ['đề', 'nghị'], ['yêu', 'cầu']];

export function readAssignment(firstParagraph: string, wholeText: string): Assignment {
  // Units open the paragraph: its first characters are enough (and keep long items cheap).
  const addressed = readAddressed(new ScanText(firstParagraph.slice(0, SCAN_WINDOW)));
  const coordinating: string[] = [];
  for (const unit of readCoordinating(wholeText)) {
    if (unit !== addressed.lead && !coordinating.includes(unit)) coordinating.push(unit);
  }
  return { leadUnit: addressed.lead, coordinatingUnits: coordinating, addressedUnits: addressed.units };
}

function readAddressed(text: ScanText): { lead: string | null; units: string[] } {
  const lead = leadIn(text, 0);
  const scan = scanUnits(text, lead.next);
  if (scan && scan.units.length > 0) return judge(scan, lead.found);
  // "UBND huyện giao Phòng Y tế chủ trì …": an assignment later in the first sentence.
  if (!text.text.includes(' giao ')) return { lead: null, units: [] };
  for (let i = 1; ; i++) {
    const t = text.at(i);
    if (!t || t.word === '.' || t.word === ';') break;
    if (t.word !== 'giao' || t.capital) continue;
    const start = text.at(i + 1)?.word === 'cho' ? i + 2 : i + 1;
    const later = scanUnits(text, start);
    if (later && later.units.length > 0) return judge(later, true);
  }
  return { lead: null, units: [] };
}

function judge(scan: UnitScan, handedOver: boolean): { lead: string | null; units: string[] } {
  const single = scan.units.length === 1;
  const lead =
    scan.stopWord === 'chủ trì' ||
    (handedOver && single && scan.stop === 'verb') ||
    (!handedOver && single && scan.stop === 'colon')
      ? (scan.units[0] ?? null)
      : null;
  return { lead, units: scan.units };
}

function leadIn(text: ScanText, at: number): { found: boolean; next: number } {
  for (const words of LEADS_IN) {
    const match = words.every((w, k) => text.at(at + k)?.word === w);
    if (match && isHeadAt(text, at + words.length)) return { found: true, next: at + words.length };
  }
  return { found: false, next: at };
}

const COORDINATE = /phối hợp/giu;

function readCoordinating(text: string): string[] {
  const units: string[] = [];
  COORDINATE.lastIndex = 0;
  for (let m = COORDINATE.exec(text); m; m = COORDINATE.exec(text)) {
    const window = new ScanText(text.slice(m.index, m.index + SCAN_WINDOW));
    let j = 2;
    if (window.at(j)?.word === 'chặt' && window.at(j + 1)?.word === 'chẽ') j += 2;
    if (window.at(j)?.word === 'với' || window.at(j)?.word === 'cùng') j++;
    const scan = scanUnits(window, j);
    if (scan) units.push(...scan.units);
  }
  return units;
}
