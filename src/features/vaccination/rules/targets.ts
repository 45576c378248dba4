/**
 * Progress towards a target such as seed 004's "primary series for 100 % of people 12+ and boosters for
 * people 18+ within January 2022": how many are left, and when the unit gets there at its current pace.
 */
import { addDays } from '../../../core/dates.ts';

/** The pace is the daily mean over the last this many days of activity. */
export const PACE_WINDOW_DAYS = 14;
/**
 * A projection is given up to a year past the target's deadline; later, "not reached at the current pace":
 * a campaign's pace of two weeks says nothing of a date centuries away (a slow commune projected 31/10/2342).
 * A reading choice of the product, not a value of any text.
 */
export const PROJECTION_HORIZON_DAYS = 365;

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
  /** When the remaining people are reached at the pace; null when met already, without pace or beyond the horizon. */
  projectedDate: string | null;
  /** The pace would reach the goal only after the horizon (deadline + PROJECTION_HORIZON_DAYS). */
  beyondHorizon: boolean;
  onTrack: boolean;
}

export function goalProgress(f: GoalFigures): GoalProgress {
  const required = Math.ceil((f.population * f.percent) / 100);
  const remaining = Math.max(0, required - f.achieved);
  const pacePerDay = f.recentGains / PACE_WINDOW_DAYS;
  const projection =
    remaining > 0 && pacePerDay > 0 ? addDays(f.windowEnd, Math.ceil(remaining / pacePerDay)) : null;
  const beyondHorizon = projection !== null && projection > addDays(f.deadline, PROJECTION_HORIZON_DAYS);
  const projectedDate = beyondHorizon ? null : projection;
  return {
    population: f.population,
    achieved: f.achieved,
    required,
    remaining,
    coverage: f.population ? Math.round((f.achieved / f.population) * 1000) / 10 : 0,
    pacePerDay: Math.round(pacePerDay * 10) / 10,
    projectedDate,
    beyondHorizon,
    onTrack: remaining === 0 || (projectedDate !== null && projectedDate <= f.deadline),
  };
}
