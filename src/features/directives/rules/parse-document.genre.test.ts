/**
 * Letters written for these tests in the national layout (Nghị định 30/2020/NĐ-CP) that differ from the
 * seeds: a quyết định with "Điều", a công điện, a thông báo without blank lines, a công văn with a full
 * date, a number, a), b), (1) items and dated deadlines, a party kế hoạch with roman sections, and the
 * same công văn converted to Markdown with a header table.
 */
import { describe, expect, it } from 'vitest';
import { type ParsedDocument, parseDocument, type Task } from './parse-document.ts';

/** A task in one line: ordinal, lead, coordinating, addressed, deadline (date, urgent, text). */
type TaskRow = [string, string | null, string[], string[], [string | null, boolean, string] | null];

function rows(tasks: readonly Task[]): TaskRow[] {
  return tasks.map((t) => [
    t.ordinal,
    t.leadUnit,
    t.coordinatingUnits,
    t.addressedUnits,
    t.deadline ? [t.deadline.date, t.deadline.urgent, t.deadline.text] : null,
  ]);
}

const DECISION = `UBND TỈNH LẠNG SƠN
SỞ Y TẾ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1520/QĐ-SYT
Lạng Sơn, ngày 15 tháng 12 năm 2021

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác hỗ trợ điều trị F0 tại nhà

GIÁM ĐỐC SỞ Y TẾ

Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007;
Căn cứ Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ ban hành Quy định tạm thời “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19”;
Căn cứ Quyết định số 4111/QĐ-BYT ngày 26/8/2021 của Bộ Y tế về việc ban hành Hướng dẫn thành lập trạm y tế lưu động;
Theo đề nghị của Trưởng phòng Nghiệp vụ Y.

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác hỗ trợ điều trị F0 tại nhà (sau đây gọi là Tổ công tác), gồm các ông, bà có tên sau:
1. Ông Nguyễn Văn An, Phó Giám đốc Sở Y tế - Tổ trưởng;
2. Bà Hoàng Thị Bình, Trưởng phòng Nghiệp vụ Y - Tổ phó.
Điều 2. Tổ công tác có nhiệm vụ:
a) Hướng dẫn Trung tâm Y tế các huyện, thành phố tổ chức quản lý F0 tại nhà, hoàn thành trước ngày 20/12/2021;
b) Phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh tổng hợp, báo cáo kết quả hằng tuần.
Điều 3. Chánh Văn phòng Sở, Trưởng phòng Nghiệp vụ Y, Giám đốc Trung tâm Y tế các huyện, thành phố và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- UBND tỉnh (b/c);
- Lưu: VT, NVY.

GIÁM ĐỐC

(Đã ký)

Lương Văn Cường
`;

const TELEGRAM = `ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 05/CĐ-UBND
Bắc Kạn, ngày 03 tháng 01 năm 2022

CÔNG ĐIỆN
Về việc tăng cường kiểm soát người từ vùng dịch về địa phương dịp Tết Nguyên đán

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:

- Giám đốc các Sở: Y tế, Giao thông vận tải, Công an tỉnh;
- Chủ tịch Ủy ban nhân dân các huyện, thành phố.

Thực hiện Công điện số 1699/CĐ-TTg ngày 31/12/2021 của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh yêu cầu:

1. Sở Y tế chủ trì, phối hợp với Công an tỉnh hướng dẫn các địa phương quản lý người về từ vùng dịch; báo cáo kết quả trước 16 giờ ngày 10/01/2022.
2. Chủ tịch UBND các huyện, thành phố:
a) Chỉ đạo UBND các xã, phường, thị trấn rà soát ngay người về địa phương;
b) Tổ chức xét nghiệm cho người về từ vùng có cấp độ dịch 3, 4 trong vòng 24 giờ.

Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện./.

Nơi nhận:
- Như trên;
- Thủ tướng Chính phủ (b/c);
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, KGVX.

CHỦ TỊCH

Nguyễn Long Hải
`;

const NOTICE = `UỶ BAN NHÂN DÂN
HUYỆN CHI LĂNG
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
Số: 312/TB-UBND
Chi Lăng, ngày 20 tháng 12 năm 2021
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 huyện
Ngày 18/12/2021, Chủ tịch UBND huyện chủ trì cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 huyện. Sau khi nghe báo cáo của Trung tâm Y tế huyện, Chủ tịch UBND huyện kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Công tác phòng, chống dịch thời gian qua được triển khai quyết liệt, đồng bộ.
II. NHIỆM VỤ TRỌNG TÂM
1. Trung tâm Y tế huyện:
- Tham mưu kế hoạch tiêm mũi nhắc lại, hoàn thành trong tháng 01 năm 2022;
- Phối hợp với Phòng Giáo dục và Đào tạo tổ chức tiêm cho trẻ từ 12 đến 17 tuổi.
2. Giao Phòng Văn hóa và Thông tin đẩy mạnh tuyên truyền về 5K trên hệ thống loa truyền thanh.
Ủy ban nhân dân huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hoàng Văn Minh
`;

