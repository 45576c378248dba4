/**
 * One row of an uploaded list → a person to register, or every reason why not, each naming its column.
 * Problems that should not block the import (an adult without an ID number) are warnings.
 */
import type { Message } from '../../../core/errors.ts';
import { normalizeName } from '../../../core/text.ts';
import { type CellValue, readCell } from './cell.ts';
import { ageOn, formatDate, parseBirthDate } from './dates.ts';
import type { PersonField } from './headers.ts';
import { checkNationalId, type Sex } from './national-id.ts';
import { checkFullName, titleCaseName } from './person-name.ts';
import { type PersonStatus, parsePersonStatus } from './person-status.ts';
import { normalizePhone } from './phone.ts';
import {
  PRIORITY_GROUP_LABELS,
  PRIORITY_GROUPS,
  type PriorityGroup,
  parsePriorityGroups,
} from './priority-groups.ts';
import { parseSex } from './sex.ts';
import { matchVillage, type VillageRef } from './villages.ts';

export { PERSON_STATUS_LABELS, PERSON_STATUSES, type PersonStatus } from './person-status.ts';
export { PRIORITY_GROUP_LABELS, PRIORITY_GROUPS, type PriorityGroup } from './priority-groups.ts';

export interface PersonInput {
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: Sex | null;
  nationalId: string | null;
  phone: string | null;
  villageId: number | null;
  address: string | null;
  householdHead: string | null;
  relationToHead: string | null;
  occupation: string | null;
  priorityGroups: PriorityGroup[];
  status: PersonStatus;
  note: string | null;
}

export interface RowContext {
  today: Date;
  villages: readonly VillageRef[];
}

export interface RowError {
  field: PersonField;
  reason: Message;
}

export type RowResult =
  | { ok: true; person: PersonInput; warnings: Message[] }
  | { ok: false; errors: RowError[] };

/** Citizens must hold a CCCD from 14 (Luật Căn cước công dân 2014, Điều 19). */
export const NATIONAL_ID_AGE = 14;
export const AGED_65_PLUS = 65;

