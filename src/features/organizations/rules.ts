/**
 * The organizations (phòng, ban, ngành) that act in the seed letters, by level. Pure data: the seeds name
 * the People's Committee, the steering committee, the health centre / station, culture & information,
 * labour–invalids & social affairs, education, police, military command and the Fatherland Front.
 */

export const ORGANIZATION_KINDS = [
  'peoplesCommittee',
  'steeringCommittee',
  'healthDepartment',
  'healthCentre',
  'healthStation',
  'cultureInformation',
  'labourSocialAffairs',
  'education',
  'police',
  'militaryCommand',
  'fatherlandFront',
  'communityTeam',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

interface Template {
  kind: OrganizationKind;
  name: (unit: string) => string;
  short: (unit: string) => string;
}

const t = (kind: OrganizationKind, name: string, short: string): Template => ({
  kind,
  name: (unit) => `${name} ${unit}`,
  short: (unit) => `${short} ${unit}`,
});

/** Level 1 (province), 2 (district), 3 (commune): the usual structure of each. */
const TEMPLATES: Record<1 | 2 | 3, Template[]> = {
  1: [
    t('peoplesCommittee', 'Ủy ban nhân dân', 'UBND'),
    t('steeringCommittee', 'Ban Chỉ đạo phòng, chống dịch COVID-19', 'BCĐ'),
    t('healthDepartment', 'Sở Y tế', 'SYT'),
    t('labourSocialAffairs', 'Sở Lao động - Thương binh và Xã hội', 'Sở LĐ-TB&XH'),
    t('cultureInformation', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở VH-TT&DL'),
    t('education', 'Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'),
    t('police', 'Công an', 'CA'),
    t('militaryCommand', 'Bộ Chỉ huy Quân sự', 'Bộ CHQS'),
    t('fatherlandFront', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'UBMTTQ'),
  ],
  2: [
    t('peoplesCommittee', 'Ủy ban nhân dân', 'UBND'),
    t('steeringCommittee', 'Ban Chỉ đạo phòng, chống dịch COVID-19', 'BCĐ'),
    t('healthCentre', 'Trung tâm Y tế', 'TTYT'),
    t('labourSocialAffairs', 'Phòng Lao động - Thương binh và Xã hội', 'Phòng LĐ-TB&XH'),
    t('cultureInformation', 'Phòng Văn hóa và Thông tin', 'Phòng VH-TT'),
    t('education', 'Phòng Giáo dục và Đào tạo', 'Phòng GD&ĐT'),
    t('police', 'Công an', 'CA'),
    t('militaryCommand', 'Ban Chỉ huy Quân sự', 'Ban CHQS'),
    t('fatherlandFront', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'UBMTTQ'),
  ],
  3: [
    t('peoplesCommittee', 'Ủy ban nhân dân', 'UBND'),
    t('steeringCommittee', 'Ban Chỉ đạo phòng, chống dịch COVID-19', 'BCĐ'),
    t('healthStation', 'Trạm Y tế', 'TYT'),
    t('police', 'Công an', 'CA'),
    t('militaryCommand', 'Ban Chỉ huy Quân sự', 'Ban CHQS'),
    t('fatherlandFront', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'UBMTTQ'),
    t('communityTeam', 'Tổ Covid cộng đồng', 'Tổ Covid'),
  ],
};

/** Default organizations of a unit, named after it: "Trung tâm Y tế huyện Hữu Lũng". */
export function defaultOrganizations(unit: { level: number; name_with_type: string }) {
  if (unit.level < 1 || unit.level > 3) return [];
  // "Huyện Hữu Lũng" → "huyện Hữu Lũng": the unit's kind is lower-case inside a longer name.
  const suffix = unit.name_with_type.charAt(0).toLowerCase() + unit.name_with_type.slice(1);
  return TEMPLATES[unit.level as 1 | 2 | 3].map((tpl) => ({
    kind: tpl.kind,
    name: tpl.name(suffix),
    short_name: tpl.short(suffix),
  }));
}
