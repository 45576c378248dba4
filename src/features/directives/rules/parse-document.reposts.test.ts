/**
 * Text as it arrives: letters reposted on web portals (title first, "Số:" further down, header as a table,
 * only the body) and the seeds as converters mangle them (Markdown, pipes, hard wraps, NBSP, NFD, CRLF).
 * Letters in test/fixtures/letters/reposts were written for these tests, not taken from the seeds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findReferences } from './citations.ts';
import { plainLetterText } from './letter-text.ts';
import { type DocumentReference, parseDocument, readDocument } from './parse-document.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../../test/fixtures/letters/${path}`, import.meta.url), 'utf8');
const SEEDS = [
  '000_0cc6a49cf5414292.txt',
  '001_9d2a3f44634b48a4.txt',
  '002_8c5a376f7cdbadba.txt',
  '003_e735ed85d8d8326f.txt',
  '004_a956b0c17b9e6422.txt',
];

/** [kind, number, symbol, date, issuer, relation] */
const brief = (refs: readonly DocumentReference[]) =>
  refs.map((r) => [r.kind, r.number, r.symbol, r.date, r.issuer, r.relation]);
const keys = (refs: readonly DocumentReference[]) => refs.map((r) => `${r.number}/${r.symbol}`);

describe('references: every document cited anywhere in the letter', () => {
  it('finds all 16 documents the five seeds cite, body and Nơi nhận included', () => {
    const cited = SEEDS.map((f) => keys(parseDocument(fixture(f)).references));
    expect(cited).toEqual([
      ['2043/UBND-KGVX', '128/NQ-CP', '2629/KH-UBND', '10315/BYT-DP', '768/QĐ/HU'],
      ['7572/UBND-VXNV', '8149/CD-VPCP', '128/NQ-CP'],
      ['3525/UBND-VX', '285/TB-VPCP', '128/NQ-CP', '4800/QĐ-BYT'],
      ['451/TB/TU', '574/TB/HU', '68/NQ-CP'],
      ['01/QĐ/BCĐ'],
    ]);
  });

  it('keeps what the letter answers apart from what it mentions', () => {
    const seed0 = parseDocument(fixture(SEEDS[0]!)).references;
    expect(seed0.map((r) => r.relation)).toEqual([
      'implements',
      'mentioned',
      'mentioned',
      'mentioned',
      'mentioned',
    ]);
    // The subject's citation completes the opening's: 003's second notice gets its issuer from the V/v.
    const seed3 = parseDocument(fixture(SEEDS[3]!)).references;
    expect(brief(seed3)[1]).toEqual([
      'notice',
      '574',
      'TB/HU',
      '2021-10-11',
      'Huyện ủy Vĩnh Tường',
      'implements',
    ]);
  });

  it('reads relations from the lead words of an opening: căn cứ, thực hiện, and those it carries on', () => {
    const opening =
      'Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007; Nghị định số 101/2010/NĐ-CP; thực hiện ' +
      'Công văn số 4800 ngày 20/12/2021 của UBND tỉnh và Thông báo số 17-TB/HU, UBND huyện yêu cầu:';
    expect(brief(findReferences(opening, 'opening'))).toEqual([
      ['law', null, null, '2007-11-21', null, 'basis'],
      ['decree', '101/2010', 'NĐ-CP', null, null, 'basis'],
      ['letter', '4800', null, '2021-12-20', 'UBND tỉnh', 'implements'],
      ['notice', '17', 'TB/HU', null, null, 'implements'],
    ]);
  });

  it('reads abbreviated kinds, bare symbols and a number cited alone; a list of issuers stops at the next citation', () => {
    const item =
      'Thực hiện theo NQ 128/NQ-CP của Chính phủ, Quyết định số 4800/QĐ-BYT của Bộ Y tế; báo cáo theo mẫu ' +
      'tại 10315/BYT-DP và CV số 2043; thành viên theo QĐ số 768-QĐ/HU. Mục tiêu 5K, 12/2021 không là văn bản.';
    expect(brief(findReferences(item, 'body'))).toEqual([
      ['resolution', '128', 'NQ-CP', null, 'Chính phủ', 'mentioned'],
      ['decision', '4800', 'QĐ-BYT', null, 'Bộ Y tế', 'mentioned'],
      ['letter', '10315', 'BYT-DP', null, null, 'mentioned'],
      ['letter', '2043', null, null, null, 'mentioned'],
      ['decision', '768', 'QĐ/HU', null, null, 'mentioned'],
    ]);
  });
});