export function validatePersonRow(cells: Partial<Record<PersonField, unknown>>, ctx: RowContext): RowResult {
  const errors: RowError[] = [];
  const warnings: Message[] = [];
  const fail = (field: PersonField, reason: Message) => {
    errors.push({ field, reason });
    return null;
  };
  const read = (field: PersonField): CellValue => {
    const cell = readCell(cells[field]);
    return cell.ok ? cell.value : fail(field, cell.reason);
  };
  const text = (field: PersonField): string | null => {
    const value = read(field);
    if (value == null) return null;
    return value instanceof Date ? formatDate(value.toISOString()) : normalizeName(String(value));
  };

  const nameText = text('fullName');
  const name = checkFullName(nameText ?? '');
  const fullName = name.ok ? name.value : fail('fullName', name.reason);

  // The birth date is in "Ngày sinh", or under "Nam" or "Nữ", whose column also tells the sex.
  const plainBirth = read('birthDate');
  const maleBirth = read('birthDateMale');
  const femaleBirth = read('birthDateFemale');
  if (maleBirth != null && femaleBirth != null)
    fail('birthDateFemale', {
      vi: 'Có ngày sinh ở cả cột Nam và cột Nữ: chỉ ghi vào cột đúng giới tính.',
      en: 'Birth dates under both Nam and Nữ: write it under the person’s sex only.',
    });
  const birthField: PersonField =
    plainBirth != null
      ? 'birthDate'
      : maleBirth != null
        ? 'birthDateMale'
        : femaleBirth != null
          ? 'birthDateFemale'
          : 'birthDate';
  const rawBirth = plainBirth ?? maleBirth ?? femaleBirth;
  const birth = parseBirthDate(rawBirth, ctx.today);
  if (!birth.ok) fail(birthField, birth.reason);
  const age = birth.ok ? ageOn({ birthDate: birth.date, birthYear: birth.year }, ctx.today) : null;

  const sexText = text('sex');
  let sex = parseSex(sexText);
  if (sex === undefined)
    sex = fail('sex', {
      vi: `Giới tính “${sexText}” không rõ: ghi Nam hoặc Nữ.`,
      en: `Sex “${sexText}” is unclear: write Nam or Nữ.`,
    });
  const sexOfColumn: Sex | null =
    maleBirth != null && femaleBirth == null
      ? 'male'
      : femaleBirth != null && maleBirth == null
        ? 'female'
        : null;
  if (sex && sexOfColumn && sex !== sexOfColumn)
    fail('sex', {
      vi: `Giới tính ghi ${sex === 'male' ? 'Nam' : 'Nữ'} nhưng ngày sinh nằm ở cột ${sexOfColumn === 'male' ? 'Nam' : 'Nữ'}.`,
      en: `Sex says ${sex} but the birth date is in the ${sexOfColumn} column.`,
    });
  sex ??= sexOfColumn;

  let nationalId: string | null = null;
  const idValue = read('nationalId');
  if (idValue != null) {
    const id = checkNationalId(idValue instanceof Date ? idValue.toISOString() : String(idValue), {
      birthYear: birth.ok ? birth.year : null,
      sex,
      currentYear: ctx.today.getFullYear(),
    });
    if (id.ok) {
      nationalId = id.value;
      sex ??= id.sex ?? null; // a blank sex column is filled from the CCCD, which encodes it
    } else fail('nationalId', id.reason);
  } else if (age !== null && age >= NATIONAL_ID_AGE)
    warnings.push({
      vi: `Người từ ${NATIONAL_ID_AGE} tuổi trở lên chưa có số CCCD/CMND.`,
      en: `A person aged ${NATIONAL_ID_AGE} or over without an ID number.`,
    });

  let phone: string | null = null;
  const phoneValue = read('phone');
  if (phoneValue != null) {
    const checked = normalizePhone(phoneValue instanceof Date ? phoneValue.toISOString() : phoneValue);
    if (checked.ok) phone = checked.value;
    else fail('phone', checked.reason);
  }

  let villageId: number | null = null;
  const villageText = text('village');
  if (villageText != null) {
    const village = matchVillage(villageText, ctx.villages);
    if (village.ok) villageId = village.id;
    else fail('village', village.reason);
  }

  const groups = parsePriorityGroups(text('priorityGroups'));
  const priorityGroups = new Set(groups.groups);
  if (groups.unknown.length > 0) {
    priorityGroups.add('other');
    warnings.push({
      vi: `Không rõ đối tượng “${groups.unknown.join(', ')}”: đã ghi là “${PRIORITY_GROUP_LABELS.other.vi}”.`,
      en: `Unknown priority group “${groups.unknown.join(', ')}”: recorded as “${PRIORITY_GROUP_LABELS.other.en}”.`,
    });
  }
  // Age decides the 65+ group, whatever the column says.
  if (age !== null) {
    if (age >= AGED_65_PLUS) priorityGroups.add('aged65plus');
    else if (priorityGroups.delete('aged65plus'))
      warnings.push({
        vi: `Ghi là người từ 65 tuổi trở lên nhưng mới ${age} tuổi: đã bỏ nhóm này.`,
        en: `Listed as aged 65 and over but is ${age}: the group was removed.`,
      });
  }
  if (sex === 'male' && priorityGroups.has('pregnant'))
    fail('priorityGroups', {
      vi: 'Nam giới không thể thuộc nhóm phụ nữ có thai: kiểm tra lại giới tính hoặc đối tượng.',
      en: 'A man cannot be in the pregnant group: check the sex or the priority groups.',
    });

  const statusText = text('status');
  const status = parsePersonStatus(statusText);
  if (status === undefined)
    fail('status', {
      vi: `Tình trạng “${statusText}” không rõ: ghi Thường trú, Tạm vắng, Đã chuyển đi hoặc Đã mất.`,
      en: `Status “${statusText}” is unclear: write Thường trú, Tạm vắng, Đã chuyển đi or Đã mất.`,
    });

  const headText = text('householdHead');
  const person = {
    address: text('address'),
    householdHead: headText == null ? null : titleCaseName(headText),
    relationToHead: text('relationToHead'),
    occupation: text('occupation'),
    note: text('note'),
  };
  if (errors.length > 0 || !birth.ok || fullName === null || status === undefined)
    return { ok: false, errors };
  return {
    ok: true,
    person: {
      fullName,
      birthDate: birth.date,
      birthYear: birth.year,
      sex: sex ?? null,
      nationalId,
      phone,
      villageId,
      ...person,
      priorityGroups: PRIORITY_GROUPS.filter((g) => priorityGroups.has(g)),
      status,
    },
    warnings,
  };
}