const LETTER = `ỦY BAN NHÂN DÂN
HUYỆN YÊN THẾ
Số: 123/UBND-VX
V/v triển khai tiêm vắc xin phòng COVID-19 mũi nhắc lại
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Yên Thế, ngày 15 tháng 12 năm 2021

Kính gửi:
- Trung tâm Y tế huyện;
- Phòng Lao động - Thương binh và Xã hội;
- UBND các xã, thị trấn.

Căn cứ Kế hoạch số 456/KH-UBND ngày 10/12/2021 của UBND tỉnh Bắc Giang về tiêm vắc xin phòng COVID-19 mũi nhắc lại; Hướng dẫn số 15/HD-BCĐ ngày 12/12/2021 của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh, UBND huyện yêu cầu:

1. Trung tâm Y tế huyện chủ trì, phối hợp với UBND các xã, thị trấn:
a) Lập danh sách người từ 18 tuổi trở lên đến hạn tiêm mũi nhắc lại, gửi về UBND huyện trước ngày 20/12/2021;
b) Tổ chức tiêm theo các bước:
(1) Rà soát đối tượng;
(2) Tổ chức điểm tiêm lưu động tại thôn, bản trong tháng 12/2021.
2. Phòng Lao động - Thương binh và Xã hội phối hợp với Ủy ban Mặt trận Tổ quốc huyện rà soát người có hoàn cảnh khó khăn, báo cáo chậm nhất ngày 25/12.
3. UBND các xã, thị trấn khẩn trương thông báo lịch tiêm đến từng hộ gia đình.

Trên đây là ý kiến chỉ đạo của UBND huyện, đề nghị các đơn vị thực hiện./.

Nơi nhận:
- Như trên (t/h);
- TT Huyện ủy, TT HĐND huyện (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Sơn
`;

const PLAN = `HUYỆN ỦY HỮU LŨNG
BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19
*
Số: 12-KH/BCĐ
ĐẢNG CỘNG SẢN VIỆT NAM
Hữu Lũng, ngày 05 tháng 01 năm 2022
KẾ HOẠCH
triển khai chiến dịch tiêm vắc xin phòng COVID-19 dịp Tết Nguyên đán Nhâm Dần 2022
-----
Thực hiện Kế hoạch số 45-KH/BCĐ ngày 30/12/2021 của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh, Ban Chỉ đạo huyện xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1.1. Bảo đảm 100% người từ 18 tuổi trở lên được tiêm mũi nhắc lại trong quý I/2022.
1.2. Không để sót đối tượng.
II. NHIỆM VỤ
2.1. Trung tâm Y tế huyện
+ Chủ trì tổ chức các điểm tiêm, hoàn thành trước ngày 25 tháng 01 năm 2022.
+ Báo cáo kết quả hằng ngày.
2.2. Ban Chỉ đạo phòng, chống dịch các xã, thị trấn chủ động bố trí lực lượng hỗ trợ.
III. TỔ CHỨC THỰC HIỆN
Giao Văn phòng Huyện ủy theo dõi, đôn đốc; tổng hợp báo cáo Ban Thường vụ Huyện ủy./.
Nơi nhận:
- Ban Chỉ đạo tỉnh (b/c),
- Các xã, thị trấn (t/h),
- Lưu VP.
T/M BAN CHỈ ĐẠO
TRƯỞNG BAN
Bí thư Huyện ủy
Nguyễn Văn Hùng
`;

