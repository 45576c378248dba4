/**
 * Public shape of an official document parsed from text (layout of Nghị định 30/2020/NĐ-CP).
 * Field names follow /work/shared/domain/glossary.md; this is an API contract, change it with care.
 */

/** công văn / công điện / thông báo / kế hoạch / quyết định / chỉ thị / nghị quyết. */
export type DocumentKind =
  | 'letter'
  | 'telegram'
  | 'notice'
  | 'plan'
  | 'decision'
  | 'directive'
  | 'resolution';

/**
 * Kinds a cited document may have: every DocumentKind plus those a district never issues but often cites
 * (nghị định, thông tư, luật, hướng dẫn, báo cáo, kết luận); 'other' for tờ trình, chương trình …
 */
export type ReferenceKind =
  | DocumentKind
  | 'decree'
  | 'circular'
  | 'law'
  | 'guidance'
  | 'report'
  | 'conclusion'
  | 'other';

/** A date whose parts may be left blank before issue ("ngày   tháng 12 năm 2021"). */
export interface PartialDate {
  day: number | null;
  month: number | null;
  year: number | null;
}

/**
 * How the letter stands to a document it cites: its legal basis ("Căn cứ …"), the letter it answers or
 * implements ("Thực hiện …", in the subject or opening), or one it only mentions (items, closing, Nơi nhận).
 */
export type ReferenceRelation = 'basis' | 'implements' | 'mentioned';

/** A document cited anywhere in the letter ("Thực hiện Công văn số 2043/UBND-KGVX ngày … của …"). */
export interface DocumentReference {
  kind: ReferenceKind;
  /** Register number as written ("2043", "01", "30/2020" for số/năm/ký hiệu citations); null when absent. */
  number: string | null;
  /** Symbol without spaces, dashes unified ("UBND-KGVX", "TB/TU"); null for a law cited by name. */
  symbol: string | null;
  /** ISO yyyy-mm-dd or null. */
  date: string | null;
  /** The body named by "của …" after the citation or "của … tại" before it; null when the text names none. */
  issuer: string | null;
  relation: ReferenceRelation;
  /** The citation as written, for display. */
  text: string;
}

export interface Deadline {
  /** ISO date when the text gives one ("trong tháng 01/2022" → last day of that month). */
  date: string | null;
  /** True when the item says "ngay", "khẩn trương", "kịp thời" (or khẩn cấp, hỏa tốc). */
  urgent: boolean;
  /** The phrase the deadline comes from, as written. */
  text: string;
}

export interface Task {
  /** Hierarchical label: see ordinal scheme in task-items.ts ("2", "2.a", "2.(1)", "1.-3"). */
  ordinal: string;
  /** The item's own text without its marker; its extra paragraphs are joined with "\n". */
  text: string;
  leadUnit: string | null;
  coordinatingUnits: string[];
  /** Units the item names as its subject; [] means the letter's addressees apply. */
  addressedUnits: string[];
  deadline: Deadline | null;
}

/** b/c = để báo cáo (for report), t/h = để thực hiện (to implement). */
export type DistributionMark = 'b/c' | 't/h';

export interface DistributionEntry {
  text: string;
  mark: DistributionMark | null;
}

export interface ParsedDocument {
  kind: DocumentKind;
  number: string | null;
  symbol: string | null;
  /** Issuing body, in the sentence casing used in running text (see official-name-case.ts). */
  issuer: string;
  issuerSuperior: string | null;
  place: string | null;
  date: string | null;
  datePartial: PartialDate;
  subject: string | null;
  addressees: string[];
  references: DocumentReference[];
  tasks: Task[];
  distribution: DistributionEntry[];
  /** "KT. CHỦ TỊCH"; stacked lines are joined with ", " ("TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH"). */
  authority: string | null;
  /** "PHÓ CHỦ TỊCH"; a second capacity line is joined with ", ". */
  signerTitle: string | null;
  signer: string | null;
  /** Paragraphs from after "Kính gửi" (or the header) up to "Nơi nhận"/the signature, joined with a blank line. */
  body: string;
}

export type NotALetterReason = 'not-text' | 'empty' | 'too-long' | 'no-structure' | 'no-issuer' | 'no-body';

/** Thrown when the text is not an official document the parser can read; `reason` is stable, message is for people. */
export class NotALetterError extends Error {
  override readonly name = 'NotALetterError';
  readonly reason: NotALetterReason;

  constructor(reason: NotALetterReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
