/**
 * Letters reposted on web portals lose their header: the page title names the letter ("Công văn số
 * 58/UBND-VX ngày … của UBND huyện … về việc …"), or the first sentence does ("Ngày 14/01/2022, UBND
 * huyện … ban hành Công văn số 58/UBND-VX về việc …"). This reads the letter's own number, issuer, date
 * and subject from such a line. Pure.
 */
import { findReferences } from './citations.ts';
import type { DocumentReference } from './parsed-document.ts';
import { unitAt } from './unit-phrases.ts';
import { isoDate, readDateAt } from './vietnamese-dates.ts';

export interface OwnCitation {
  reference: DocumentReference;
  subject: string | null;
}

const ISSUED = /(?:\s+đã)?\s+(?:ban hành|gửi|có)\s*$/iu;
const LEAD_DATE = /^ngày\s+/iu;
const SUBJECT = /^\s*,?\s*(?:về việc|v\/v|về|trích yếu)\s*:?\s*(.+?)(?:[.;](?:\s|$)|$)/iu;

/** The letter named at the start of a title line or of an announcing sentence, or null. */
export function readOwnCitation(paragraph: string): OwnCitation | null {
  const first = findReferences(paragraph, 'body')[0];
  if (!first?.symbol) return null;
  const at = paragraph.indexOf(first.text);
  const before = paragraph.slice(0, at);
  const reference = { ...first };
  if (before.trim() !== '') {
    const issued = ISSUED.exec(before);
    if (!issued) return null;
    let head = before.slice(0, issued.index);
    const lead = LEAD_DATE.exec(head);
    if (lead) {
      const date = readDateAt(head, lead[0].length);
      if (!date) return null;
      reference.date ??= isoDate(date.year, date.month, date.day);
      head = head.slice(date.end).replace(/^\s*,\s*/, '');
    }
    const issuer = unitAt(head, 0);
    if (!issuer || head.trim().length > issuer.unit.length + 2) return null;
    reference.issuer ??= issuer.unit;
  }
  const subject = SUBJECT.exec(paragraph.slice(at + first.text.length));
  return { reference, subject: subject?.[1]?.trim() || null };
}
