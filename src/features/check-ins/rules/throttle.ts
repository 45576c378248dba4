/**
 * The public check-in form's abuse limit, per sender address. Pure. Like the login throttle (auth/rules.ts),
 * the counts live in the database (here: the check-ins themselves, by a hash of the address), so every process
 * and a restart agree; unlike it there is no failure to count, only volume.
 */
export const CHECK_IN_THROTTLE = {
  /** Check-ins one address may make in the window: a family or a stall's helpers on one phone pass, a flood does not. */
  perAddress: 20,
  windowMs: 10 * 60_000,
  /** The same phone at the same venue within this time is the same check-in (a double tap, a reload). */
  repeatMs: 30 * 60_000,
} as const;

/** Whether a new check-in from an address that made `recent` in the window is refused. */
export function checkInThrottled(recent: number): boolean {
  return recent >= CHECK_IN_THROTTLE.perAddress;
}

/** Whole minutes until the window lets the address in again, from its oldest check-in still counted. */
export function minutesToWait(oldestCountedAt: string, now: Date): number {
  const free = new Date(oldestCountedAt).getTime() + CHECK_IN_THROTTLE.windowMs;
  return Math.max(1, Math.ceil((free - now.getTime()) / 60_000));
}