describe('letters reposted on web portals', () => {
  it('reads a letter whose page title comes before the header', () => {
    const doc = parseDocument(fixture('reposts/title-first.txt'));
    expect([doc.number, doc.symbol, doc.issuer, doc.date, doc.subject]).toEqual([
      '4800',
      'UBND-KGVX',
      'Ủy ban nhân dân tỉnh Lạng Sơn',
      '2021-12-20',
      'triển khai tiêm liều nhắc lại vắc xin phòng COVID-19',
    ]);
    expect(brief(doc.references)).toEqual([
      ['letter', '10225', 'BYT-DP', '2021-12-02', 'Bộ Y tế', 'basis'],
      ['plan', '212', 'KH-UBND', '2021-10-05', 'UBND tỉnh', 'implements'],
      ['decision', '5002', 'QĐ-BYT', '2021-10-29', 'Bộ Y tế', 'mentioned'],
      ['resolution', '128', 'NQ-CP', null, null, 'mentioned'],
      ['letter', '2043', null, '2021-12-06', 'UBND tỉnh', 'mentioned'],
    ]);
    expect(doc.tasks.map((t) => [t.ordinal, t.leadUnit, t.deadline?.date])).toEqual([
      ['1', 'Sở Y tế', '2022-01-31'],
      ['2', null, '2022-01-15'],
    ]);
  });

  it('reads a letter reposted as its body only, the number given in the first sentence', () => {
    const { document: doc, gaps } = readDocument(fixture('reposts/body-only.txt'));
    expect(gaps).toEqual([]);
    expect([doc.kind, doc.number, doc.symbol, doc.issuer, doc.date]).toEqual([
      'letter',
      '58',
      'UBND-VX',
      'Ủy ban nhân dân huyện Chi Lăng',
      '2022-01-14',
    ]);
    expect(doc.subject).toBe(
      'tăng cường công tác phòng, chống dịch COVID-19 trong dịp Tết Nguyên đán Nhâm Dần 2022',
    );
    // The letter's own number is not one of the documents it cites.
    expect(keys(doc.references)).toEqual(['01/CĐ-UBND', '03/CT-UBND']);
    expect(doc.tasks.map((t) => t.addressedUnits[0])).toEqual([
      'Trung tâm Y tế huyện',
      'Phòng Văn hóa và Thông tin',
      'UBND các xã, thị trấn',
    ]);
  });

  it('reads a header whose blocks are shuffled, "Số:" after the date, under a page title', () => {
    const doc = parseDocument(fixture('reposts/shuffled-header.txt'));
    expect([doc.number, doc.symbol, doc.issuer, doc.date, doc.place]).toEqual([
      '95',
      'UBND-VP',
      'UBND huyện Cao Lộc',
      '2022-01-17',
      'Cao Lộc',
    ]);
    expect(doc.references.map((r) => r.relation)).toEqual(['basis', 'implements', 'mentioned']);
    expect(doc.tasks.map((t) => t.deadline?.text)).toEqual(['trước ngày 25/01/2022', 'ngay']);
  });

  it('reads a Markdown header table with empty cells: no field keeps a pipe or an asterisk', () => {
    const doc = parseDocument(fixture('reposts/table-header.md'));
    expect(JSON.stringify(doc)).not.toMatch(/\||\*\*/);
    expect([doc.number, doc.symbol, doc.issuer, doc.signer]).toEqual([
      '312',
      'UBND-YT',
      'Ủy ban nhân dân huyện Bình Gia',
      'Hoàng Văn Minh',
    ]);
    expect(doc.tasks.map((t) => t.deadline?.date)).toEqual(['2022-01-20', '2022-01-31']);
  });

  it('reads what it can of a text without the structure, and says what is missing', () => {
    const { document, gaps } = readDocument(
      'Thông báo khẩn của UBND xã Yên Thịnh\n\nĐề nghị bà con thực hiện 5K theo Công điện số 01/CĐ-UBND ' +
        'ngày 10/01/2022 của UBND tỉnh, khai báo y tế ngay.',
    );
    expect(gaps).toEqual(['no-structure', 'no-issuer']);
    expect(document.issuer).toBe('');
    expect(keys(document.references)).toEqual(['01/CĐ-UBND']);
    expect(() => parseDocument('Hôm nay trời đẹp.')).toThrow(/official letter/);
  });
});

