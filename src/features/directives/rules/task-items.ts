/**
 * The body of a letter: paragraphs, the opening (before the first item), the numbered items, and the
 * closing sentence ("… thực hiện./.").
 *
 * Ordinal scheme: the path of labels from the top item down, joined with ".". Numbers, letters and roman
 * numerals keep the label the letter prints ("2", "2.a", "II.1", "Điều 1" → "1"); "(1)" stays "(1)";
 * bullets, which print no label, are numbered among their siblings with their sign: "-1", "-2", "+1", "*1".
 * So "- " bullets under item 1 are "1.-1", "1.-2"; "(2)" under item 2 is "2.(2)"; "b)" under "1.2." is
 * "1.2.b". A label printed twice under one parent (a typo: two items "1.") keeps its label and gets "#2".
 *
 * Nesting follows the marker types in order of first appearance, as readers do: a new type goes one level
 * down, a type already open goes back to its level.
 */
import { isUpperText, startsUpper } from './letter-text.ts';
import { bulletPrefix, type Marker, type MarkerType, readMarker } from './list-markers.ts';

export interface Paragraph {
  text: string;
  marker: Marker | null;
}

export interface ItemNode {
  ordinal: string;
  /** Item paragraphs without the marker. */
  paragraphs: string[];
  parent: ItemNode | null;
  children: ItemNode[];
}

export interface BodyParts {
  opening: Paragraph[];
  items: ItemNode[];
  closing: Paragraph[];
}

/** Joins wrapped lines into paragraphs; blank lines and item markers start new ones. */
export function toParagraphs(lines: readonly string[]): Paragraph[] {
  const width = wrapWidth(lines);
  const out: Paragraph[] = [];
  let blankBefore = true;
  let previous = '';
  for (const line of lines) {
    if (!line) {
      blankBefore = true;
      continue;
    }
    // A line the export filled to the margin was cut there, whatever its last character.
    const cut = !blankBefore && width > 0 && previous.length >= width * 0.8;
    let marker = readMarker(line);
    if (
      marker &&
      cut &&
      isBullet(marker) &&
      !/[.;:!?]$/.test(previous) &&
      !startsUpper(line.slice(marker.length))
    ) {
      marker = null; // "… công nghệ / + đề cao ý thức …": a "+" that the wrap put first
    }
    const last = out.at(-1);
    if (!marker && last && continues(previous, line, blankBefore)) last.text = `${last.text} ${line}`;
    else out.push({ text: line, marker });
    blankBefore = false;
    previous = line;
  }
  return out;
}

function isBullet(marker: Marker): boolean {
  return marker.type === 'dash' || marker.type === 'plus';
}

