/**
 * Reads an official document (công văn, công điện, thông báo, kế hoạch, quyết định, chỉ thị, nghị quyết)
 * laid out as Nghị định 30/2020/NĐ-CP prescribes, from pasted or converted text. Pure: no I/O, no clock.
 *
 * Order of work: clean lines → header (issuer … Kính gửi) → closing (Nơi nhận, signature) → body split
 * into opening (references), numbered items (tasks) and the closing sentence.
 */
import { documentKindFromSymbol, findReferences } from './citations.ts';
import { findDeadline } from './deadlines.ts';
import {
  isAuthorityLine,
  isDistributionLead,
  type LetterClosing,
  readClosing,
  signatureStartFromEnd,
} from './letter-closing.ts';
import { type LetterHeader, readHeader } from './letter-header.ts';
import { isUpperText, MAX_LETTER_CHARS, toLetterLines } from './letter-text.ts';
import {
  type DocumentReference,
  NotALetterError,
  type ParsedDocument,
  type Task,
} from './parsed-document.ts';
import { readAssignment } from './task-assignment.ts';
import { flatten, type ItemNode, splitBody, toParagraphs } from './task-items.ts';
import { isoDate } from './vietnamese-dates.ts';

export type {
  Deadline,
  DistributionEntry,
  DistributionMark,
  DocumentKind,
  DocumentReference,
  NotALetterReason,
  ParsedDocument,
  PartialDate,
  ReferenceKind,
  Task,
} from './parsed-document.ts';
export { NotALetterError } from './parsed-document.ts';

/** Parses one document; throws NotALetterError (with a `reason`) when the text is not one. */
export function parseDocument(text: string): ParsedDocument {
  if (typeof text !== 'string') throw new NotALetterError('not-text', 'Expected the text of a letter.');
  if (text.length > MAX_LETTER_CHARS) {
    throw new NotALetterError(
      'too-long',
      `The text has ${groupDigits(text.length)} characters; an official letter has far fewer ` +
        `(limit ${groupDigits(MAX_LETTER_CHARS)}). Paste one letter at a time.`,
    );
  }
  if (text.trim() === '') throw new NotALetterError('empty', 'The text is empty.');

  const lines = toLetterLines(text);
  const header = readHeader(lines);
  const { closing, closingStart, hasDistribution } = readEnd(lines, header.bodyStart);
  requireLetterShape(header, closing, hasDistribution);

  const paragraphs = toParagraphs(lines.slice(header.bodyStart, closingStart));
  if (paragraphs.length === 0) {
    throw new NotALetterError(
      'no-body',
      'The letter has a header but no body text between it and the signature.',
    );
  }
  const parts = splitBody(paragraphs);
  const { datePartial } = header;
  const context = { year: datePartial.year, month: datePartial.month };

  return {
    kind: header.titleKind ?? documentKindFromSymbol(header.symbol) ?? 'letter',
    number: header.number,
    symbol: header.symbol,
    issuer: header.issuer as string,
    issuerSuperior: header.issuerSuperior,
    place: header.place,
    date: isoDate(datePartial.year, datePartial.month, datePartial.day),
    datePartial,
    subject: header.subject,
    addressees: header.addressees,
    references: uniqueReferences(parts.opening.flatMap((p) => findReferences(p.text))),
    tasks: toTasks(parts.items, context),
    distribution: closing.distribution,
    authority: closing.authority,
    signerTitle: closing.signerTitle,
    signer: closing.signer,
    body: paragraphs.map((p) => p.text).join('\n\n'),
  };
}

/** 1000000 → "1,000,000" (toLocaleString would load locale data on its first call, a slow first refusal). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

export type ParseResult = { ok: true; document: ParsedDocument } | { ok: false; error: NotALetterError };

/** parseDocument without throwing, for callers that show the reason to the user. */
export function tryParseDocument(text: string): ParseResult {
  try {
    return { ok: true, document: parseDocument(text) };
  } catch (error) {
    if (error instanceof NotALetterError) return { ok: false, error };
    throw error;
  }
}

