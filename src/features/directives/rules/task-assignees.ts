/**
 * Turns the reviewed items of a document into task rows, one per unit that must act: names are resolved
 * against the registering unit's organizations and the units below it, "UBND các xã, thị trấn" fans out to
 * every commune, and a name that matches nothing is kept as text, flagged unresolved. Pure.
 */
import type { Task } from './parsed-document.ts';
import { createUnitResolver, expandCollectiveUnit, type UnitCandidate } from './resolve-unit.ts';

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A unit or organization as a letter names it, and what it was resolved to. */
export interface UnitRef {
  text: string;
  unitCode: string | null;
  organizationId: number | null;
  resolved: boolean;
}

export interface NamedUnit {
  code: string;
  /** "Xã Yên Thịnh" (name_with_type). */
  name: string;
  /** "Yên Thịnh". */
  plainName: string;
  level: number;
}

export interface NamedOrganization {
  id: number;
  unitCode: string;
  name: string;
  shortName: string | null;
}

/** What names in a letter registered by `unit` may stand for. */
export interface Jurisdiction {
  unit: NamedUnit;
  /** Every unit below the registering unit, down to communes. */
  unitsBelow: NamedUnit[];
  /** Organizations of the registering unit. */
  organizations: NamedOrganization[];
}

export interface PlannedTask {
  ordinal: string;
  text: string;
  leadUnit: UnitRef | null;
  coordinating: UnitRef[];
  assignee: UnitRef;
  deadline: string | null;
  deadlineText: string | null;
  urgent: boolean;
}

/**
 * One row per item and unit that must act. An outgoing letter's item goes to its lead unit, else the units
 * it addresses, else the letter's addressees. An incoming letter is addressed to the registering unit: each
 * item is the registering unit's own task (it passes the work down with a letter of its own).
 */
export function planTasks(
  tasks: readonly Task[],
  addressees: readonly string[],
  direction: Direction,
  jurisdiction: Jurisdiction,
): PlannedTask[] {
  const refsFor = unitRefResolver(jurisdiction);
  const self: UnitRef = {
    text: jurisdiction.unit.name,
    unitCode: jurisdiction.unit.code,
    organizationId: null,
    resolved: true,
  };
  return tasks.flatMap((task) => {
    const lead = task.leadUnit ? refsFor(task.leadUnit) : [];
    const shared = {
      ordinal: task.ordinal,
      text: task.text,
      leadUnit: task.leadUnit
        ? lead.length === 1
          ? lead[0]!
          : { text: task.leadUnit, unitCode: null, organizationId: null, resolved: lead.length > 1 }
        : null,
      coordinating: task.coordinatingUnits.flatMap(refsFor),
      deadline: task.deadline?.date ?? null,
      deadlineText: task.deadline?.text || null,
      urgent: task.deadline?.urgent ?? false,
    };
    if (direction === 'incoming') return [{ ...shared, assignee: self }];
    const names = task.leadUnit
      ? [task.leadUnit]
      : task.addressedUnits.length > 0
        ? task.addressedUnits
        : addressees;
    return unique(names.flatMap(refsFor)).map((assignee) => ({ ...shared, assignee }));
  });
}

/** Name → the units it stands for: several for a collective name, one (maybe unresolved) otherwise. */
function unitRefResolver(j: Jurisdiction): (name: string) => UnitRef[] {
  const communes = j.unitsBelow.filter((u) => u.level === 3).map((u) => ({ id: u.code, name: u.name }));
  const candidates: UnitCandidate[] = [
    { id: `unit:${j.unit.code}`, name: j.unit.name },
    ...j.unitsBelow.map((u) => ({
      id: `unit:${u.code}`,
      name: u.name,
      aliases: [`Ủy ban nhân dân ${lowerFirst(u.name)}`],
    })),
    ...j.organizations.map((o) => ({
      id: `org:${o.id}`,
      name: o.name,
      aliases: organizationAliases(o, j.unit),
    })),
  ];
  const organizations = new Map(j.organizations.map((o) => [o.id, o]));
  const resolve = createUnitResolver(candidates);
  return (name) => {
    const expanded = expandCollectiveUnit(name, communes);
    if (expanded && expanded.length > 0)
      return expanded.map((c) => ({ text: c.text, unitCode: c.id, organizationId: null, resolved: true }));
    const found = resolve(name);
    const [kind, id] = found.id?.split(':') ?? [];
    if (kind === 'org') {
      const org = organizations.get(Number(id))!;
      return [{ text: found.text, unitCode: org.unitCode, organizationId: org.id, resolved: true }];
    }
    if (kind === 'unit') return [{ text: found.text, unitCode: id!, organizationId: null, resolved: true }];
    return [{ text: found.text || name, unitCode: null, organizationId: null, resolved: false }];
  };
}

/**
 * A district's letter says "Trung tâm Y tế" or "Trung tâm Y tế huyện" for "Trung tâm Y tế huyện Hữu Lũng":
 * the organization's name without its unit, and with the unit's kind only, are aliases too.
 */
function organizationAliases(org: NamedOrganization, unit: NamedUnit): string[] {
  const aliases = org.shortName ? [org.shortName] : [];
  const suffix = lowerFirst(unit.name);
  if (!org.name.endsWith(suffix)) return aliases;
  const base = org.name.slice(0, -suffix.length).trim();
  const kindWord = suffix.slice(0, suffix.length - unit.plainName.length).trim();
  return base ? [...aliases, base, `${base} ${kindWord}`.trim()] : aliases;
}

function unique(refs: UnitRef[]): UnitRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.resolved ? `${r.unitCode}/${r.organizationId}` : `text:${r.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
