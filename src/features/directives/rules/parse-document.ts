/**
 * Reads an official document (công văn, công điện, thông báo, kế hoạch, quyết định, chỉ thị, nghị quyết)
 * laid out as Nghị định 30/2020/NĐ-CP prescribes, from pasted or converted text. Pure: no I/O, no clock.
 *
 * Order of work: clean lines → header (issuer … Kính gửi) → closing (Nơi nhận, signature) → body split
 * into opening (references), numbered items (tasks) and the closing sentence.
 */
import { documentKindFromSymbol, findReferences, sameDocument } from './citations.ts';
import { findDeadline } from './deadlines.ts';
import {
  isAuthorityLine,
  isDistributionLead,
  type LetterClosing,
  readClosing,
  signatureStartFromEnd,
} from './letter-closing.ts';
import { type LetterHeader, readHeader } from './letter-header.ts';
import { type OwnCitation, readOwnCitation } from './letter-repost.ts';
import { isUpperText, MAX_LETTER_CHARS, toLetterLines } from './letter-text.ts';
import { officialNameCase } from './official-name-case.ts';
import {
  type DocumentReference,
  NotALetterError,
  type NotALetterReason,
  type ParsedDocument,
  type Task,
} from './parsed-document.ts';
import { readAssignment } from './task-assignment.ts';
import {
  type BodyParts,
  flatten,
  type ItemNode,
  type Paragraph,
  splitBody,
  toParagraphs,
} from './task-items.ts';
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
  ReferenceRelation,
  Task,
} from './parsed-document.ts';
export { NotALetterError } from './parsed-document.ts';

/** What could be read of a text, and which parts of a letter were not found (empty when none). */
export interface LetterReading {
  document: ParsedDocument;
  gaps: LetterGap[];
}
export type LetterGap = Extract<NotALetterReason, 'no-structure' | 'no-issuer' | 'no-body'>;

const GAP_MESSAGES: Record<LetterGap, string> = {
  'no-structure':
    'This does not look like an official letter: none or only one of the national layout parts was found ' +
    '(issuer and motto header, "Số: …", "<place>, ngày … tháng … năm …", "V/v …", "Kính gửi:", ' +
    '"Nơi nhận:", signature block).',
  'no-issuer':
    'The issuing body was not found: the letter should open with it (e.g. "ỦY BAN NHÂN DÂN / HUYỆN …") ' +
    'before "Số: …" and the date.',
  'no-body': 'The letter has a header but no body text between it and the signature.',
};

/** Parses one document; throws NotALetterError (with a `reason`) when the text is not one. */
export function parseDocument(text: string): ParsedDocument {
  const { document, gaps } = readDocument(text);
  const gap = gaps[0];
  if (gap) throw new NotALetterError(gap, GAP_MESSAGES[gap]);
  return document;
}

/**
 * Reads as much of a letter as the text shows (a repost without header or signature too): the user
 * completes the rest. Throws NotALetterError only for what is no text at all (empty, not text, too long).
 */
export function readDocument(text: string): LetterReading {
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
  const paragraphs = toParagraphs(lines.slice(header.bodyStart, closingStart));
  const own = header.symbol === null ? ownCitation(lines, paragraphs) : null;
  if (own) adoptOwnCitation(header, own);
  const gaps: LetterGap[] = [];
  if (!hasLetterShape(header, closing, hasDistribution)) gaps.push('no-structure');
  if (!header.issuer) gaps.push('no-issuer');
  if (paragraphs.length === 0) gaps.push('no-body');

  const parts = splitBody(paragraphs);
  const { datePartial } = header;
  const context = { year: datePartial.year, month: datePartial.month };
  const document: ParsedDocument = {
    kind: header.titleKind ?? documentKindFromSymbol(header.symbol) ?? 'letter',
    number: header.number,
    symbol: header.symbol,
    issuer: header.issuer ?? '',
    issuerSuperior: header.issuerSuperior,
    place: header.place,
    date: isoDate(datePartial.year, datePartial.month, datePartial.day),
    datePartial,
    subject: header.subject,
    addressees: header.addressees,
    references: lettersCited(header.subject, parts, closing, own?.reference ?? null),
    tasks: toTasks(parts.items, context),
    distribution: closing.distribution,
    authority: closing.authority,
    signerTitle: closing.signerTitle,
    signer: closing.signer,
    body: paragraphs.map((p) => p.text).join('\n\n'),
  };
  return { document, gaps };
}

/**
 * Every document the letter cites: first what it answers (opening, then subject), then those its items,
 * closing and Nơi nhận mention; one entry per document, completed by its other citations. The letter's
 * own number, read from a repost's title, is not one of them.
 */
function lettersCited(
  subject: string | null,
  parts: BodyParts,
  closing: LetterClosing,
  own: DocumentReference | null,
): DocumentReference[] {
  const cited = [
    ...parts.opening.flatMap((p) => findReferences(p.text, 'opening')),
    ...(subject ? findReferences(subject, 'opening') : []),
    ...flatten(parts.items).flatMap((node) => node.paragraphs.flatMap((p) => findReferences(p, 'body'))),
    ...parts.closing.flatMap((p) => findReferences(p.text, 'body')),
    ...closing.distribution.flatMap((e) => findReferences(e.text, 'body')),
  ];
  const out: DocumentReference[] = [];
  for (const ref of cited) {
    if (own && sameDocument(ref, own)) continue;
    const seen = out.find((r) => sameDocument(r, ref));
    if (!seen) {
      out.push(ref);
      continue;
    }
    seen.date ??= ref.date;
    seen.issuer ??= ref.issuer;
    seen.number ??= ref.number;
    seen.symbol ??= ref.symbol;
    if (RELATION_RANK[ref.relation] < RELATION_RANK[seen.relation]) seen.relation = ref.relation;
  }
  return out;
}

const RELATION_RANK = { basis: 0, implements: 1, mentioned: 2 } as const;

/** A repost without "Số:": its title line, or its first sentence, may name the letter itself. */
function ownCitation(lines: readonly string[], paragraphs: readonly Paragraph[]): OwnCitation | null {
  const title = lines.find((l) => l !== '');
  return (
    (title ? readOwnCitation(title) : null) ?? (paragraphs[0] ? readOwnCitation(paragraphs[0].text) : null)
  );
}

function adoptOwnCitation(header: LetterHeader, own: OwnCitation): void {
  const { reference } = own;
  header.number = reference.number;
  header.symbol = reference.symbol;
  header.seen.number = true;
  header.issuer ??= reference.issuer ? officialNameCase(reference.issuer) : null;
  if (reference.date && header.datePartial.year === null) {
    const [year, month, day] = reference.date.split('-').map(Number);
    header.datePartial = { day: day ?? null, month: month ?? null, year: year ?? null };
  }
  if (own.subject && header.subject === null) {
    header.subject = own.subject;
    header.seen.subject = true;
  }
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

/** readDocument without throwing: only text that is no letter at all (empty, too long) is refused. */
export function tryReadDocument(
  text: string,
): { ok: true; reading: LetterReading } | { ok: false; error: NotALetterError } {
  try {
    return { ok: true, reading: readDocument(text) };
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

/** A letter shows at least two parts of the national layout. */
function hasLetterShape(header: LetterHeader, closing: LetterClosing, hasDistribution: boolean): boolean {
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
  return parts >= 2;
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
