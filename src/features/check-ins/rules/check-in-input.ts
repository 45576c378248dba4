/** The public check-in form's fields, checked with the registry's own rules (phone, CCCD). Pure. */
import type { FieldError } from '../../../core/errors.ts';
import { checkNationalId } from '../../persons/rules/national-id.ts';
import { normalizePhone } from '../../persons/rules/phone.ts';

export interface RawCheckIn {
  fullName: string;
  phone: string;
  birthYear: number;
  nationalId?: string | null;
}

/** The normalised check-in, or the problems naming each field. */
export function readCheckIn(
  raw: RawCheckIn,
  currentYear: number,
): { ok: true; value: RawCheckIn } | { ok: false; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const fullName = raw.fullName.trim().replace(/\s+/g, ' ');
  if (fullName.length < 2)
    problems.push({
      field: 'fullName',
      message: { vi: 'Vui lòng nhập họ và tên.', en: 'Please enter your full name.' },
    });
  const phone = normalizePhone(raw.phone);
  if (!phone.ok) problems.push({ field: 'phone', message: phone.reason });
  if (raw.birthYear < currentYear - 120 || raw.birthYear > currentYear)
    problems.push({
      field: 'birthYear',
      message: { vi: 'Năm sinh không hợp lệ.', en: 'The birth year is not valid.' },
    });
  let nationalId: string | null = null;
  if (raw.nationalId?.trim()) {
    const id = checkNationalId(raw.nationalId, { birthYear: raw.birthYear, currentYear });
    if (id.ok) nationalId = id.value;
    else problems.push({ field: 'nationalId', message: id.reason });
  }
  if (problems.length || !phone.ok) return { ok: false, problems };
  return { ok: true, value: { fullName, phone: phone.value, birthYear: raw.birthYear, nationalId } };
}