const LETTER_MARKDOWN = `| **ỦY BAN NHÂN DÂN**<br>**HUYỆN YÊN THẾ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |
|:---:|:---:|
| Số: 123/UBND-VX<br>V/v triển khai tiêm vắc xin phòng COVID-19 mũi nhắc lại | *Yên Thế, ngày 15 tháng 12 năm 2021* |

**Kính gửi:**

* Trung tâm Y tế huyện;
* Phòng Lao động - Thương binh và Xã hội;
* UBND các xã, thị trấn.

Căn cứ Kế hoạch số 456/KH-UBND ngày 10/12/2021 của UBND tỉnh Bắc Giang về tiêm vắc xin phòng COVID-19 mũi nhắc lại; Hướng dẫn số 15/HD-BCĐ ngày 12/12/2021 của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh, UBND huyện yêu cầu:

**1\\. Trung tâm Y tế huyện chủ trì, phối hợp với UBND các xã, thị trấn:**

a) Lập danh sách người từ 18 tuổi trở lên đến hạn tiêm mũi nhắc lại, gửi về UBND huyện trước ngày **20/12/2021**;

b) Tổ chức tiêm theo các bước:

(1) Rà soát đối tượng;

(2) Tổ chức điểm tiêm lưu động tại thôn, bản trong tháng ***12/2021***.

2\\. Phòng Lao động - Thương binh và Xã hội phối hợp với Ủy ban Mặt trận Tổ quốc huyện rà soát người có hoàn cảnh khó khăn, báo cáo chậm nhất ngày 25/12.

3\\. UBND các xã, thị trấn _khẩn trương_ thông báo lịch tiêm đến từng hộ gia đình.

Trên đây là ý kiến chỉ đạo của UBND huyện, đề nghị các đơn vị thực hiện./.

| ***Nơi nhận:***<br>\\- Như trên (t/h);<br>\\- TT Huyện ủy, TT HĐND huyện (b/c);<br>\\- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br>**Nguyễn Văn Sơn** |
`;

