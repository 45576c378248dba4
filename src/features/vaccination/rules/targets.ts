/**
 * Progress towards a target such as seed 004's "primary series for 100 % of people 12+ and boosters for
 * people 18+ within January 2022": how many are left, and when the unit gets there at its current pace.
 */
import { addDays } from '../../../core/dates.ts';

/** The pace is the daily mean over the last this many days of activity. */
export const PACE_WINDOW_DAYS = 14;

export interface GoalFigures {
  population: number;
  achieved: number;
  percent: number;
  /** People who reached the goal in the pace window, and the window's last day. */
  recentGains: number;
  windowEnd: string;
  deadline: string;
}

export interface GoalProgress {
  population: number;
  achieved: number;
  required: number;
  remaining: number;
  /** Achieved share of the population, in percent (one decimal). */
  coverage: number;
  pacePerDay: number;
  /** When the remaining people are reached at the pace; null when met already or when the pace is nil. */
  projectedDate: string | null;
  onTrack: boolean;
}

export function goalProgress(f: GoalFigures): GoalProgress {
  const required = Math.ceil((f.population * f.percent) / 100);
  const remaining = Math.max(0, required - f.achieved);
  const pacePerDay = f.recentGains / PACE_WINDOW_DAYS;
  const projectedDate =
    remaining > 0 && pacePerDay > 0 ? addDays(f.windowEnd, Math.ceil(remaining / pacePerDay)) : null;
  return {
    population: f.population,
    achieved: f.achieved,
    required,
    remaining,
    coverage: f.population ? Math.round((f.achieved / f.population) * 1000) / 10 : 0,
    pacePerDay: Math.round(pacePerDay * 10) / 10,
    projectedDate,
    onTrack: remaining === 0 || (projectedDate !== null && projectedDate <= f.deadline),
  };
}
