import { generateResidents } from '../../src/features/persons/rules/generator.ts';

/**
 * A commune's generated residents (the persons generator, one village) as the CSV lines a commune types:
 * the header, then a line a person (dd/mm/yyyy birth dates, or the year alone; Nam/Nữ; the CCCD; the phone
 * when asked). Join with '\n' for the file.
 */
export function residentLines(
  communeCode: string,
  rows: number,
  today: Date,
  options: { phone?: boolean } = {},
): string[] {
  const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const lines = [`Họ và tên;Ngày sinh;Giới tính;Số CCCD${options.phone ? ';SĐT' : ''}`];
  for (const { person: p } of generateResidents({
    communeCode,
    villages: [{ id: 1, name: 'Khối 1', population: rows }],
    today,
  })) {
    if (lines.length > rows) break;
    const born = p.birthDate ? dmy(p.birthDate) : String(p.birthYear);
    const cells = [p.fullName, born, p.sex === 'female' ? 'Nữ' : 'Nam', p.nationalId ?? ''];
    lines.push((options.phone ? [...cells, p.phone ?? ''] : cells).join(';'));
  }
  return lines;
}
