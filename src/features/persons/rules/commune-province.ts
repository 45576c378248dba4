/**
 * The province of a commune from its 5-digit GSO code, without a database: GSO numbers communes
 * province by province, so a table of where each run of codes starts is enough. Derived from the 2021 list
 * in assets/reference/admin-units-2021. Hà Nội appears in several runs because it absorbed Mê Linh
 * (from Vĩnh Phúc), four communes of Lương Sơn (from Hòa Bình) and Hà Tây in 2008, which kept their codes;
 * one Khánh Hòa commune sits inside Ninh Thuận's run for the same kind of reason.
 */
const RUN_STARTS: readonly (readonly [number, string])[] = [
  [1, '01'],
  [688, '02'],
  [1267, '04'],
  [1834, '06'],
  [2200, '08'],
  [2635, '10'],
  [3124, '11'],
  [3386, '12'],
  [3646, '14'],
  [4249, '15'],
  [4789, '17'],
  [4927, '01'],
  [4942, '17'],
  [5431, '19'],
  [5971, '20'],
  [6649, '22'],
  [7201, '24'],
  [7888, '25'],
  [8707, '26'],
  [8973, '01'],
  [9025, '26'],
  [9163, '27'],
  [9538, '01'],
  [10507, '30'],
  [11296, '31'],
  [11950, '33'],
  [12433, '34'],
  [13285, '35'],
  [13633, '36'],
  [14320, '37'],
  [14755, '38'],
  [16663, '40'],
  [18070, '42'],
  [18853, '44'],
  [19330, '45'],
  [19750, '46'],
  [20194, '48'],
  [20335, '49'],
  [21010, '51'],
  [21550, '52'],
  [22015, '54'],
  [22327, '56'],
  [22738, '58'],
  [22739, '56'],
  [22741, '58'],
  [22915, '60'],
  [23281, '62'],
  [23557, '64'],
  [24118, '66'],
  [24611, '67'],
  [24769, '68'],
  [25195, '70'],
  [25456, '72'],
  [25741, '74'],
  [25993, '75'],
  [26506, '77'],
  [26734, '79'],
  [27685, '80'],
  [28249, '82'],
  [28756, '83'],
  [29236, '84'],
  [29542, '86'],
  [29863, '87'],
  [30280, '89'],
  [30730, '91'],
  [31117, '92'],
  [31318, '93'],
  [31498, '94'],
  [31813, '95'],
  [31999, '96'],
];
const LAST_COMMUNE_CODE = 32248;

/** "06400" → "20" (Lạng Sơn); null when the code is not a commune code of the 2021 list's range. */
export function provinceOfCommune(communeCode: string): string | null {
  if (!/^\d{5}$/.test(communeCode)) return null;
  const code = Number(communeCode);
  if (code < 1 || code > LAST_COMMUNE_CODE) return null;
  let province: string | null = null;
  for (const [start, p] of RUN_STARTS) {
    if (start > code) break;
    province = p;
  }
  return province;
}