function continues(previous: string, line: string, blankBefore: boolean): boolean {
  if (isUpperText(previous) || isUpperText(line)) return false;
  // No paragraph starts in lower case: the line goes on the one above.
  if (!blankBefore && !startsUpper(line)) return true;
  // A wrapped paragraph may break after a comma, before a name ("…, / Ban Bí thư …").
  if (previous.endsWith(',')) return !blankBefore;
  if (/[;.:!?…]["”’)]?$/u.test(previous)) return false;
  // Without end punctuation the line goes on; after a blank line only a lower-case or digit start does
  // ("… của huyện năm" / "2022 theo phương châm …").
  return !blankBefore || !startsUpper(line);
}

/**
 * The margin of hard-wrapped text (most lines nearly as long as the longest, at most 120 characters),
 * or 0 for text with one line per paragraph.
 */
function wrapWidth(lines: readonly string[]): number {
  let count = 0;
  let max = 0;
  for (const line of lines) {
    if (!line) continue;
    count++;
    if (line.length > max) max = line.length;
  }
  if (count < 6 || max > 120) return 0;
  let long = 0;
  for (const line of lines) if (line.length >= max * 0.7) long++;
  return long / count >= 0.5 ? max : 0;
}

const REFERENCE_LIST_LEAD = /^(?:Căn cứ|Thực hiện|Theo)(?!\p{L}).{0,200}:$/u;
const CITED_DOCUMENT =
  /^(?:Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Chỉ thị|Thông tư|Công văn|Công điện|Văn bản|Kế hoạch|Hướng dẫn|Thông báo|Kết luận)(?!\p{L})/u;
const CLOSING_LEAD =
  /^(?:Trên đây|Với nội dung trên|Căn cứ nội dung|Nhận được|Trong quá trình (?:triển khai|thực hiện|tổ chức)|Đề nghị|Yêu cầu|Vậy)(?!\p{L})/u;

export function splitBody(paragraphs: readonly Paragraph[]): BodyParts {
  // A "Căn cứ:" followed by a bullet list of documents belongs to the opening, not to the tasks.
  let first = paragraphs.length;
  let referenceList = false;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k] as Paragraph;
    if (!p.marker) {
      referenceList = REFERENCE_LIST_LEAD.test(p.text);
      continue;
    }
    if (!referenceList || !CITED_DOCUMENT.test(p.text.slice(p.marker.length))) {
      first = k;
      break;
    }
  }
  let last = -1;
  for (let k = paragraphs.length - 1; k >= first; k--) {
    if (paragraphs[k]?.marker) {
      last = k;
      break;
    }
  }
  let closingStart = paragraphs.length;
  // A last item that is a heading ("III. TỔ CHỨC THỰC HIỆN", "… như sau:") owns the paragraph under it.
  const lastText = paragraphs[last]?.text ?? '';
  const from = isUpperText(lastText) || lastText.endsWith(':') ? last + 2 : last + 1;
  for (let k = from; k < paragraphs.length && last >= 0; k++) {
    const text = paragraphs[k]?.text ?? '';
    if (text.endsWith('./.') || CLOSING_LEAD.test(text)) {
      closingStart = k;
      break;
    }
  }
  if (last < 0) closingStart = paragraphs.length;
  return {
    opening: paragraphs.slice(0, first),
    items: buildTree(paragraphs.slice(first, closingStart)),
    closing: paragraphs.slice(closingStart),
  };
}

function buildTree(paragraphs: readonly Paragraph[]): ItemNode[] {
  const roots: ItemNode[] = [];
  const stack: { type: MarkerType; node: ItemNode }[] = [];
  // Bullets are counted per parent and sign; printed labels are checked for repeats per parent.
  const counters = new Map<ItemNode | null, Map<string, number>>();
  for (const p of paragraphs) {
    if (!p.marker) {
      stack.at(-1)?.node.paragraphs.push(p.text);
      continue;
    }
    const level = stack.findIndex((s) => s.type === p.marker?.type);
    if (level >= 0) stack.length = level;
    const parent = stack.at(-1)?.node ?? null;
    const counts = counters.get(parent) ?? new Map<string, number>();
    counters.set(parent, counts);
    const sign = bulletPrefix(p.marker.type);
    let label = p.marker.label;
    if (sign) {
      const n = (counts.get(sign) ?? 0) + 1;
      counts.set(sign, n);
      label = `${sign}${n}`;
    }
    const seen = (counts.get(`label:${label}`) ?? 0) + 1;
    counts.set(`label:${label}`, seen);
    const path = parent ? `${parent.ordinal}.${label}` : label;
    const node: ItemNode = {
      ordinal: seen > 1 ? `${path}#${seen}` : path,
      paragraphs: [p.text.slice(p.marker.length).trim()],
      parent,
      children: [],
    };
    (parent ? parent.children : roots).push(node);
    stack.push({ type: p.marker.type, node });
  }
  return roots;
}

/** Items in reading order, parents before their children. */
export function flatten(items: readonly ItemNode[]): ItemNode[] {
  const out: ItemNode[] = [];
  const visit = (node: ItemNode) => {
    out.push(node);
    for (const child of node.children) visit(child);
  };
  for (const item of items) visit(item);
  return out;
}