describe('parseDocument on the genre, beyond the seeds', () => {
  it('reads a quyết định: title, "Căn cứ" references (a law by name), "Điều" items, a signer without authority', () => {
    const doc = parseDocument(DECISION);
    expect(doc).toMatchObject({
      kind: 'decision',
      number: '1520',
      symbol: 'QĐ-SYT',
      issuer: 'Sở Y tế',
      issuerSuperior: 'UBND tỉnh Lạng Sơn',
      place: 'Lạng Sơn',
      date: '2021-12-15',
      datePartial: { day: 15, month: 12, year: 2021 },
      subject: 'thành lập Tổ công tác hỗ trợ điều trị F0 tại nhà',
      addressees: [],
      authority: null,
      signerTitle: 'GIÁM ĐỐC',
      signer: 'Lương Văn Cường',
    } satisfies Partial<ParsedDocument>);
    expect(doc.references).toEqual([
      {
        kind: 'law',
        number: null,
        symbol: null,
        date: '2007-11-21',
        issuer: null,
        relation: 'basis',
        text: 'Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007',
      },
      {
        kind: 'resolution',
        number: '128',
        symbol: 'NQ-CP',
        date: '2021-10-11',
        issuer: 'Chính phủ',
        relation: 'basis',
        text: 'Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ',
      },
      {
        kind: 'decision',
        number: '4111',
        symbol: 'QĐ-BYT',
        date: '2021-08-26',
        issuer: 'Bộ Y tế',
        relation: 'basis',
        text: 'Quyết định số 4111/QĐ-BYT ngày 26/8/2021 của Bộ Y tế',
      },
    ]);
    expect(rows(doc.tasks)).toEqual([
      ['1', null, [], [], null],
      ['1.1', null, [], [], null],
      ['1.2', null, [], [], null],
      ['2', null, [], ['Tổ công tác'], null],
      ['2.a', null, [], ['Tổ công tác'], ['2021-12-20', false, 'trước ngày 20/12/2021']],
      ['2.b', null, ['Trung tâm Kiểm soát bệnh tật tỉnh'], ['Tổ công tác'], null],
      [
        '3',
        null,
        [],
        [
          'Chánh Văn phòng Sở',
          'Trưởng phòng Nghiệp vụ Y',
          'Giám đốc Trung tâm Y tế các huyện, thành phố',
          'các ông, bà',
        ],
        null,
      ],
    ]);
    expect(doc.tasks[0]?.text).toBe(
      'Thành lập Tổ công tác hỗ trợ điều trị F0 tại nhà (sau đây gọi là Tổ công tác), gồm các ông, bà có tên sau:',
    );
    expect(doc.tasks.at(-1)?.text).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
    expect(doc.distribution).toEqual([
      { text: 'Như Điều 3', mark: null },
      { text: 'UBND tỉnh', mark: 'b/c' },
      { text: 'Lưu: VT, NVY', mark: null },
    ]);
    expect(doc.body).toMatch(/^GIÁM ĐỐC SỞ Y TẾ\n\nCăn cứ Luật/);
  });

  it('reads a công điện: "… điện:" addressees, a deadline with an hour, a relative deadline', () => {
    const doc = parseDocument(TELEGRAM);
    expect(doc).toMatchObject({
      kind: 'telegram',
      number: '05',
      symbol: 'CĐ-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Bắc Kạn',
      issuerSuperior: null,
      place: 'Bắc Kạn',
      date: '2022-01-03',
      subject: 'tăng cường kiểm soát người từ vùng dịch về địa phương dịp Tết Nguyên đán',
      addressees: [
        'Giám đốc các Sở: Y tế, Giao thông vận tải, Công an tỉnh',
        'Chủ tịch Ủy ban nhân dân các huyện, thành phố',
      ],
      authority: null,
      signerTitle: 'CHỦ TỊCH',
      signer: 'Nguyễn Long Hải',
    } satisfies Partial<ParsedDocument>);
    expect(doc.references).toEqual([
      {
        kind: 'telegram',
        number: '1699',
        symbol: 'CĐ-TTg',
        date: '2021-12-31',
        issuer: 'Thủ tướng Chính phủ',
        relation: 'implements',
        text: 'Công điện số 1699/CĐ-TTg ngày 31/12/2021 của Thủ tướng Chính phủ',
      },
    ]);
    const chair = 'Chủ tịch UBND các huyện, thành phố';
    expect(rows(doc.tasks)).toEqual([
      ['1', 'Sở Y tế', ['Công an tỉnh'], ['Sở Y tế'], ['2022-01-10', false, 'trước 16 giờ ngày 10/01/2022']],
      ['2', chair, [], [chair], null],
      ['2.a', chair, [], [chair], [null, true, 'ngay']],
      ['2.b', chair, [], [chair], [null, false, 'trong vòng 24 giờ']],
    ]);
    expect(doc.distribution.map((d) => d.mark)).toEqual([null, 'b/c', null, null]);
  });

  it('reads a thông báo written without blank lines, closed by "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" and no "Nơi nhận"', () => {
    const doc = parseDocument(NOTICE);
    expect(doc).toMatchObject({
      kind: 'notice',
      number: '312',
      symbol: 'TB-UBND',
      issuer: 'Ủy ban nhân dân huyện Chi Lăng',
      place: 'Chi Lăng',
      date: '2021-12-20',
      subject: 'Kết luận của Chủ tịch UBND huyện tại cuộc họp Ban Chỉ đạo phòng, chống dịch COVID-19 huyện',
      addressees: [],
      references: [],
      distribution: [],
      authority: 'TM. ỦY BAN NHÂN DÂN',
      signerTitle: 'CHỦ TỊCH',
      signer: 'Hoàng Văn Minh',
    } satisfies Partial<ParsedDocument>);
    const centre = 'Trung tâm Y tế huyện';
    expect(rows(doc.tasks)).toEqual([
      ['I', null, [], [], null],
      ['II', null, [], [], null],
      ['II.1', centre, [], [centre], null],
      ['II.1.-1', centre, [], [centre], ['2022-01-31', false, 'trong tháng 01 năm 2022']],
      ['II.1.-2', centre, ['Phòng Giáo dục và Đào tạo'], [centre], null],
      ['II.2', 'Phòng Văn hóa và Thông tin', [], ['Phòng Văn hóa và Thông tin'], null],
    ]);
    expect(doc.tasks[0]?.text).toBe(
      'ĐÁNH GIÁ CHUNG\nCông tác phòng, chống dịch thời gian qua được triển khai quyết liệt, đồng bộ.',
    );
    expect(doc.body).toMatch(/^Ngày 18\/12\/2021, Chủ tịch UBND huyện chủ trì/);
    expect(doc.body).toMatch(/biết, thực hiện\.\/\.$/);
  });

  it('reads a công văn with a number, a full date, a), b), (1) items and "trước ngày" / "trong tháng" deadlines', () => {
    const doc = parseDocument(LETTER);
    expect(doc).toMatchObject({
      kind: 'letter',
      number: '123',
      symbol: 'UBND-VX',
      issuer: 'Ủy ban nhân dân huyện Yên Thế',
      place: 'Yên Thế',
      date: '2021-12-15',
      datePartial: { day: 15, month: 12, year: 2021 },
      subject: 'triển khai tiêm vắc xin phòng COVID-19 mũi nhắc lại',
      addressees: ['Trung tâm Y tế huyện', 'Phòng Lao động - Thương binh và Xã hội', 'UBND các xã, thị trấn'],
      authority: 'TM. ỦY BAN NHÂN DÂN',
      signerTitle: 'CHỦ TỊCH',
      signer: 'Nguyễn Văn Sơn',
    } satisfies Partial<ParsedDocument>);
    expect(doc.references).toEqual([
      {
        kind: 'plan',
        number: '456',
        symbol: 'KH-UBND',
        date: '2021-12-10',
        issuer: 'UBND tỉnh Bắc Giang',
        relation: 'basis',
        text: 'Kế hoạch số 456/KH-UBND ngày 10/12/2021 của UBND tỉnh Bắc Giang',
      },
      {
        kind: 'guidance',
        number: '15',
        symbol: 'HD-BCĐ',
        date: '2021-12-12',
        issuer: 'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
        relation: 'basis',
        text: 'Hướng dẫn số 15/HD-BCĐ ngày 12/12/2021 của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
      },
    ]);
    const centre = 'Trung tâm Y tế huyện';
    const communes = ['UBND các xã, thị trấn'];
    expect(rows(doc.tasks)).toEqual([
      ['1', centre, communes, [centre], null],
      ['1.a', centre, communes, [centre], ['2021-12-20', false, 'trước ngày 20/12/2021']],
      ['1.b', centre, communes, [centre], null],
      ['1.b.(1)', centre, communes, [centre], null],
      ['1.b.(2)', centre, communes, [centre], ['2021-12-31', false, 'trong tháng 12/2021']],
      [
        '2',
        null,
        ['Ủy ban Mặt trận Tổ quốc huyện'],
        ['Phòng Lao động - Thương binh và Xã hội'],
        ['2021-12-25', false, 'chậm nhất ngày 25/12'],
      ],
      ['3', null, [], communes, [null, true, 'khẩn trương']],
    ]);
    expect(doc.tasks.map((t) => t.text.slice(0, 12))).toEqual([
      'Trung tâm Y ',
      'Lập danh sác',
      'Tổ chức tiêm',
      'Rà soát đối ',
      'Tổ chức điểm',
      'Phòng Lao độ',
      'UBND các xã,',
    ]);
    expect(doc.distribution).toEqual([
      { text: 'Như trên', mark: 't/h' },
      { text: 'TT Huyện ủy, TT HĐND huyện', mark: 'b/c' },
      { text: 'Lưu: VT', mark: null },
    ]);
  });

  it('reads the same công văn converted to Markdown (header table, <br>, **, *, _, escapes) identically', () => {
    expect(parseDocument(LETTER_MARKDOWN)).toEqual(parseDocument(LETTER));
  });

  it('reads a party kế hoạch: "ĐẢNG CỘNG SẢN VIỆT NAM", "12-KH/BCĐ", roman sections, "1.1." items, "T/M"', () => {
    const doc = parseDocument(PLAN);
    expect(doc).toMatchObject({
      kind: 'plan',
      number: '12',
      symbol: 'KH/BCĐ',
      issuer: 'Ban Chỉ đạo phòng, chống dịch COVID-19',
      issuerSuperior: 'Huyện ủy Hữu Lũng',
      date: '2022-01-05',
      subject: 'triển khai chiến dịch tiêm vắc xin phòng COVID-19 dịp Tết Nguyên đán Nhâm Dần 2022',
      authority: 'T/M BAN CHỈ ĐẠO',
      signerTitle: 'TRƯỞNG BAN',
      signer: 'Nguyễn Văn Hùng',
    } satisfies Partial<ParsedDocument>);
    expect(doc.references.map((r) => [r.kind, r.number, r.symbol, r.date, r.issuer])).toEqual([
      ['plan', '45', 'KH/BCĐ', '2021-12-30', 'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh'],
    ]);
    const centre = 'Trung tâm Y tế huyện';
    expect(rows(doc.tasks)).toEqual([
      ['I', null, [], [], null],
      ['I.1', null, [], [], ['2022-03-31', false, 'trong quý I/2022']],
      ['I.2', null, [], [], null],
      ['II', null, [], [], null],
      ['II.1', null, [], [centre], null],
      ['II.1.+1', centre, [], [centre], ['2022-01-25', false, 'trước ngày 25 tháng 01 năm 2022']],
      ['II.1.+2', null, [], [centre], null],
      ['II.2', null, [], ['Ban Chỉ đạo phòng, chống dịch các xã, thị trấn'], null],
      ['III', 'Văn phòng Huyện ủy', [], ['Văn phòng Huyện ủy'], null],
    ]);
    expect(doc.distribution).toEqual([
      { text: 'Ban Chỉ đạo tỉnh', mark: 'b/c' },
      { text: 'Các xã, thị trấn', mark: 't/h' },
      { text: 'Lưu VP', mark: null },
    ]);
  });
});
