import { describe, expect, it } from 'vitest';
import { findDeadline } from './deadlines.ts';

const DEC_2021 = { year: 2021, month: 12 };

describe('findDeadline', () => {
  it.each([
    ['hoàn thành trong tháng 01/2022.', '2022-01-31', 'trong tháng 01/2022'],
    ['hoàn thành trong tháng 02 năm 2024.', '2024-02-29', 'trong tháng 02 năm 2024'],
    ['báo cáo trước ngày 15/12/2021;', '2021-12-15', 'trước ngày 15/12/2021'],
    ['báo cáo trước ngày 15 tháng 12 năm 2021.', '2021-12-15', 'trước ngày 15 tháng 12 năm 2021'],
    ['gửi về trước 16 giờ 30 ngày 20/12/2021.', '2021-12-20', 'trước 16 giờ 30 ngày 20/12/2021'],
    ['báo cáo chậm nhất ngày 25/12.', '2021-12-25', 'chậm nhất ngày 25/12'],
    ['xong trước ngày 10/01 năm sau.', '2022-01-10', 'trước ngày 10/01'],
    ['hạn chót là ngày 31/12/2021.', '2021-12-31', 'hạn chót là ngày 31/12/2021'],
    ['hoàn thành trong ngày 18/12/2021.', '2021-12-18', 'trong ngày 18/12/2021'],
    ['hoàn thành trong quý I/2022.', '2022-03-31', 'trong quý I/2022'],
  ])('dates "%s"', (text, date, phrase) => {
    expect(findDeadline(text, DEC_2021)).toEqual({ date, urgent: false, text: phrase });
  });

  it('reads the month through markdown bold once the text is cleaned, and keeps urgency with a date', () => {
    expect(findDeadline('khẩn trương tiêm cho các đối tượng trong tháng 01/2022.', DEC_2021)).toEqual({
      date: '2022-01-31',
      urgent: true,
      text: 'trong tháng 01/2022',
    });
  });

  it.each([
    ['Khẩn trương đẩy nhanh tiến độ tiêm chủng.', 'Khẩn trương'],
    ['thành lập ngay trạm y tế lưu động.', 'ngay'],
    ['kiểm soát và kịp thời ngăn chặn nguồn lây nhiễm.', 'kịp thời'],
  ])('marks "%s" urgent without a date', (text, phrase) => {
    expect(findDeadline(text, DEC_2021)).toEqual({ date: null, urgent: true, text: phrase });
  });

  it('keeps a relative deadline as text', () => {
    expect(findDeadline('tổ chức xét nghiệm trong vòng 24 giờ.', DEC_2021)).toEqual({
      date: null,
      urgent: false,
      text: 'trong vòng 24 giờ',
    });
  });

  it('finds nothing in "ngay tại cơ sở", in a cited date or in "ngày"', () => {
    expect(findDeadline('Điều trị tích cực từ sớm, từ xa, ngay tại cơ sở.', DEC_2021)).toBeNull();
    expect(
      findDeadline('Thực hiện Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ.', DEC_2021),
    ).toBeNull();
    expect(findDeadline('báo cáo hằng ngày; trong 3/4 số xã.', DEC_2021)).toBeNull();
  });

  it('rejects a day that does not exist', () => {
    expect(findDeadline('trước ngày 31/02/2022', DEC_2021)).toEqual({
      date: null,
      urgent: false,
      text: 'trước ngày 31/02/2022',
    });
  });
});
