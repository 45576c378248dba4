/**
 * The parsed document as the review form edits it: every field a string (dates as dd/mm/yyyy, lists one item
 * a line), and back to the reviewed document the server takes, with the dates the user typed checked.
 */
import { parseDate } from '../../../web/format.ts';
import type { DistributionMark, ReferenceKind, ReferenceRelation } from '../rules/parsed-document.ts';
import { isoToText, linesOf } from './directive-format.ts';
import type { DocumentKind, ParsedDocument, RegisterRequest } from './directives-api.ts';

export interface DraftReference {
  key: number;
  kind: ReferenceKind;
  relation: ReferenceRelation;
  number: string;
  symbol: string;
  date: string;
  issuer: string;
  text: string;
}

export interface DraftTask {
  key: number;
  ordinal: string;
  text: string;
  leadUnit: string;
  coordinating: string;
  addressed: string;
  deadlineDate: string;
  deadlineText: string;
  urgent: boolean;
}

export interface Draft {
  kind: DocumentKind;
  number: string;
  symbol: string;
  date: string;
  /** The parts of a date left blank before issue, kept while the user leaves the date empty. */
  datePartial: ParsedDocument['datePartial'];
  issuer: string;
  issuerSuperior: string;
  place: string;
  subject: string;
  addressees: string;
  references: DraftReference[];
  distribution: string;
  authority: string;
  signerTitle: string;
  signer: string;
  body: string;
  tasks: DraftTask[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

const MARKED = /^(.*?)\s*\((b\/c|t\/h)\)$/;

export function emptyTask(ordinal: string): DraftTask {
  return {
    key: newKey(),
    ordinal,
    text: '',
    leadUnit: '',
    coordinating: '',
    addressed: '',
    deadlineDate: '',
    deadlineText: '',
    urgent: false,
  };
}

export function emptyReference(): DraftReference {
  return {
    key: newKey(),
    kind: 'letter',
    relation: 'implements',
    number: '',
    symbol: '',
    date: '',
    issuer: '',
    text: '',
  };
}

export function toDraft(d: ParsedDocument): Draft {
  return {
    kind: d.kind,
    number: d.number ?? '',
    symbol: d.symbol ?? '',
    date: isoToText(d.date),
    datePartial: d.datePartial,
    issuer: d.issuer,
    issuerSuperior: d.issuerSuperior ?? '',
    place: d.place ?? '',
    subject: d.subject ?? '',
    addressees: d.addressees.join('\n'),
    references: d.references.map((r) => ({
      key: newKey(),
      kind: r.kind,
      relation: r.relation,
      number: r.number ?? '',
      symbol: r.symbol ?? '',
      date: isoToText(r.date),
      issuer: r.issuer ?? '',
      text: r.text,
    })),
    distribution: d.distribution.map((e) => (e.mark ? `${e.text} (${e.mark})` : e.text)).join('\n'),
    authority: d.authority ?? '',
    signerTitle: d.signerTitle ?? '',
    signer: d.signer ?? '',
    body: d.body,
    tasks: d.tasks.map((task) => ({
      key: newKey(),
      ordinal: task.ordinal,
      text: task.text,
      leadUnit: task.leadUnit ?? '',
      coordinating: task.coordinatingUnits.join('\n'),
      addressed: task.addressedUnits.join('\n'),
      deadlineDate: isoToText(task.deadline?.date),
      deadlineText: task.deadline?.text ?? '',
      urgent: task.deadline?.urgent ?? false,
    })),
  };
}

/** Field → problem (a date that is not one, a required field left empty), by the form's field ids. */
export type DraftProblems = Record<string, 'badDate' | 'required'>;

const orNull = (s: string) => s.trim() || null;

export function fromDraft(draft: Draft): { document: RegisterRequest['document']; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const dateOf = (text: string, field: string): string | null => {
    if (!text.trim()) return null;
    const iso = parseDate(text);
    if (!iso) problems[field] = 'badDate';
    return iso;
  };
  if (!draft.issuer.trim()) problems.issuer = 'required';
  const date = dateOf(draft.date, 'date');
  const tasks = draft.tasks.map((task, i) => {
    if (!task.text.trim()) problems[`task-${task.key}-text`] = 'required';
    const deadlineDate = dateOf(task.deadlineDate, `task-${task.key}-deadline`);
    const hasDeadline = deadlineDate !== null || task.urgent || task.deadlineText.trim() !== '';
    return {
      ordinal: task.ordinal.trim() || String(i + 1),
      text: task.text.trim(),
      leadUnit: orNull(task.leadUnit),
      coordinatingUnits: linesOf(task.coordinating),
      addressedUnits: linesOf(task.addressed),
      deadline: hasDeadline
        ? { date: deadlineDate, urgent: task.urgent, text: task.deadlineText.trim() }
        : null,
    };
  });
  const references = draft.references
    .filter((r) => [r.number, r.symbol, r.date, r.issuer, r.text].some((v) => v.trim()))
    .map((r) => {
      const number = orNull(r.number);
      const symbol = orNull(r.symbol);
      return {
        kind: r.kind,
        relation: r.relation,
        number,
        symbol,
        date: dateOf(r.date, `reference-${r.key}-date`),
        issuer: orNull(r.issuer),
        text: r.text.trim() || [number, symbol].filter(Boolean).join('/'),
      };
    });
  const distribution = linesOf(draft.distribution).map((line) => {
    const marked = MARKED.exec(line);
    return marked
      ? { text: marked[1]!, mark: marked[2] as DistributionMark }
      : { text: line, mark: null as DistributionMark | null };
  });
  return {
    problems,
    document: {
      kind: draft.kind,
      number: orNull(draft.number),
      symbol: orNull(draft.symbol),
      issuer: draft.issuer.trim(),
      issuerSuperior: orNull(draft.issuerSuperior),
      place: orNull(draft.place),
      date,
      // A typed date gives its own parts (the server derives them); an empty one keeps the letter's.
      ...(date === null && !problems.date ? { datePartial: draft.datePartial } : {}),
      subject: orNull(draft.subject),
      addressees: linesOf(draft.addressees),
      references,
      tasks,
      distribution,
      authority: orNull(draft.authority),
      signerTitle: orNull(draft.signerTitle),
      signer: orNull(draft.signer),
      body: draft.body,
    },
  };
}
