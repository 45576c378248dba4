/**
 * Whether a dose can be recorded (issue 6): a date in the future, before birth or after death is rejected;
 * the same dose twice is ignored; an interval shorter than the schedule's minimum, a mix the guidance does not
 * allow or a booster before its rule's date is recorded with a warning. Doses given elsewhere, or recorded
 * late, may arrive out of order: a missing earlier dose is a warning too.
 */

import { addDays, ageOnDay, daysBetween, formatDay } from '../../../core/dates.ts';
import type { Message } from '../../../core/errors.ts';
import type { PersonStatus } from '../../persons/rules/person-status.ts';
import { BOOSTER_RULE_SETS, type BoosterRuleSet, boosterDue, ruleSetOn } from './booster-rules.ts';
import { type DoseFact, seriesProduct } from './dose-series.ts';
import { mixAllowed, VACCINES } from './vaccines.ts';

export interface PersonForDose {
  birthDate: string | null;
  birthYear: number;
  registryStatus: PersonStatus;
  /** For a deceased person: the day of death, when recorded. */
  statusDate: string | null;
}

export type DoseVerdict =
  | { verdict: 'accept'; warnings: Message[] }
  | { verdict: 'ignore'; reason: Message }
  | { verdict: 'reject'; reasons: Message[] };

const msg = (vi: string, en: string): Message => ({ vi, en });
const MAX_NUMBER = { primary: 3, additional: 1, booster: 2 } as const;
const KIND_VI = { primary: 'Mũi', additional: 'Mũi bổ sung', booster: 'Mũi nhắc lại' } as const;
const KIND_EN = { primary: 'Primary dose', additional: 'Additional dose', booster: 'Booster' } as const;
const doseName = (d: DoseFact) => msg(`${KIND_VI[d.kind]} ${d.number}`, `${KIND_EN[d.kind]} ${d.number}`);

export function checkDose(
  dose: DoseFact,
  existing: readonly DoseFact[],
  person: PersonForDose,
  today: string,
  ruleSets: readonly BoosterRuleSet[] = BOOSTER_RULE_SETS,
): DoseVerdict {
  const name = doseName(dose);
  const day = formatDay(dose.date);
  const reasons: Message[] = [];
  const birth = person.birthDate ?? `${person.birthYear}-01-01`;
  if (dose.date > today)
    reasons.push(msg(`Ngày tiêm ${day} ở tương lai.`, `The dose date ${day} is in the future.`));
  if (dose.date < birth)
    reasons.push(msg(`Ngày tiêm ${day} trước ngày sinh.`, `The dose date ${day} is before the birth date.`));
  if (person.registryStatus === 'deceased' && person.statusDate && dose.date > person.statusDate)
    reasons.push(
      msg(
        `Ngày tiêm ${day} sau ngày mất (${formatDay(person.statusDate)}).`,
        `The dose date ${day} is after the death (${formatDay(person.statusDate)}).`,
      ),
    );
  if (dose.number < 1 || dose.number > MAX_NUMBER[dose.kind])
    reasons.push(msg(`Không có ${name.vi.toLowerCase()}.`, `There is no ${name.en.toLowerCase()}.`));
  const same = existing.find((d) => d.kind === dose.kind && d.number === dose.number);
  if (same && same.date === dose.date && same.vaccine === dose.vaccine)
    return {
      verdict: 'ignore',
      reason: msg(`${name.vi} ngày ${day} đã được ghi.`, `${name.en} of ${day} is already recorded.`),
    };
  if (same)
    reasons.push(
      msg(
        `${name.vi} đã được ghi ngày ${formatDay(same.date)}: sửa mũi đó nếu sai.`,
        `${name.en} is already recorded on ${formatDay(same.date)}: edit it if it is wrong.`,
      ),
    );
  const order = orderProblem(dose, existing);
  if (order) reasons.push(order);
  if (reasons.length > 0) return { verdict: 'reject', reasons };
  return { verdict: 'accept', warnings: warningsFor(dose, existing, birth, ruleSets) };
}

/** A dose dated on or before the dose it follows, or on or after the one that follows it. */
function orderProblem(dose: DoseFact, existing: readonly DoseFact[]): Message | null {
  const rank = (d: DoseFact) => (d.kind === 'primary' ? 0 : d.kind === 'additional' ? 10 : 20) + d.number;
  const mine = rank(dose);
  const before = existing.filter((d) => rank(d) < mine && d.date >= dose.date);
  const after = existing.filter((d) => rank(d) > mine && d.date <= dose.date);
  const clash = before[0] ?? after[0];
  if (!clash) return null;
  const other = doseName(clash);
  return msg(
    `${doseName(dose).vi} (${formatDay(dose.date)}) không thể ${before.length ? 'trước hoặc cùng ngày' : 'sau hoặc cùng ngày'} ${other.vi.toLowerCase()} (${formatDay(clash.date)}).`,
    `${doseName(dose).en} (${formatDay(dose.date)}) cannot be ${before.length ? 'on or before' : 'on or after'} ${other.en.toLowerCase()} (${formatDay(clash.date)}).`,
  );
}

