/**
 * The shares the generator draws from, other than ages (age-pyramid.ts) and names (vietnamese-names.ts).
 * They are plausible orders of magnitude for a rural northern commune, not statistics to quote.
 */
import type { PriorityGroup } from './priority-groups.ts';
import { weighted, weightedList } from './sampling.ts';

/** Household sizes 1–7 (%): mean 3.57, the 2019 census counted 3.6 people per household. */
export const HOUSEHOLD_SIZE_SHARES = [8, 18, 22, 28, 13, 7, 4];

/** Mobile prefixes with rough market shares (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile). */
export const MOBILE_PREFIXES = weightedList(`
  086:5 096:8 097:9 098:9 032:3 033:3 034:3 035:3 036:3 037:3 038:3 039:3
  088:3 091:6 094:5 081:2 082:2 083:2 084:2 085:2
  089:2 090:5 093:4 070:2 076:1 077:2 078:1 079:2
  092:2 056:1 058:1 099:1 059:1
`);

export const OCCUPATIONS = {
  teen: weighted({ 'Học sinh': 85, 'Làm ruộng': 8, 'Lao động tự do': 7 }),
  young: weighted({ 'Sinh viên': 28, 'Công nhân': 26, 'Làm ruộng': 24, 'Lao động tự do': 16, 'Buôn bán': 6 }),
  adult: weighted({
    'Làm ruộng': 42,
    'Công nhân': 16,
    'Lao động tự do': 14,
    'Buôn bán': 8,
    'Nội trợ': 5,
    'Cán bộ, công chức': 5,
    'Giáo viên': 3,
    'Nhân viên y tế': 1.2,
    'Công an': 0.6,
    'Quân đội': 0.4,
    'Lái xe': 1.8,
    'Kinh doanh': 3,
  }),
  senior: weighted({ 'Làm ruộng': 40, 'Hưu trí': 20, 'Ở nhà': 35, 'Buôn bán': 5 }),
};

export const GROUP_OF_OCCUPATION: Readonly<Record<string, PriorityGroup>> = {
  'Giáo viên': 'teacher',
  'Nhân viên y tế': 'healthWorker',
  'Công an': 'frontline',
  'Quân đội': 'frontline',
};

/** Village names of Tày–Nùng origin ("Nà" = rice field, "Pác" = mouth of a stream…): more Tày–Nùng families. */
export const TAY_NUNG_VILLAGE = /^(Thôn |Bản |Xóm )?(Nà|Khuôn|Pác|Khau|Nặm|Phai|Pò|Cốc|Lũng|Bó|Còn|Khòn) /;