function readEnd(
  lines: readonly string[],
  bodyStart: number,
): { closing: LetterClosing; closingStart: number; hasDistribution: boolean } {
  let closingStart = -1;
  let hasDistribution = false;
  for (let k = bodyStart; k < lines.length; k++) {
    const line = lines[k] ?? '';
    if (!line) continue;
    if (isDistributionLead(line)) {
      hasDistribution = true;
      closingStart = k;
      break;
    }
    if (isAuthorityLine(line)) {
      closingStart = k;
      break;
    }
  }
  if (closingStart < 0) closingStart = signatureStartFromEnd(lines, bodyStart);
  return { closing: readClosing(lines, closingStart), closingStart, hasDistribution };
}

/** A letter shows at least two parts of the national layout and names its issuer. */
function requireLetterShape(header: LetterHeader, closing: LetterClosing, hasDistribution: boolean): void {
  const { seen } = header;
  const parts = [
    seen.motto,
    seen.number,
    seen.placeDate,
    seen.subject || header.titleKind !== null,
    seen.addressees,
    hasDistribution,
    closing.authority !== null || closing.signerTitle !== null,
  ].filter(Boolean).length;
  if (parts < 2) {
    throw new NotALetterError(
      'no-structure',
      'This does not look like an official letter: none or only one of the national layout parts was found ' +
        '(issuer and motto header, "Số: …", "<place>, ngày … tháng … năm …", "V/v …", "Kính gửi:", ' +
        '"Nơi nhận:", signature block).',
    );
  }
  if (!header.issuer) {
    throw new NotALetterError(
      'no-issuer',
      'The issuing body was not found: the letter should open with it (e.g. "ỦY BAN NHÂN DÂN / HUYỆN …") ' +
        'before "Số: …" and the date.',
    );
  }
}

function uniqueReferences(references: DocumentReference[]): DocumentReference[] {
  const seen = new Set<string>();
  return references.filter((r) => {
    const key = r.symbol === null ? `text:${r.text}` : `${r.number}/${r.symbol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Items become tasks; an item that names no unit acts for the units of its heading (children inherit). */
function toTasks(items: readonly ItemNode[], context: { year: number | null; month: number | null }): Task[] {
  const byNode = new Map<ItemNode, Task>();
  const tasks: Task[] = [];
  for (const node of flatten(items)) {
    const text = node.paragraphs.join('\n');
    // A section title in capitals says nothing of units; the paragraph under it does.
    const first = node.paragraphs.find((p) => !isUpperText(p)) ?? node.paragraphs[0] ?? '';
    const assignment = readAssignment(first, text);
    const parent = node.parent ? byNode.get(node.parent) : undefined;
    const own = assignment.addressedUnits.length > 0 || assignment.leadUnit !== null;
    // "2.1. Trung tâm Y tế huyện / + Chủ trì tổ chức …": the heading's one unit leads.
    const inheritedLead =
      !own && parent?.addressedUnits.length === 1 && /^chủ trì(?!\p{L})/iu.test(first)
        ? (parent.addressedUnits[0] ?? null)
        : (parent?.leadUnit ?? null);
    const task: Task = {
      ordinal: node.ordinal,
      text,
      leadUnit: own ? assignment.leadUnit : inheritedLead,
      coordinatingUnits:
        assignment.coordinatingUnits.length > 0 || own
          ? assignment.coordinatingUnits
          : [...(parent?.coordinatingUnits ?? [])],
      addressedUnits: own ? assignment.addressedUnits : [...(parent?.addressedUnits ?? [])],
      deadline: findDeadline(text, context) ?? (parent?.deadline ? { ...parent.deadline } : null),
    };
    byNode.set(node, task);
    tasks.push(task);
  }
  return tasks;
}
