/**
 * Vietnamese names for generated residents.
 *
 * Family names with their share of the population (common published estimates: Nguyễn ≈ 38 %, Trần 11 %,
 * Lê 9.5 %, …); Hoàng and Huỳnh, Vũ and Võ are one name written the northern and the southern way, so a
 * commune uses one spelling. Lạng Sơn's Tày and Nùng families have their own names; their weights are
 * our estimate, not a published table.
 */
import { type Weighted, weighted } from './sampling.ts';

/** [northern spelling, southern spelling, % of the population]. */
export const KINH_FAMILY_NAMES: readonly (readonly [string, string, number])[] = [
  ['Nguyễn', 'Nguyễn', 38],
  ['Trần', 'Trần', 11],
  ['Lê', 'Lê', 9.5],
  ['Phạm', 'Phạm', 7],
  ['Hoàng', 'Huỳnh', 5],
  ['Phan', 'Phan', 4.5],
  ['Vũ', 'Võ', 3.9],
  ['Đặng', 'Đặng', 2.1],
  ['Bùi', 'Bùi', 2],
  ['Đỗ', 'Đỗ', 1.4],
  ['Hồ', 'Hồ', 1.3],
  ['Ngô', 'Ngô', 1.3],
  ['Dương', 'Dương', 1],
  ['Lý', 'Lý', 0.5],
  // The remaining ~11.5 % is spread over less common names.
  ['Đinh', 'Đinh', 1.8],
  ['Đào', 'Đào', 1.6],
  ['Trịnh', 'Trịnh', 1.4],
  ['Mai', 'Mai', 1.2],
  ['Trương', 'Trương', 1.2],
  ['Đoàn', 'Đoàn', 1.1],
  ['Lương', 'Lương', 1],
  ['Cao', 'Cao', 0.9],
  ['Tô', 'Tô', 0.7],
  ['Lâm', 'Lâm', 0.6],
];

export const TAY_NUNG_FAMILY_NAMES: readonly Weighted[] = [
  { value: 'Hoàng', weight: 20 },
  { value: 'Nông', weight: 14 },
  { value: 'Lường', weight: 6 },
  { value: 'Lăng', weight: 7 },
  { value: 'Vi', weight: 10 },
  { value: 'Lộc', weight: 8 },
  { value: 'Mông', weight: 5 },
  { value: 'Chu', weight: 7 },
  { value: 'Hà', weight: 9 },
  { value: 'Triệu', weight: 8 },
  { value: 'Lý', weight: 6 },
];

/** Middle names: Văn and Thị dominate among people born before 2000, much less after. */
export const MIDDLE_NAMES = {
  male: {
    older: weighted({
      Văn: 60,
      Đức: 8,
      Minh: 6,
      Quang: 5,
      Hữu: 5,
      Xuân: 4,
      Thanh: 3,
      Mạnh: 3,
      Đình: 3,
      Công: 3,
    }),
    younger: weighted({
      Văn: 22,
      Đức: 12,
      Minh: 14,
      Quang: 8,
      Hữu: 4,
      Gia: 8,
      Anh: 8,
      Hoàng: 6,
      Trung: 5,
      Bảo: 7,
      Tiến: 6,
    }),
  },
  female: {
    older: weighted({ Thị: 75, Thu: 5, Thanh: 4, Ngọc: 4, Minh: 2, Hồng: 3, Kim: 3, Bích: 2, Phương: 2 }),
    younger: weighted({
      Thị: 28,
      Thu: 8,
      Thanh: 6,
      Ngọc: 10,
      Minh: 6,
      Phương: 8,
      Khánh: 6,
      Bảo: 6,
      Hải: 5,
      Mai: 6,
      Thùy: 6,
      Quỳnh: 5,
    }),
  },
} as const;

export const GIVEN_NAMES = {
  male: (
    'An Anh Bách Bảo Bằng Bình Cảnh Chiến Chính Công Cường Dân Doanh Dũng Duy Dương Đại Đạt Điệp Định Đông Đức ' +
    'Giang Hải Hào Hậu Hiển Hiệp Hiếu Hòa Hoàn Hoàng Hợp Huân Hùng Hưng Huy Khải Khang Khánh Khoa Khôi Kiên ' +
    'Lâm Linh Lộc Lợi Long Luân Lực Mạnh Minh Nam Nghĩa Ngọc Nguyên Nhân Nhật Ninh Phát Phong Phú Phúc Phương ' +
    'Quân Quang Quý Quyết Sang Sáng Sơn Sỹ Tài Tâm Tân Thái Thắng Thanh Thành Thiện Thịnh Thông Thuận Tiến ' +
    'Toàn Toản Trí Trọng Trung Trường Tú Tuấn Tùng Tuyên Tường Việt Vinh Vĩnh Vũ Vượng Xuân'
  ).split(' '),
  female: (
    'An Anh Ánh Bích Châm Chi Cúc Diệp Diệu Dịu Dung Duyên Đào Giang Hà Hạnh Hằng Hảo Hậu Hiền Hoa Hòa Hoài ' +
    'Hồng Huệ Hương Hường Huyền Khánh Khuyên Kim Lan Lành Lệ Liên Liễu Linh Loan Lụa Luyến Ly Mai Mận Mến ' +
    'Minh My Nga Ngân Ngọc Nguyệt Nhàn Nhi Nhung Nụ Oanh Phấn Phượng Phương Quế Quyên Quỳnh Sen Sim Tâm ' +
    'Thắm Thanh Thảo Thêu Thoa Thơm Thu Thùy Thủy Thúy Thương Tình Trâm Trang Trinh Tươi Tuyền Tuyết Uyên ' +
    'Vân Vi Vy Xoan Xuân Yến Diễm Gấm Hân Lam Lựu Nương Thư Thục Trà Huế Hạ Ngát'
  ).split(' '),
} as const;