function warningsFor(
  dose: DoseFact,
  existing: readonly DoseFact[],
  birth: string,
  ruleSets: readonly BoosterRuleSet[],
): Message[] {
  const warnings: Message[] = [];
  const product = VACCINES[dose.vaccine];
  const age = ageOnDay(birth, dose.date);
  if (product.ages && (age < product.ages.min || age > product.ages.max))
    warnings.push(
      msg(
        `${product.name} dành cho ${product.ages.min}–${product.ages.max} tuổi; người này ${age} tuổi khi tiêm.`,
        `${product.name} is for ages ${product.ages.min}–${product.ages.max}; this person was ${age}.`,
      ),
    );
  const primary = existing.filter((d) => d.kind === 'primary').sort((a, b) => a.number - b.number);
  const seriesVaccine = seriesProduct(existing) ?? dose.vaccine;
  const required = VACCINES[seriesVaccine].primary.doses;
  if (dose.kind === 'primary') {
    if (dose.number > required)
      warnings.push(
        msg(
          `Lịch tiêm ${VACCINES[seriesVaccine].name} chỉ có ${required} mũi cơ bản.`,
          `The ${VACCINES[seriesVaccine].name} primary series has ${required} doses only.`,
        ),
      );
    const previous = primary.find((d) => d.number === dose.number - 1);
    if (dose.number > 1 && !previous)
      warnings.push(msg(`Chưa có mũi ${dose.number - 1}.`, `Dose ${dose.number - 1} is not recorded.`));
    if (previous) {
      const interval = VACCINES[seriesVaccine].primary.intervals[dose.number - 2];
      const days = daysBetween(previous.date, dose.date);
      if (interval && days < interval.minimumDays)
        warnings.push(
          msg(
            `Mũi ${dose.number} cách mũi ${dose.number - 1} ${days} ngày, ngắn hơn tối thiểu ${interval.minimumDays} ngày của ${VACCINES[seriesVaccine].name}.`,
            `Dose ${dose.number} came ${days} days after dose ${dose.number - 1}, less than the ${interval.minimumDays}-day minimum for ${VACCINES[seriesVaccine].name}.`,
          ),
        );
      if (!mixAllowed(seriesVaccine, dose.vaccine, dose.date))
        warnings.push(
          msg(
            `Tiêm ${product.name} sau ${VACCINES[seriesVaccine].name} không nằm trong các cách phối hợp được hướng dẫn.`,
            `${product.name} after ${VACCINES[seriesVaccine].name} is not a mix the guidance allows.`,
          ),
        );
    }
    return warnings;
  }
  const complete = primary.length >= required ? primary[required - 1]! : null;
  if (!complete)
    warnings.push(
      msg(
        `${doseName(dose).vi} khi chưa ghi đủ ${required} mũi cơ bản.`,
        `${doseName(dose).en} before the ${required}-dose primary series is recorded.`,
      ),
    );
  if (dose.kind === 'additional' && complete) {
    const after = (ruleSetOn(dose.date, ruleSets) ?? ruleSets[0])?.additionalDoseAfterDays ?? 0;
    if (dose.date < addDays(complete.date, after))
      warnings.push(
        msg(
          `Mũi bổ sung sớm hơn ${after} ngày sau mũi cơ bản cuối.`,
          `The additional dose came less than ${after} days after the primary series.`,
        ),
      );
  }
  if (dose.kind === 'booster') {
    const previous =
      dose.number === 1
        ? existing
            .filter((d) => d.kind !== 'booster' && d.date < dose.date)
            .sort((a, b) => (a.date < b.date ? -1 : 1))
            .at(-1)
        : existing.find((d) => d.kind === 'booster' && d.number === dose.number - 1);
    if (dose.number === 2 && !previous)
      warnings.push(msg('Chưa có mũi nhắc lại thứ nhất.', 'Booster 1 is not recorded.'));
    const due = previous ? boosterDue(dose.number as 1 | 2, previous.date, birth, ruleSets) : null;
    if (previous && (!due || dose.date < due.from))
      warnings.push(
        due
          ? msg(
              `Mũi nhắc lại sớm hơn ngày ${formatDay(due.from)} theo quy định "${due.ruleSetId}".`,
              `The booster came before ${formatDay(due.from)}, the date set by rule set "${due.ruleSetId}".`,
            )
          : msg(
              'Không có quy định nào cho mũi nhắc lại này ở độ tuổi và thời điểm đó.',
              'No rule set provides this booster at that age and date.',
            ),
      );
  }
  return warnings;
}