describe('text as it arrives', () => {
  const seed0 = fixture(SEEDS[0]!);
  const seed4 = fixture(SEEDS[4]!);
  const fields = (text: string) => {
    const { body: _, ...rest } = parseDocument(text);
    return rest;
  };
  const wrap = (text: string, width: number) =>
    text
      .split('\n')
      .flatMap((line) => {
        const out = [''];
        for (const word of line.split(' ')) {
          const last = out.at(-1)!;
          if (last && `${last} ${word}`.length > width) out.push(word);
          else out[out.length - 1] = last ? `${last} ${word}` : word;
        }
        return out;
      })
      .join('\n');

  it('reads seed 004 the same with CRLF, NBSP and decomposed diacritics (NFD)', () => {
    let k = 0;
    const mangled = seed4
      .replace(/\n/g, '\r\n')
      .replace(/ /g, (space) => (k++ % 5 === 0 ? '\u00a0' : space))
      .normalize('NFD');
    expect(fields(mangled)).toEqual(fields(seed4));
  });

  it('reads the deadline of seed 004 written in bold ("trong tháng **01/2022**")', () => {
    const deadlines = parseDocument(seed4).tasks.flatMap((t) => (t.deadline?.date ? [t.deadline.text] : []));
    expect(deadlines).toEqual(['trong tháng 01/2022', 'trong tháng 01/2022']);
  });

  it('reads seed 000 hard-wrapped at 60 columns like the plain seed', () => {
    const plain = fields(seed0);
    const wrapped = fields(wrap(seed0, 60));
    expect([wrapped.issuer, wrapped.subject, wrapped.tasks.length]).toEqual([
      plain.issuer,
      plain.subject,
      plain.tasks.length,
    ]);
    expect(keys(wrapped.references)).toEqual(keys(plain.references));
  });

  it('reads a header table whose rows lack the outer pipes, with an empty row', () => {
    const table = seed0.replace(
      /\*\*ỦY BAN NHÂN DÂN {2}\nHUYỆN HỮU LŨNG\*\*\n\n\*\*CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM {2}\nĐộc lập - Tự do - Hạnh phúc\*\*/,
      '**ỦY BAN NHÂN DÂN** | **CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n---|---\n' +
        '**HUYỆN HỮU LŨNG** | **Độc lập - Tự do - Hạnh phúc** |\n | |',
    );
    expect(table).not.toBe(seed0);
    const doc = fields(table);
    expect(doc.issuer).toBe('Ủy ban nhân dân huyện Hữu Lũng');
    expect(JSON.stringify(doc)).not.toMatch(/\||\*\*/);
  });

  it('shows a saved letter without Markdown or table pipes', () => {
    const shown = plainLetterText(fixture('reposts/table-header.md'));
    expect(shown).not.toMatch(/\||\*\*/);
    expect(shown).toContain('hoàn thành trước ngày 20/01/2022');
  });
});
